namespace MedMassage.Identity.Api.Domain;

/// <summary>
/// Failed sign-ins in a row under one user name, and the back-off they earned: after <see cref="FreeFailures"/>
/// failures each further one locks the name for twice as long as the last (1 minute, 2, 4 … at most an hour). While
/// locked, no password is even checked, so guessing costs the attacker time and the server no hashing. Kept per
/// user name whether or not it exists, so a lockout reveals nothing; a success clears it.
/// </summary>
public sealed class SignInAttempts
{
    public const int FreeFailures = 5;
    public static readonly TimeSpan FirstLock = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan LongestLock = TimeSpan.FromHours(1);

    private SignInAttempts() { }

    public SignInAttempts(string userName) => UserName = userName;

    public string UserName { get; private set; } = "";
    public int Failures { get; private set; }
    public DateTimeOffset? LockedUntil { get; private set; }

    public bool IsLocked(DateTimeOffset now) => LockedUntil > now;

    public void Failed(DateTimeOffset now)
    {
        Failures++;
        if (Failures > FreeFailures)
        {
            var doublings = Math.Min(Failures - FreeFailures - 1, 6);
            var lockFor = TimeSpan.FromTicks(Math.Min(FirstLock.Ticks << doublings, LongestLock.Ticks));
            LockedUntil = now + lockFor;
        }
    }
}
