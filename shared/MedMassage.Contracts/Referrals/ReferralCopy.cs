namespace MedMassage.Contracts.Referrals;

/// <summary>
/// A service's own copy of a referral, kept from the owner's <see cref="ReferralChanged"/>: which version it holds,
/// where the referral is cared for and which system submitted it (what every copy decides access by), and the one
/// rule all copies follow: take a state only when it is newer, so a copy ends equal to the owner whatever order the
/// events arrive in. Each service keeps what else it needs of the state in <see cref="Take"/>.
/// </summary>
public abstract class ReferralCopy
{
    public Guid Id { get; protected init; }
    public long Version { get; private set; } = ReferralState.NoneYet;
    public Guid? LocationId { get; private set; }

    /// <summary>The integrated system that submitted it (its OAuth client id), which may read what concerns it.</summary>
    public string? SubmitterClientId { get; private set; }

    /// <summary>Takes the owner's state if it is newer than the one held; false for an older or repeated one.</summary>
    public bool Apply(ReferralState state)
    {
        if (!state.IsNewerThan(Version))
        {
            return false;
        }
        Version = state.Version;
        LocationId = state.LocationId;
        SubmitterClientId = state.SubmitterClientId;
        Take(state);
        return true;
    }

    /// <summary>Keeps what this service needs of a newer state.</summary>
    protected abstract void Take(ReferralState state);
}
