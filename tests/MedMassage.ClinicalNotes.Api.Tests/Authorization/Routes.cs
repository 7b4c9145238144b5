using MedMassage.ClinicalNotes.Api.Tests.Api;

namespace MedMassage.ClinicalNotes.Api.Tests.Authorization;

/// <summary>
/// Every route of the service, sent to a record of the clinic the caller works at ("own") or of another clinic
/// ("other"), with who may call it and what each gets. <c>fresh</c> asks for a record the call may change, so a
/// successful change never spoils the shared records.
/// </summary>
public sealed record Route(string Name, string[] Allowed, int Own, int Other, Func<TwoClinics, ClinicRecords, bool, HttpClient, Task<HttpResponseMessage>> Send)
{
    public static readonly string[] Clinicians = ["therapist", "clinic-admin"];
    public static readonly string[] ReportReaders = ["therapist", "clinic-admin", "referring-physician"];
    public static readonly string[] ClinicAdmin = ["clinic-admin"];

    /// <summary>
    /// Routes that start, revise or sign a visit's record: only its treating therapist, or a clinic admin giving a reason
    /// (the matrix's admin gives none, so gets 403 at its own clinic; see AuthorshipTests).
    /// </summary>
    public static readonly IReadOnlySet<string> Authored = new HashSet<string>(StringComparer.Ordinal)
    {
        "POST /evaluations", "PUT /evaluations/{id}", "POST /evaluations/{id}/sign",
        "POST /visit-notes", "PUT /visit-notes/{id}", "POST /visit-notes/{id}/sign",
    };

    private const string Root = "/api/clinical-notes";

    private static readonly object Revision = new
    {
        techniques = new[] { "Myofascial release", "Massage" },
        bodyRegions = new[] { "neck", "upper back" },
        sessionsPerWeek = 2,
        weeks = 6,
        visitCount = 12,
        goals = new[] { new { description = "Pain at most 3/10", metric = "pain", target = 3 } },
        reason = "Goals narrowed to pain",
    };

    public static readonly IReadOnlyList<Route> All =
    [
        new("GET /referrals/{referralId}", Clinicians, 200, 404, (_, c, _, http) => http.GetAsync($"{Root}/referrals/{c.Referral}")),

        new("POST /evaluations", Clinicians, 201, 404, async (w, c, fresh, http) =>
        {
            var (referral, visit) = fresh ? await w.FreshEvaluationVisitAsync(c) : (c.SpareReferral, c.SpareEvaluationVisit);
            return await http.PostJsonAsync($"{Root}/evaluations", Forms.Evaluation(referral, visit));
        }),
        new("GET /evaluations/{id}", Clinicians, 200, 404, (_, c, _, http) => http.GetAsync($"{Root}/evaluations/{c.Evaluation}")),
        new("PUT /evaluations/{id}", Clinicians, 200, 404, (_, c, _, http) =>
            http.PutJsonAsync($"{Root}/evaluations/{c.DraftEvaluation}", Forms.Evaluation(c.Referral, c.ReEvaluationVisit, pain: 3, findings: [], kind: "ReEvaluation"))),
        new("POST /evaluations/{id}/sign", Clinicians, 200, 404, async (w, c, fresh, http) =>
            await http.PostAsync($"{Root}/evaluations/{(fresh ? await w.FreshDraftEvaluationAsync(c) : c.DraftEvaluation)}/sign", null)),

        new("POST /treatment-plans", Clinicians, 201, 404, async (w, c, fresh, http) =>
            await http.PostJsonAsync($"{Root}/treatment-plans", Forms.Plan(fresh ? (await w.FreshEvaluatedReferralAsync(c)).Evaluation : c.Evaluation))),
        new("GET /treatment-plans/{id}", Clinicians, 200, 404, (_, c, _, http) => http.GetAsync($"{Root}/treatment-plans/{c.Plan}")),
        new("GET /treatment-plans/{id}/versions/{version}", Clinicians, 200, 404, (_, c, _, http) => http.GetAsync($"{Root}/treatment-plans/{c.Plan}/versions/1")),
        new("POST /treatment-plans/{id}/activate", Clinicians, 200, 404, async (w, c, fresh, http) =>
            await http.PostAsync($"{Root}/treatment-plans/{(fresh ? await w.FreshDraftPlanAsync(c) : c.Plan)}/activate", null)),
        new("POST /treatment-plans/{id}/certifications", Clinicians, 200, 404, (_, c, _, http) =>
            http.PostJsonAsync($"{Root}/treatment-plans/{c.Plan}/certifications", new { certifiedBy = "Dr. Ruth Lee" })),
        new("POST /treatment-plans/{id}/revisions", Clinicians, 201, 404, (_, c, _, http) => http.PostJsonAsync($"{Root}/treatment-plans/{c.Plan}/revisions", Revision)),

        new("POST /visit-notes", Clinicians, 201, 404, async (w, c, fresh, http) =>
            await http.PostJsonAsync($"{Root}/visit-notes", Forms.Note(fresh ? await w.FreshVisitAsync(c) : c.SpareVisit))),
        // A list never answers 404: other clinics' notes are left out (see CrossLocationTests).
        new("GET /visit-notes/unsigned", Clinicians, 200, 200, (_, _, _, http) => http.GetAsync($"{Root}/visit-notes/unsigned")),
        new("GET /visit-notes", Clinicians, 200, 200, (_, c, _, http) => http.GetAsync($"{Root}/visit-notes?appointmentId={c.DraftNoteVisit}")),
        // Rules applied to what is typed, no record read: nothing is another clinic's.
        new("POST /previews/units", Clinicians, 200, 200, (_, _, _, http) =>
            http.PostJsonAsync($"{Root}/previews/units", new { services = new[] { new { cptCode = "97140", minutes = 23 } } })),
        new("POST /previews/outcome-score", Clinicians, 200, 200, (_, _, _, http) =>
            http.PostJsonAsync($"{Root}/previews/outcome-score", new { measure = "Oswestry", answers = new[] { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 } })),
        new("GET /visit-notes/{id}", Clinicians, 200, 404, (_, c, _, http) => http.GetAsync($"{Root}/visit-notes/{c.SignedNote}")),
        new("PUT /visit-notes/{id}", Clinicians, 200, 404, (_, c, _, http) => http.PutJsonAsync($"{Root}/visit-notes/{c.DraftNote}", Forms.Note(c.DraftNoteVisit, painBefore: 4))),
        new("POST /visit-notes/{id}/sign", Clinicians, 200, 404, async (w, c, fresh, http) =>
            await http.PostAsync($"{Root}/visit-notes/{(fresh ? await w.FreshDraftNoteAsync(c) : c.DraftNote)}/sign", null)),
        new("POST /visit-notes/{id}/addenda", Clinicians, 201, 404, (_, c, _, http) =>
            http.PostJsonAsync($"{Root}/visit-notes/{c.SignedNote}/addenda", new { reason = "Clarification", text = "Pressure was moderate." })),

        new("POST /referrals/{referralId}/progress-reports", Clinicians, 201, 404, (_, c, _, http) => http.PostAsync($"{Root}/referrals/{c.Referral}/progress-reports", null)),
        new("POST /referrals/{referralId}/discharge", Clinicians, 201, 404, async (w, c, fresh, http) =>
            await http.PostJsonAsync($"{Root}/referrals/{(fresh ? (await w.FreshEvaluatedReferralAsync(c)).Referral : c.Referral)}/discharge", new { reason = "Goals met" })),
        // The report is the physician's too: their own patients' only ("other" is another physician's patient).
        new("GET /documents/{id}", ReportReaders, 200, 404, (_, c, _, http) => http.GetAsync($"{Root}/documents/{c.Document}")),

        new("GET /referrals/{referralId}/outcomes", Clinicians, 200, 404, (_, c, _, http) => http.GetAsync($"{Root}/referrals/{c.Referral}/outcomes")),
        new("GET /outcomes/therapists/{therapistId}", Clinicians, 200, 200, (_, c, _, http) => http.GetAsync($"{Root}/outcomes/therapists/{c.Therapist}")),
        new("GET /outcomes/locations", Clinicians, 200, 200, (_, _, _, http) => http.GetAsync($"{Root}/outcomes/locations")),
        new("GET /outcomes/locations/{locationId}", Clinicians, 200, 404, (_, c, _, http) => http.GetAsync($"{Root}/outcomes/locations/{c.Location}")),

        new("GET /audit", ClinicAdmin, 200, 200, (_, c, _, http) => http.GetAsync($"{Root}/audit?referralId={c.Referral}")),
    ];

    public static Route Named(string name) => All.Single(r => r.Name == name);

    public override string ToString() => Name;
}
