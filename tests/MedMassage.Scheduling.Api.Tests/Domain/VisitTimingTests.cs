using MedMassage.Scheduling.Api.Domain.Appointments;

namespace MedMassage.Scheduling.Api.Tests.Domain;

/// <summary>A visit is checked in around its time and completed once it has begun, never days ahead.</summary>
public sealed class VisitTimingTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    // Thursday 2026-06-18 09:00 in New York (EDT): 17 days after Now.
    private static readonly DateTimeOffset StartsAt = new(2026, 6, 18, 9, 0, 0, TimeSpan.FromHours(-4));

    private readonly Appointment _appointment;

    public VisitTimingTests()
    {
        var location = Given.Location();
        _appointment = Appointment.Book(Given.Request(Given.Referral(), location, Given.Therapist(location), Given.Evaluation, StartsAt), Now).Value!;
    }

    [Fact]
    public void Checking_in_days_before_the_appointment_is_refused()
    {
        Assert.Equal("check-in-too-early", _appointment.CheckIn(Now)?.Rule);
        Assert.Equal(AppointmentStatus.Booked, _appointment.Status);
    }

    [Fact]
    public void Check_in_opens_the_lead_time_before_the_start()
    {
        Assert.Equal("check-in-too-early", _appointment.CheckIn(StartsAt - Appointment.DefaultCheckInLeadTime - TimeSpan.FromMinutes(1))?.Rule);
        Assert.Null(_appointment.CheckIn(StartsAt - Appointment.DefaultCheckInLeadTime));
        Assert.Equal(AppointmentStatus.CheckedIn, _appointment.Status);
    }

    [Fact]
    public void A_configured_lead_time_decides_when_check_in_opens()
    {
        Assert.Equal("check-in-too-early", _appointment.CheckIn(StartsAt - TimeSpan.FromMinutes(31), TimeSpan.FromMinutes(30))?.Rule);
        Assert.Null(_appointment.CheckIn(StartsAt - TimeSpan.FromHours(3), TimeSpan.FromHours(4)));
    }

    [Fact]
    public void Completing_a_visit_before_it_starts_is_refused()
    {
        Assert.Null(_appointment.CheckIn(StartsAt - TimeSpan.FromMinutes(15)));

        Assert.Equal("complete-too-early", _appointment.Complete(StartsAt - TimeSpan.FromMinutes(1))?.Rule);
        Assert.Equal(AppointmentStatus.CheckedIn, _appointment.Status);
        Assert.Null(_appointment.Complete(StartsAt));
        Assert.Equal(AppointmentStatus.Completed, _appointment.Status);
    }

    [Fact]
    public void A_visit_not_checked_in_is_refused_completion_for_its_status_whatever_the_time()
    {
        Assert.Equal("appointment-status", _appointment.Complete(Now)?.Rule);
        Assert.Equal("appointment-status", _appointment.Complete(StartsAt.AddHours(1))?.Rule);
    }
}
