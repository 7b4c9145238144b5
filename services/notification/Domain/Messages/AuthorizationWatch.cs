namespace MedMassage.Notification.Api.Domain.Messages;

/// <summary>Staff are warned while a referral's authorization runs out: few visits left or expiry close.</summary>
public static class AuthorizationWatch
{
    public const int FewVisits = 2;
    public const int ExpiryWarningDays = 7;

    public static bool IsRunningOut(int visitsRemaining, DateOnly validUntil, DateOnly today) =>
        visitsRemaining <= FewVisits || validUntil.DayNumber - today.DayNumber <= ExpiryWarningDays;
}
