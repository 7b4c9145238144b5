using MedMassage.Scheduling.Api.Domain.Appointments;
using MedMassage.Scheduling.Api.Domain.Referrals;

namespace MedMassage.Scheduling.Api.Tests.Domain;

/// <summary>Treatment is booked only for days the plan is certified for: the same dates clinical notes accepts notes on.</summary>
public sealed class PlanCertificationTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly DueBy = new(2026, 6, 10);
    // Wednesday 2026-06-10 and Thursday 2026-06-11, 10:00 in New York (EDT).
    private static readonly DateTimeOffset OnTheDueDate = new(2026, 6, 10, 10, 0, 0, TimeSpan.FromHours(-4));
    private static readonly DateTimeOffset DayAfter = OnTheDueDate.AddDays(1);

    private readonly MedMassage.Scheduling.Api.Domain.Locations.Location _location = Given.Location();
    private readonly MedMassage.Scheduling.Api.Domain.Therapists.Therapist _therapist;

    public PlanCertificationTests() => _therapist = Given.Therapist(_location, ends: new TimeOnly(23, 0));

    private string? Refused(BookingReferral referral, DateTimeOffset at, AppointmentType? type = null) =>
        Appointment.Book(Given.Request(referral, _location, _therapist, type ?? Given.Treatment45, at), Now).Refusal?.Rule;

    [Fact]
    public void Treatment_after_the_date_an_uncertified_plan_was_due_to_be_certified_is_refused()
    {
        var referral = Given.ReadyForTreatment(certificationDueBy: DueBy);

        Assert.Null(Refused(referral, OnTheDueDate));
        Assert.Equal("plan-certification-lapsed", Refused(referral, DayAfter));
        Assert.Equal("plan-certification-lapsed", BookingRules.PlanCertifiedFor(referral, VisitKind.Treatment, DayAfter)?.Rule);
    }

    [Fact]
    public void Evaluations_are_not_treatment_and_are_booked_whatever_the_plan_certification()
    {
        var referral = Given.ReadyForTreatment(certificationDueBy: DueBy);

        Assert.Null(Refused(referral, DayAfter, Given.ReEvaluation));
    }

    [Fact]
    public void A_certification_covers_treatment_until_its_recertification_date()
    {
        var referral = Given.ReadyForTreatment(certificationDueBy: DueBy);
        referral.RecordPlanCertification(referral.PlanId!.Value, 1, Now, new DateOnly(2026, 6, 20));

        Assert.Null(Refused(referral, DayAfter));
        Assert.Null(Refused(referral, new DateTimeOffset(2026, 6, 19, 10, 0, 0, TimeSpan.FromHours(-4))));
        var lapsed = Appointment.Book(Given.Request(referral, _location, _therapist, Given.Treatment45,
            new DateTimeOffset(2026, 6, 22, 10, 0, 0, TimeSpan.FromHours(-4))), Now).Refusal;
        Assert.Equal("plan-certification-lapsed", lapsed?.Rule);
        Assert.Contains("recertification was due by 2026-06-20", lapsed?.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_certification_of_an_older_plan_version_never_certifies_a_newer_one()
    {
        var referral = Given.ReadyForTreatment(certificationDueBy: DueBy);
        var plan = referral.PlanId!.Value;
        referral.ApplyPlan(plan, 2, ["myofascial release"], 2, 6, DueBy);

        referral.RecordPlanCertification(plan, 1, Now, new DateOnly(2026, 8, 29));
        Assert.False(referral.PlanCertified);
        Assert.Equal("plan-certification-lapsed", Refused(referral, DayAfter));

        referral.RecordPlanCertification(plan, 2, Now.AddHours(1), new DateOnly(2026, 8, 30));
        referral.RecordPlanCertification(plan, 1, Now.AddHours(2), new DateOnly(2026, 12, 1));
        Assert.True(referral.PlanCertified);
        Assert.Equal(new DateOnly(2026, 8, 30), referral.PlanCertifiedThrough);
    }

    [Fact]
    public void An_older_plan_version_arriving_late_keeps_the_newer_versions_dates()
    {
        var referral = Given.ReadyForTreatment(certificationDueBy: DueBy);
        var plan = referral.PlanId!.Value;
        referral.ApplyPlan(plan, 3, ["myofascial release"], 2, 6, new DateOnly(2026, 7, 1));
        referral.ApplyPlan(plan, 2, ["myofascial release"], 2, 6, DueBy);

        Assert.Equal(3, referral.PlanVersion);
        Assert.Equal(new DateOnly(2026, 7, 1), referral.PlanCertifiedThrough);
    }

    [Fact]
    public void A_certification_arriving_before_its_plan_version_counts_once_the_version_is_applied()
    {
        var referral = Given.ReadyForTreatment(certificationDueBy: DueBy);
        var plan = referral.PlanId!.Value;
        referral.RecordPlanCertification(plan, 2, Now, new DateOnly(2026, 8, 29));
        Assert.Equal("plan-certification-lapsed", Refused(referral, DayAfter));

        referral.ApplyPlan(plan, 2, ["myofascial release"], 2, 6, DueBy);
        Assert.Null(Refused(referral, DayAfter));
    }

    [Fact]
    public void The_lapse_is_judged_on_the_visits_UTC_date_as_clinical_notes_judges_its_notes()
    {
        var referral = Given.ReadyForTreatment(certificationDueBy: DueBy);

        // 20:00 in New York on the due date is already the next day in UTC, where clinical notes would refuse the note.
        Assert.Null(Refused(referral, new DateTimeOffset(2026, 6, 10, 19, 0, 0, TimeSpan.FromHours(-4))));
        Assert.Equal("plan-certification-lapsed", Refused(referral, new DateTimeOffset(2026, 6, 10, 20, 0, 0, TimeSpan.FromHours(-4))));
    }

    [Fact]
    public void A_plan_reported_without_a_certification_date_is_not_held_to_one()
    {
        var referral = Given.ReadyForTreatment();

        Assert.Null(referral.PlanCertifiedThrough);
        Assert.Null(Refused(referral, DayAfter.AddDays(60)));
    }
}
