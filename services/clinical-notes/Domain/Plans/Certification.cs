namespace MedMassage.ClinicalNotes.Api.Domain.Plans;

/// <summary>The referring physician's signature on a plan of care.</summary>
public sealed record Certification(string CertifiedBy, DateTimeOffset CertifiedAt, DateOnly RecertificationDueBy);

/// <summary>Certification deadlines for a plan of care.</summary>
public static class CertificationRules
{
    /// <summary>The physician certifies a new plan (or version) within 30 days of its activation.</summary>
    public const int CertifyWithinDays = 30;

    /// <summary>A certification covers at most 90 days; the plan is recertified before then.</summary>
    public const int RecertifyWithinDays = 90;

    public static DateOnly CertificationDueBy(DateTimeOffset activatedAt) =>
        DateOnly.FromDateTime(activatedAt.UtcDateTime).AddDays(CertifyWithinDays);

    public static DateOnly RecertificationDueBy(DateTimeOffset certifiedAt) =>
        DateOnly.FromDateTime(certifiedAt.UtcDateTime).AddDays(RecertifyWithinDays - 1);

    /// <summary>The physician is asked <paramref name="daysBefore"/> days ahead, and still once it is overdue.</summary>
    public static bool IsTimeToAsk(DateOnly dueBy, DateOnly today, int daysBefore) => today >= dueBy.AddDays(-daysBefore);
}
