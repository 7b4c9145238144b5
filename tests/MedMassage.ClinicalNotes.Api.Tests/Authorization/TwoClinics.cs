using System.Collections.Concurrent;
using System.Net;
using MedMassage.ClinicalNotes.Api.Apis.Contracts;
using MedMassage.ClinicalNotes.Api.Tests.Api;
using MedMassage.ClinicalNotes.Api.Tests.Support;
using MedMassage.Testing;

namespace MedMassage.ClinicalNotes.Api.Tests.Authorization;

/// <summary>
/// One clinic's documented care: a referral from its own physician with a signed evaluation, an active plan, a signed
/// and a draft visit note, a draft re-evaluation and a progress report; plus an untouched referral and visits nobody
/// documented yet.
/// </summary>
public sealed record ClinicRecords(
    Guid Location, Guid Therapist, string PhysicianNpi, Guid Referral, Guid Evaluation, Guid DraftEvaluation, Guid ReEvaluationVisit,
    Guid Plan, Guid SignedNote, Guid DraftNote, Guid DraftNoteVisit, Guid Document, Guid SpareVisit, Guid SpareReferral, Guid SpareEvaluationVisit);

/// <summary>
/// One clinical-notes service shared by the authorization tests, with two clinics of the chain: callers work at
/// <see cref="A"/>, and <see cref="B"/> is another clinic. Tests that change a record use fresh ones.
/// </summary>
public sealed class TwoClinics : IAsyncLifetime
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentDictionary<Guid, HttpClient> _therapists = new();
    private Clinic? _clinic;
    private HttpClient? _admin;
    private bool _ready;

    internal Clinic Clinic => _clinic ?? throw new InvalidOperationException("Call StartAsync first.");
    internal ClinicalNotesService Service => Clinic.Service;

    /// <summary>A clinic admin of both clinics: sets everything up and sees what is really there.</summary>
    public HttpClient Admin => _admin ?? throw new InvalidOperationException("Call StartAsync first.");

    public ClinicRecords A { get; private set; } = null!;
    public ClinicRecords B { get; private set; } = null!;

    public async Task<TwoClinics> StartAsync(InfrastructureFixture infrastructure)
    {
        await _gate.WaitAsync();
        try
        {
            if (_clinic is null)
            {
                _clinic = await Clinic.OpenAsync(infrastructure);
                var b = Guid.NewGuid();
                _admin = Service.CreateClientAs(TestCaller.ClinicAdmin(_clinic.LocationId, b) with { Subject = "admin-of-both" });
                A = await DocumentCareAsync(_clinic.LocationId, "1234567893");
                B = await DocumentCareAsync(b, "1942207556");
                _ready = true;
            }
            // A set-up that failed once fails every test that needs it, rather than leaving half a world.
            Assert.True(_ready, "The two clinics could not be set up; see the first failing test.");
            return this;
        }
        finally
        {
            _gate.Release();
        }
    }

    public ClinicRecords Of(string where) => where == "own" ? A : B;

    /// <summary>The therapist who treats the clinic's visits: their staff user id is the appointments' therapist id.</summary>
    public TestCaller TreatingTherapist(ClinicRecords c) => TestCaller.Therapist(c.Location) with { Subject = c.Therapist.ToString() };

    /// <summary>A client acting as <see cref="TreatingTherapist"/>: evaluations and visit notes are written by them.</summary>
    public HttpClient TherapistOf(ClinicRecords c) => _therapists.GetOrAdd(c.Therapist, _ => Service.CreateClientAs(TreatingTherapist(c)));

    /// <summary>A new referral of the clinic with a booked, undocumented evaluation visit.</summary>
    public async Task<(Guid Referral, Guid Visit)> FreshEvaluationVisitAsync(ClinicRecords c)
    {
        var referral = await Clinic.AcceptReferralAsync(visits: 40, physicianNpi: c.PhysicianNpi, locationId: c.Location);
        return (referral, (await Book(referral, "evaluation", c))[0]);
    }

    /// <summary>A new referral with an unsigned initial evaluation.</summary>
    public async Task<Guid> FreshDraftEvaluationAsync(ClinicRecords c)
    {
        var (referral, visit) = await FreshEvaluationVisitAsync(c);
        return await IdAsync<EvaluationResponse>(await TherapistOf(c).PostJsonAsync("/api/clinical-notes/evaluations", Forms.Evaluation(referral, visit)), e => e.Id);
    }

    /// <summary>A new referral with a signed initial evaluation and no plan yet.</summary>
    public async Task<(Guid Referral, Guid Evaluation)> FreshEvaluatedReferralAsync(ClinicRecords c)
    {
        var (referral, visit) = await FreshEvaluationVisitAsync(c);
        return (referral, await CourseOfCareTests.EvaluatedAsync(TherapistOf(c), referral, visit));
    }

    public async Task<Guid> FreshDraftPlanAsync(ClinicRecords c)
    {
        var (_, evaluation) = await FreshEvaluatedReferralAsync(c);
        return await IdAsync<TreatmentPlanResponse>(await Admin.PostJsonAsync("/api/clinical-notes/treatment-plans", Forms.Plan(evaluation)), p => p.Id);
    }

    /// <summary>A newly booked treatment visit of the clinic's documented referral.</summary>
    public async Task<Guid> FreshVisitAsync(ClinicRecords c) => (await Book(c.Referral, "treatment", c))[0];

    public async Task<Guid> FreshDraftNoteAsync(ClinicRecords c) =>
        await IdAsync<VisitNoteResponse>(await TherapistOf(c).PostJsonAsync("/api/clinical-notes/visit-notes", Forms.Note(await FreshVisitAsync(c))), n => n.Id);

    private async Task<ClinicRecords> DocumentCareAsync(Guid location, string npi)
    {
        var therapist = Guid.NewGuid();
        var referral = await Clinic.AcceptReferralAsync(visits: 40, physicianNpi: npi, locationId: location);
        var site = new ClinicRecords(location, therapist, npi, referral, default, default, default, default, default, default, default, default, default, default, default);
        var evaluationVisit = (await Book(referral, "evaluation", site))[0];
        var reEvaluationVisit = (await Book(referral, "re-evaluation", site))[0];
        var visits = await Book(referral, "treatment", site, 3);

        var therapistClient = TherapistOf(site);
        var evaluation = await CourseOfCareTests.EvaluatedAsync(therapistClient, referral, evaluationVisit);
        var plan = await IdAsync<TreatmentPlanResponse>(await Admin.PostJsonAsync("/api/clinical-notes/treatment-plans", Forms.Plan(evaluation)), p => p.Id);
        await IdAsync<TreatmentPlanResponse>(await Admin.PostAsync($"/api/clinical-notes/treatment-plans/{plan}/activate", null), p => p.Id, HttpStatusCode.OK);
        var signedNote = await IdAsync<VisitNoteResponse>(await therapistClient.PostJsonAsync("/api/clinical-notes/visit-notes", Forms.Note(visits[0])), n => n.Id);
        await IdAsync<VisitNoteResponse>(await therapistClient.PostAsync($"/api/clinical-notes/visit-notes/{signedNote}/sign", null), n => n.Id, HttpStatusCode.OK);
        var draftNote = await IdAsync<VisitNoteResponse>(await therapistClient.PostJsonAsync("/api/clinical-notes/visit-notes", Forms.Note(visits[1])), n => n.Id);
        var draftEvaluation = await IdAsync<EvaluationResponse>(await therapistClient.PostJsonAsync("/api/clinical-notes/evaluations",
            Forms.Evaluation(referral, reEvaluationVisit, pain: 4, findings: [], kind: "ReEvaluation")), e => e.Id);
        var document = await IdAsync<DocumentResponse>(await Admin.PostAsync($"/api/clinical-notes/referrals/{referral}/progress-reports", null), d => d.Id);
        var (spareReferral, spareEvaluationVisit) = await FreshEvaluationVisitAsync(site);

        return site with
        {
            Evaluation = evaluation, DraftEvaluation = draftEvaluation, ReEvaluationVisit = reEvaluationVisit, Plan = plan,
            SignedNote = signedNote, DraftNote = draftNote, DraftNoteVisit = visits[1], Document = document, SpareVisit = visits[2],
            SpareReferral = spareReferral, SpareEvaluationVisit = spareEvaluationVisit,
        };
    }

    private Task<Guid[]> Book(Guid referral, string type, ClinicRecords c, int count = 1) =>
        Clinic.BookAsync(referral, type, count, c.Location, c.Therapist);

    private static async Task<Guid> IdAsync<T>(HttpResponseMessage response, Func<T, Guid> id, HttpStatusCode expected = HttpStatusCode.Created) =>
        id(await Clinic.ReadAsync<T>(response, expected));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _admin?.Dispose();
        foreach (var therapist in _therapists.Values)
        {
            therapist.Dispose();
        }
        if (_clinic is not null)
        {
            await _clinic.DisposeAsync();
        }
        _gate.Dispose();
    }
}
