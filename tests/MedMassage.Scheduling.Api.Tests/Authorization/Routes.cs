using System.Net.Http.Json;

namespace MedMassage.Scheduling.Api.Tests.Authorization;

/// <summary>
/// One representative request per route group (and per policy within a group), sent to a record of the clinic
/// the caller works at ("own") or of another clinic ("other"), with who may call it and what each gets.
/// </summary>
public sealed record Route(string Name, string[] Allowed, int Own, int Other, Func<TwoClinics, Clinic, HttpClient, Task<HttpResponseMessage>> Send)
{
    public static readonly string[] Staff = ["front-desk", "therapist", "clinic-admin"];
    public static readonly string[] FrontDesk = ["front-desk", "clinic-admin"];
    public static readonly string[] ClinicAdmin = ["clinic-admin"];

    private const string Root = "/api/scheduling";

    private static readonly string[] Weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];

    private static readonly object LocationBody = new
    {
        name = "Downtown clinic",
        address = "1 Main St, Springfield",
        phone = "555-0100",
        timeZone = "America/New_York",
        lateCancellationWindowHours = 24,
        openingHours = Enum.GetNames<DayOfWeek>().Select(d => new { day = d, opens = "08:00", closes = "19:00" }),
        rooms = new[] { new { name = "Room 1" }, new { name = "Room 2" } },
    };

    public static readonly IReadOnlyList<Route> All =
    [
        // Clinic set-up: staff read their locations' set-up, admins change it.
        new("GET /locations/{id}", Staff, 200, 404, (_, c, http) => http.GetAsync($"{Root}/locations/{c.Location}")),
        new("PUT /locations/{id}", ClinicAdmin, 200, 404, (_, c, http) => http.PutAsJsonAsync($"{Root}/locations/{c.Location}", LocationBody)),
        new("GET /therapists/{id}", Staff, 200, 404, (_, c, http) => http.GetAsync($"{Root}/therapists/{c.Therapist}")),
        new("PUT /therapists/{id}/availability", ClinicAdmin, 200, 404, (_, c, http) =>
            http.PutAsJsonAsync($"{Root}/therapists/{c.Therapist}/availability", new { windows = Weekdays.Select(day => new { locationId = c.Location, day, starts = "09:00", ends = "17:00" }) })),
        new("POST /therapists/{id}/time-off", ClinicAdmin, 201, 404, (_, c, http) =>
            http.PostAsJsonAsync($"{Root}/therapists/{c.Therapist}/time-off", new { startsAt = "2026-09-01T00:00:00Z", endsAt = "2026-09-02T00:00:00Z", reason = "course" })),
        // The therapist themselves may too (CalendarFeedSecurityTests); the matrix's therapist is someone else.
        new("POST /therapists/{id}/calendar-feed", ClinicAdmin, 200, 404, (_, c, http) => http.PostAsync($"{Root}/therapists/{c.Therapist}/calendar-feed", null)),
        // Visit types are the chain's catalogue: no location to be "other".
        new("GET /appointment-types", Staff, 200, 200, (_, _, http) => http.GetAsync($"{Root}/appointment-types")),
        new("PUT /appointment-types/{code}", ClinicAdmin, 200, 200, (_, _, http) =>
            http.PutAsJsonAsync($"{Root}/appointment-types/treatment-75", new { name = "Treatment, 75 minutes", kind = "Treatment", durationMinutes = 75 })),

        new("GET /referrals/{id}", Staff, 200, 404, (_, c, http) => http.GetAsync($"{Root}/referrals/{c.Referral}")),

        // Finding and keeping time: the front desk's.
        new("GET /slots", FrontDesk, 200, 404, async (w, c, http) =>
        {
            var referral = c == w.A ? await w.FreshReferralAsync(c) : c.Referral;
            return await http.GetAsync($"{Root}/slots?referralId={referral}&locationId={c.Location}&from=2026-06-03&to=2026-06-03&type=evaluation");
        }),
        // A hold is decided like a booking, so the clinic's own holds are for a fresh referral's evaluation at a fresh time.
        new("POST /holds", FrontDesk, 201, 404, async (w, c, http) =>
        {
            var referral = c == w.A ? await w.FreshReferralAsync(c) : c.Referral;
            return await http.PostAsJsonAsync($"{Root}/holds", new { referralId = referral, therapistId = c.Therapist, appointmentType = "evaluation", startsAt = w.FreshTime() });
        }),

        // Appointments: the front desk books and changes, all staff read and record arrival and completion.
        new("POST /appointments", FrontDesk, 201, 404, async (w, c, http) =>
        {
            var referral = c == w.A ? await w.FreshReferralAsync(c) : c.Referral;
            return await http.PostAsJsonAsync($"{Root}/appointments",
                new { referralId = referral, locationId = c.Location, therapistId = c.Therapist, appointmentType = "evaluation", startsAt = w.FreshTime() });
        }),
        new("GET /appointments/{id}", Staff, 200, 404, (_, c, http) => http.GetAsync($"{Root}/appointments/{c.Appointment}")),
        // A list never answers 404: other clinics' appointments are left out (see CrossLocationTests).
        new("GET /appointments?referralId=", Staff, 200, 200, (_, c, http) => http.GetAsync($"{Root}/appointments?referralId={c.Referral}")),
        // A calendar is a list: another clinic's is empty, never 404 (CalendarListingTests).
        new("GET /appointments?locationId=", Staff, 200, 200, (_, c, http) => http.GetAsync($"{Root}/appointments?locationId={c.Location}&from=2026-06-01&to=2026-06-07")),
        new("POST /appointments/{id}/cancel", FrontDesk, 200, 404, async (w, c, http) =>
            await http.PostAsJsonAsync($"{Root}/appointments/{(c == w.A ? await w.FreshAppointmentAsync(c) : c.Appointment)}/cancel", new { reason = "moved" })),
        new("POST /appointments/{id}/check-in", Staff, 200, 404, async (w, c, http) =>
            await http.PostAsync($"{Root}/appointments/{(c == w.A ? await w.ArrivingAppointmentAsync(c) : c.Appointment)}/check-in", null)),

        new("POST /series", FrontDesk, 201, 404, (_, c, http) => http.PostAsJsonAsync($"{Root}/series", new
        {
            referralId = c.Referral, locationId = c.Location, therapistId = c.Therapist, appointmentType = "re-evaluation",
            startDate = "2026-06-15", weeks = 1, times = new[] { new { day = "Monday", time = "09:00" } },
        })),
        new("POST /waitlist", FrontDesk, 201, 404, (_, c, http) =>
            http.PostAsJsonAsync($"{Root}/waitlist", new { referralId = c.Referral, locationId = c.Location, appointmentType = "evaluation" })),
        new("GET /waitlist/{id}", FrontDesk, 200, 404, (_, c, http) => http.GetAsync($"{Root}/waitlist/{c.WaitlistEntry}")),
        new("GET /waitlist", FrontDesk, 200, 200, (_, c, http) => http.GetAsync($"{Root}/waitlist?locationId={c.Location}")),
        new("GET /therapists", Staff, 200, 200, (_, c, http) => http.GetAsync($"{Root}/therapists?locationId={c.Location}")),
        // Figures are for clinic admins and managers (managers are tested in FiguresTests).
        new("GET /figures", ClinicAdmin, 200, 200, (_, c, http) => http.GetAsync($"{Root}/figures?locationId={c.Location}&from=2026-06-01&to=2026-06-07")),
    ];

    public static Route Named(string name) => All.Single(r => r.Name == name);

    public override string ToString() => Name;

}
