using System.Net.Http.Json;
using MedMassage.Referral.Api.Apis.Contracts;
using MedMassage.Referral.Api.Tests.Support;
using MedMassage.ServiceDefaults.Identity;

namespace MedMassage.Referral.Api.Tests.Authorization;

/// <summary>What a request is aimed at: a clinic, and a referral of that clinic made for this request.</summary>
public sealed record Target(Clinic Clinic, Guid ReferralId);

/// <summary>
/// Every referral route, and what each caller gets with the clinic's own referral and with another clinic's.
/// "Own" is A's: staff of A, A's physician (same NPI), A's hospital system (it submitted it); "other" is B's.
/// </summary>
public sealed record Route(string Name, Func<Target, HttpRequestMessage> Request, IReadOnlyDictionary<string, (int Own, int Other)> Expected,
    Action<MedMassage.Referral.Api.Domain.Referral>? Prepare = null)
{
    public const string Prefix = "/api/referrals";

    public static readonly IReadOnlyList<Route> All =
    [
        // Submitting (ReferralSubmitter): offices and hospital systems choose any clinic; intake staff their own.
        new("POST /", t => new(HttpMethod.Post, Prefix) { Content = JsonContent.Create(TestReferrals.Valid(TestReferrals.Today(), t.Clinic.Location)) },
            Answers(frontDesk: (201, 403), therapist: (403, 403), clinicAdmin: (201, 403), physician: (201, 201), integration: (201, 201))),
        // Reading (ReferralReader): staff their locations, physicians their NPI, systems what they submitted.
        new("GET /", t => new(HttpMethod.Get, $"{Prefix}?locationId={t.Clinic.Location}"),
            Answers(frontDesk: (200, 200), therapist: (200, 200), clinicAdmin: (200, 200), physician: (200, 200), integration: (200, 200))),
        new("GET /{id}", t => new(HttpMethod.Get, $"{Prefix}/{t.ReferralId}"),
            Answers(frontDesk: (200, 404), therapist: (200, 404), clinicAdmin: (200, 404), physician: (200, 404), integration: (200, 404))),
        // Finding a patient (FrontDesk): a list, never 404; another clinic's patients are left out (FrontDeskFindingTests).
        new("GET /patients", t => new(HttpMethod.Get, $"{Prefix}/patients?q=Lopez"),
            Answers(frontDesk: (200, 200), therapist: (403, 403), clinicAdmin: (200, 200), physician: (403, 403), integration: (403, 403))),
        // Intake decisions (FrontDesk) at their locations.
        Decision("accept", null),
        Decision("reject", new ReasonRequest("outside our scope")),
        Decision("hold", new ReasonRequest("insurance card missing")),
        Decision("resume", null, r => r.PutOnHold("insurance card missing", new("u-1", "Front desk"), DateTimeOffset.UtcNow)),
        Decision("cancel", new ReasonRequest("patient moved away")),
        Decision("clearances", new ClearanceRequest("scar-tissue-release", "Dr. Amy Surgeon", null, "doc://clearances/1")),
        // The audit trail (ClinicAdmin), filtered to their locations.
        new("GET /audit", t => new(HttpMethod.Get, $"{Prefix}/audit?referralId={t.ReferralId}"),
            Answers(frontDesk: (403, 403), therapist: (403, 403), clinicAdmin: (200, 200), physician: (403, 403), integration: (403, 403))),
    ];

    public static Route Named(string name) => All.Single(r => r.Name == name);

    private static Route Decision(string action, object? body, Action<MedMassage.Referral.Api.Domain.Referral>? prepare = null) =>
        new($"POST /{{id}}/{action}",
            t => new(HttpMethod.Post, $"{Prefix}/{t.ReferralId}/{action}") { Content = body is null ? null : JsonContent.Create(body) },
            Answers(frontDesk: (200, 404), therapist: (403, 403), clinicAdmin: (200, 404), physician: (403, 403), integration: (403, 403)),
            prepare);

    /// <summary>Ops have no business with referrals (403); no token is 401 everywhere.</summary>
    private static Dictionary<string, (int, int)> Answers((int, int) frontDesk, (int, int) therapist, (int, int) clinicAdmin,
        (int, int) physician, (int, int) integration) => new()
    {
        [Roles.FrontDesk] = frontDesk,
        [Roles.Therapist] = therapist,
        [Roles.ClinicAdmin] = clinicAdmin,
        [Roles.Ops] = (403, 403),
        [Roles.ReferringPhysician] = physician,
        [Roles.IntegrationClient] = integration,
        [Callers.NoToken] = (401, 401),
    };
}
