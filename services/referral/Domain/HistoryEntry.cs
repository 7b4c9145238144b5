namespace MedMassage.Referral.Api.Domain;

/// <summary>One change to a referral: who did what, when. Entries are only ever appended.</summary>
public sealed class HistoryEntry
{
    private HistoryEntry() { }

    public HistoryEntry(Guid referralId, DateTimeOffset at, Actor actor, string action, string detail)
    {
        ReferralId = referralId;
        At = at;
        ActorId = actor.Id;
        ActorName = actor.Name;
        Action = action;
        Detail = detail;
    }

    /// <summary>Assigned by the database in the order entries were made, which orders entries made in the same instant.</summary>
    public long Id { get; private set; }
    public Guid ReferralId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string ActorId { get; private set; } = "";
    public string ActorName { get; private set; } = "";
    public string Action { get; private set; } = "";
    public string Detail { get; private set; } = "";
}
