using System.Net.Http.Json;
using MedMassage.Notification.Api.Apis.Contracts;
using MedMassage.Notification.Api.Infrastructure.Delivery;

namespace MedMassage.Notification.Api.Tests.Authorization;

/// <summary>
/// One representative route of each route group, and what each caller gets at their own clinic and at another one.
/// Roles: front desk, therapist and clinic admin work at clinic A; ops, physicians and integrations work at no clinic.
/// </summary>
public sealed record Route(string Name, Func<Clinic, HttpRequestMessage> Request, IReadOnlyDictionary<string, (int Own, int Other)> Expected)
{
    public const string Prefix = "/api/notifications";

    public static readonly IReadOnlyList<string> Callers =
        ["front-desk", "therapist", "clinic-admin", "ops", "referring-physician", "integration-client", "no token"];

    public static readonly IReadOnlyList<Route> All =
    [
        // Delivery log (Operations): clinic admins read their locations' messages, ops every message's metadata.
        new("GET /messages/{id}", c => new(HttpMethod.Get, $"{Prefix}/messages/{c.EmailMessage}"),
            Answers(frontDesk: (403, 403), therapist: (403, 403), clinicAdmin: (200, 404), ops: (200, 200))),
        new("GET /messages", c => new(HttpMethod.Get, $"{Prefix}/messages?sourceEventId={Guid.NewGuid()}"),
            Answers(frontDesk: (403, 403), therapist: (403, 403), clinicAdmin: (200, 200), ops: (200, 200))),
        new("GET /messages/backlog", _ => new(HttpMethod.Get, $"{Prefix}/messages/backlog"),
            Answers(frontDesk: (403, 403), therapist: (403, 403), clinicAdmin: (200, 200), ops: (200, 200))),
        // Staff inbox (ClinicStaff), scoped to the caller's locations.
        new("POST /inbox/{key}/{id}/read", c => new(HttpMethod.Post, $"{Prefix}/inbox/{c.StaffInbox}/{c.Alert}/read"),
            Answers(frontDesk: (204, 404), therapist: (204, 404), clinicAdmin: (204, 404), ops: (403, 403))),
        new("GET /inbox/{key}", c => new(HttpMethod.Get, $"{Prefix}/inbox/{c.StaffInbox}"),
            Answers(frontDesk: (200, 200), therapist: (200, 200), clinicAdmin: (200, 200), ops: (403, 403))),
        // Preferences (FrontDesk), scoped to the locations the patient is known at.
        new("GET /preferences/{patientId}", c => new(HttpMethod.Get, $"{Prefix}/preferences/{c.Patient}"),
            Answers(frontDesk: (200, 404), therapist: (403, 403), clinicAdmin: (200, 404), ops: (403, 403))),
        new("PUT /preferences/{patientId}", c => new(HttpMethod.Put, $"{Prefix}/preferences/{c.Patient}")
            {
                Content = JsonContent.Create(new PreferencesRequest("email", "en", false, false, null, null)),
            },
            Answers(frontDesk: (200, 404), therapist: (403, 403), clinicAdmin: (200, 404), ops: (403, 403))),
        // Development SMS sink: reading is Operations; posting is for the service's own sender only, never a user.
        new("GET /dev/sms", _ => new(HttpMethod.Get, $"{Prefix}/dev/sms"),
            Answers(frontDesk: (403, 403), therapist: (403, 403), clinicAdmin: (200, 200), ops: (200, 200))),
        new("POST /dev/sms", _ => new(HttpMethod.Post, $"{Prefix}/dev/sms") { Content = JsonContent.Create(new SmsRequest("+15550100", "forged", "x")) },
            Answers(frontDesk: (403, 403), therapist: (403, 403), clinicAdmin: (403, 403), ops: (403, 403))),
    ];

    public static Route Named(string name) => All.Single(r => r.Name == name);

    /// <summary>Physicians and integration clients have no business with notifications: 403; no token: 401.</summary>
    private static Dictionary<string, (int, int)> Answers((int, int) frontDesk, (int, int) therapist, (int, int) clinicAdmin, (int, int) ops) => new()
    {
        ["front-desk"] = frontDesk,
        ["therapist"] = therapist,
        ["clinic-admin"] = clinicAdmin,
        ["ops"] = ops,
        ["referring-physician"] = (403, 403),
        ["integration-client"] = (403, 403),
        ["no token"] = (401, 401),
    };
}
