using MedMassage.ClinicalNotes.Api.Domain.Plans;

namespace MedMassage.ClinicalNotes.Api.Tests.Domain;

public sealed class CertificationDeadlineTests
{
    [Fact]
    public void The_deadline_is_the_initial_one_until_certified_then_each_recertification_date_and_none_once_superseded()
    {
        var referral = Clinic.Referral();
        var plan = Clinic.ActivePlan(referral, Clinic.SignedEvaluation(referral));
        var monday = DateOnly.FromDateTime(Clinic.Monday.UtcDateTime);

        Assert.Equal(monday.AddDays(30), plan.CertificationDeadline);
        plan.Certify("Dr. Lee", Clinic.Monday.AddDays(10), Clinic.Monday.AddDays(10));
        Assert.Equal(monday.AddDays(10 + 89), plan.CertificationDeadline);

        var revised = plan.Revise(Clinic.Terms(referral, visits: 8), "Fewer visits needed", "therapist-1", Clinic.Monday.AddDays(20));
        Assert.Null(plan.CertificationDeadline);
        Assert.Equal(monday.AddDays(20 + 30), revised.CertificationDeadline);
    }

    [Theory]
    [InlineData(-8, 7, false)]
    [InlineData(-7, 7, true)]
    [InlineData(0, 7, true)]
    [InlineData(3, 7, true)] // overdue: still asked (once, by the sweep)
    [InlineData(-3, 2, false)]
    public void The_physician_is_asked_the_configured_number_of_days_before_the_due_date(int todayRelativeToDue, int daysBefore, bool ask)
    {
        var dueBy = new DateOnly(2026, 6, 30);

        Assert.Equal(ask, CertificationRules.IsTimeToAsk(dueBy, dueBy.AddDays(todayRelativeToDue), daysBefore));
    }
}
