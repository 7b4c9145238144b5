using MedMassage.Contracts;
using MedMassage.Contracts.Referrals;
using MedMassage.Referral.Api.Domain.Submission;

namespace MedMassage.Referral.Api.Domain;

/// <summary>
/// A physician's prescription for medical massage: what may be done, for what, how often, until when. It authorizes
/// every evaluation, plan and visit, and it alone decides which changes its state allows.
/// </summary>
public sealed partial class Referral
{
    /// <summary>The same patient, physician and diagnosis again within this window is probably a resubmission.</summary>
    public static readonly TimeSpan DuplicateWindow = TimeSpan.FromDays(14);

    private readonly List<IntegrationEvent> _events = [];
    private readonly List<HistoryEntry> _history = [];

    private Referral() { }

    public Guid Id { get; private set; }
    public ReferralStatus Status { get; private set; }
    public string? StatusReason { get; private set; }
    public ReferralStatus? HeldFrom { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public Guid? PossibleDuplicateOf { get; private set; }

    public Patient Patient { get; private set; } = null!;
    public string PatientKey { get; private set; } = "";
    public Physician Physician { get; private set; } = null!;
    public string PhysicianNpi { get; private set; } = "";
    public List<string> DiagnosisCodes { get; private set; } = [];
    public List<string> Techniques { get; private set; } = [];
    public List<string> BodyRegions { get; private set; } = [];
    public int SessionsPerWeek { get; private set; }
    public int Weeks { get; private set; }
    public DateOnly ValidFrom { get; private set; }
    public DateOnly ValidUntil { get; private set; }
    public List<Precaution> Precautions { get; private set; } = [];
    public List<Clearance> Clearances { get; private set; } = [];
    public Insurance? Insurance { get; private set; }
    public Guid? LocationId { get; private set; }
    public string Priority { get; private set; } = "routine";
    public string? Notes { get; private set; }

    /// <summary>Who submitted it (null for referrals received before submitters were recorded).</summary>
    public string? SubmitterId { get; private set; }
    public string? SubmitterRole { get; private set; }
    public string? SubmitterClientId { get; private set; }

    /// <summary>The submitting system's own identifier of this order, "system|value" (FHIR ServiceRequest.identifier).</summary>
    public string? SubmitterIdentifier { get; private set; }

    /// <summary>PostgreSQL's row version (xmin): the ETag, and the check that no one changed the row since it was read.</summary>
    public uint Version { get; private set; }

    public IReadOnlyList<HistoryEntry> History => _history;

    /// <summary>
    /// Records a new referral in <see cref="ReferralStatus.Received"/>. <paramref name="earlier"/> are referrals already
    /// on file for the same patient and physician; one of them sharing a diagnosis within the window flags this one.
    /// </summary>
    public static Referral Receive(
        Guid id, ReferralReference reference, ReferralContent content, IEnumerable<Referral> earlier, Submitter submitter, DateTimeOffset now)
    {
        var referral = new Referral
        {
            Id = id,
            Reference = reference.Value,
            Status = ReferralStatus.Received,
            ReceivedAt = now,
            UpdatedAt = now,
            Patient = content.Patient,
            PatientKey = content.Patient.Key,
            Physician = content.Physician,
            PhysicianNpi = content.Physician.Npi,
            DiagnosisCodes = [.. content.Diagnoses],
            Techniques = [.. content.Techniques],
            BodyRegions = [.. content.BodyRegions],
            SessionsPerWeek = content.SessionsPerWeek,
            Weeks = content.Weeks,
            AuthorizedVisits = content.EffectiveAuthorizedVisits,
            ValidFrom = content.ValidFrom,
            ValidUntil = content.ValidUntil,
            Precautions = [.. content.Precautions],
            Insurance = content.Insurance,
            LocationId = content.LocationId,
            Priority = content.Priority,
            Notes = content.Notes,
            SubmitterId = submitter.Id,
            SubmitterRole = submitter.Role,
            SubmitterClientId = submitter.ClientId,
            SubmitterIdentifier = content.Identifier is { } identifier ? $"{identifier.System}|{identifier.Value}" : null,
        };
        referral.PossibleDuplicateOf = earlier
            .Where(e => e.Id != id && referral.IsPossibleDuplicateOf(e))
            .OrderByDescending(e => e.ReceivedAt)
            .FirstOrDefault()?.Id;

        // The duplicate stays out of the history, which readers who may not see that referral read too: the flag is
        // shown apart, to those who may read both (ReferralServices.ReadableDuplicatesAsync).
        referral.Record(submitter.Actor, now, "received", "received");
        referral.Raise(new ReferralReceived(id, referral.LocationId, referral.Patient.ToContact(), referral.Physician.ToContact(),
            referral.DiagnosisCodes, referral.Priority, referral.PossibleDuplicateOf is not null, referral.Reference) { OccurredAt = now });
        return referral;
    }

    public bool IsPossibleDuplicateOf(Referral earlier) =>
        earlier.PatientKey == PatientKey
        && earlier.PhysicianNpi == PhysicianNpi
        && ReceivedAt - earlier.ReceivedAt <= DuplicateWindow
        && ReceivedAt >= earlier.ReceivedAt
        && earlier.DiagnosisCodes.Intersect(DiagnosisCodes).Any();

    public bool IsExpiredOn(DateOnly today) => today > ValidUntil;

    /// <summary>
    /// Integration events the last changes raised, handed over once to be stored in the outbox; after any change the
    /// referral's whole new state goes with them, so every copy of it elsewhere can catch up.
    /// </summary>
    public IReadOnlyList<IntegrationEvent> DequeueEvents()
    {
        if (_changed)
        {
            _events.Add(new ReferralChanged(ToState()) { OccurredAt = UpdatedAt });
            _changed = false;
        }
        var events = _events.ToList();
        _events.Clear();
        return events;
    }

    private void Raise(IntegrationEvent integrationEvent) => _events.Add(integrationEvent);

    // Every change is recorded in the history, so this is where the state's revision moves on.
    private void Record(Actor actor, DateTimeOffset now, string action, string detail)
    {
        _history.Add(new HistoryEntry(Id, now, actor, action, detail));
        UpdatedAt = now;
        Revision++;
        _changed = true;
    }

    private void MoveTo(ReferralStatus next, string? reason, Actor actor, DateTimeOffset now, string action)
    {
        var detail = $"status {Status.ToName()} → {next.ToName()}" + (reason is null ? "" : $": {reason}");
        Status = next;
        StatusReason = reason;
        Record(actor, now, action, detail);
    }

    private static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime);
}
