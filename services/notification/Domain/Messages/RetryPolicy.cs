namespace MedMassage.Notification.Api.Domain.Messages;

/// <summary>How often and how patiently a failing delivery is tried again before it is given up as failed.</summary>
public sealed record RetryPolicy(int MaxAttempts, TimeSpan BaseDelay, TimeSpan MaxDelay)
{
    public static RetryPolicy Default { get; } = new(6, TimeSpan.FromSeconds(30), TimeSpan.FromHours(1));

    /// <summary>Exponential back-off: base, 2×base, 4×base … capped.</summary>
    public TimeSpan DelayAfter(int attempts)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 20));
        var delay = TimeSpan.FromTicks((long)Math.Min(BaseDelay.Ticks * factor, MaxDelay.Ticks));
        return delay;
    }
}
