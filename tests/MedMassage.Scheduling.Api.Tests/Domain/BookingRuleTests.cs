using MedMassage.Scheduling.Api.Domain.Appointments;
using MedMassage.Scheduling.Api.Domain.Referrals;

namespace MedMassage.Scheduling.Api.Tests.Domain;

public sealed class BookingRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    // Wednesday 2026-06-03 10:00 in New York (EDT).
    private static readonly DateTimeOffset Wednesday10 = new(2026, 6, 3, 10, 0, 0, TimeSpan.FromHours(-4));

    private readonly MedMassage.Scheduling.Api.Domain.Locations.Location _location = Given.Location();
    private readonly MedMassage.Scheduling.Api.Domain.Therapists.Therapist _therapist;

    public BookingRuleTests() => _therapist = Given.Therapist(_location, certifications: ["lymphatic drainage"]);

    private string? Refused(BookingReferral referral, AppointmentType type, DateTimeOffset? at = null, IReadOnlyList<Appointment>? others = null, IReadOnlyList<string>? techniques = null) =>
        Appointment.Book(Given.Request(referral, _location, _therapist, type, at ?? Wednesday10, others, techniques), Now).Refusal?.Rule;

    private Appointment Booked(BookingReferral referral, AppointmentType type, DateTimeOffset at) =>
        Appointment.Book(Given.Request(referral, _location, _therapist, type, at), Now).Value!;

    [Fact]
    public void The_first_appointment_of_a_referral_is_an_evaluation()
    {
        var referral = Given.Referral();

        Assert.Equal("evaluation-first", Refused(referral, Given.Treatment45));
        Assert.Equal("evaluation-first", Refused(referral, Given.ReEvaluation));
        Assert.Null(Refused(referral, Given.Evaluation));
    }

    [Fact]
    public void A_referral_gets_one_evaluation()
    {
        var referral = Given.Referral();
        var evaluation = Booked(referral, Given.Evaluation, Wednesday10);

        Assert.Equal("evaluation-exists", Refused(referral, Given.Evaluation, Wednesday10.AddDays(1), [evaluation]));
    }

    [Fact]
    public void Treatment_waits_for_the_evaluation_to_be_completed()
    {
        var referral = Given.Referral();
        var evaluation = Booked(referral, Given.Evaluation, Wednesday10);

        Assert.Equal("evaluation-not-completed", Refused(referral, Given.Treatment45, Wednesday10.AddDays(1), [evaluation]));
    }

    [Fact]
    public void Treatment_needs_an_active_plan()
    {
        var referral = Given.Referral();
        Given.Change(referral, s => s with { Status = "in-treatment", EvaluationCompleted = true });

        Assert.Equal("no-active-plan", Refused(referral, Given.Treatment45));
        Assert.Null(Refused(referral, Given.ReEvaluation));
    }

    [Fact]
    public void Treatment_is_booked_once_evaluated_with_an_active_plan()
    {
        var appointment = Appointment.Book(Given.Request(Given.ReadyForTreatment(), _location, _therapist, Given.Treatment45, Wednesday10), Now).Value;

        Assert.NotNull(appointment);
        Assert.Equal(Wednesday10.ToUniversalTime(), appointment.StartsAt);
        Assert.Equal(TimeSpan.FromMinutes(45), appointment.EndsAt - appointment.StartsAt);
        Assert.Equal(["myofascial release", "trigger point therapy"], appointment.Techniques);
    }

    [Fact]
    public void No_visit_after_valid_until_or_before_valid_from_by_the_locations_date()
    {
        var referral = Given.Referral(validFrom: new DateOnly(2026, 6, 3), validUntil: new DateOnly(2026, 6, 10));

        Assert.Null(Refused(referral, Given.Evaluation, new DateTimeOffset(2026, 6, 10, 16, 0, 0, TimeSpan.FromHours(-4))));
        Assert.Equal("after-valid-until", Refused(referral, Given.Evaluation, new DateTimeOffset(2026, 6, 11, 9, 0, 0, TimeSpan.FromHours(-4))));
        Assert.Equal("before-valid-from", Refused(referral, Given.Evaluation, new DateTimeOffset(2026, 6, 2, 16, 0, 0, TimeSpan.FromHours(-4))));
    }

    [Fact]
    public void Booked_future_visits_count_against_the_remaining_authorization_but_cancelled_ones_do_not()
    {
        var referral = Given.ReadyForTreatment(remaining: 2);
        var first = Booked(referral, Given.Treatment45, Wednesday10);
        var second = Booked(referral, Given.Treatment45, Wednesday10.AddDays(1));

        Assert.Equal("visits-exhausted", Refused(referral, Given.Treatment45, Wednesday10.AddDays(2), [first, second]));

        Assert.Null(second.Cancel(_location, "patient ill", Now));
        Assert.Null(Refused(referral, Given.Treatment45, Wednesday10.AddDays(2), [first, second]));
    }

    [Theory]
    [InlineData("hold")]
    [InlineData("cancel")]
    [InlineData("expire")]
    [InlineData("exhaust")]
    [InlineData("complete")]
    public void Nothing_is_booked_for_a_referral_that_is_not_active(string what)
    {
        var referral = Given.Referral();
        Action change = what switch
        {
            "hold" => () => Given.Change(referral, s => s with { Status = "on-hold", StatusReason = "insurance check" }),
            "cancel" => () => Given.Change(referral, s => s with { Status = "cancelled", StatusReason = "patient moved" }),
            "expire" => () => Given.Change(referral, s => s with { Status = "expired" }),
            "exhaust" => () => Given.Change(referral, s => s with { Status = "exhausted", Visits = new MedMassage.Contracts.VisitCounts(10, 10, 0) }),
            _ => () => Given.Change(referral, s => s with { Status = "completed", Visits = new MedMassage.Contracts.VisitCounts(10, 8, 2) }),
        };
        change();

        Assert.Equal("referral-status", Refused(referral, Given.Evaluation));
    }

    [Fact]
    public void A_resumed_referral_books_again()
    {
        var referral = Given.Referral();
        Given.Change(referral, s => s with { Status = "on-hold", StatusReason = "insurance check" });
        Given.Change(referral, s => s with { Status = "accepted", StatusReason = null });

        Assert.Null(Refused(referral, Given.Evaluation));
    }

    [Fact]
    public void Techniques_awaiting_clearance_are_not_booked_until_cleared()
    {
        var referral = Given.ReadyForTreatment(["lymphatic drainage", "myofascial release"], awaitingClearance: ["lymphatic drainage"]);

        Assert.Equal("awaiting-clearance", Refused(referral, Given.Treatment45));
        Assert.Null(Refused(referral, Given.Treatment45, techniques: ["myofascial release"]));

        Given.Change(referral, s => s with { AwaitingClearance = [] });
        Assert.Null(Refused(referral, Given.Treatment45));
    }

    [Fact]
    public void Treatment_stays_inside_the_prescription()
    {
        Assert.Equal("technique-not-prescribed", Refused(Given.ReadyForTreatment(), Given.Treatment45, techniques: ["craniosacral therapy"]));
    }

    [Fact]
    public void The_therapist_must_be_certified_for_the_referrals_techniques()
    {
        var referral = Given.Referral(["craniosacral therapy"]);

        Assert.Equal("therapist-certification", Refused(referral, Given.Evaluation));
    }

    [Fact]
    public void Visits_fit_the_therapists_working_hours_in_local_time()
    {
        var referral = Given.Referral();

        Assert.Equal("therapist-unavailable", Refused(referral, Given.Evaluation, new DateTimeOffset(2026, 6, 3, 16, 30, 0, TimeSpan.FromHours(-4))));
        Assert.Equal("therapist-unavailable", Refused(referral, Given.Evaluation, new DateTimeOffset(2026, 6, 6, 10, 0, 0, TimeSpan.FromHours(-4)))); // Saturday
        Assert.Null(Refused(referral, Given.Evaluation, new DateTimeOffset(2026, 6, 3, 16, 0, 0, TimeSpan.FromHours(-4))));
    }

    [Fact]
    public void Appointments_are_only_booked_in_the_future()
    {
        Assert.Equal("in-the-past", Refused(Given.Referral(), Given.Evaluation, Now.AddHours(-1)));
    }

    [Fact]
    public void A_cancellation_inside_the_locations_window_is_late()
    {
        var referral = Given.ReadyForTreatment();
        var soon = Booked(referral, Given.Treatment45, Wednesday10);
        var later = Booked(referral, Given.Treatment45, Wednesday10.AddDays(1));
        var justBefore = Wednesday10 - TimeSpan.FromHours(23);

        Assert.Null(soon.Cancel(_location, null, justBefore));
        Assert.Null(later.Cancel(_location, null, justBefore));

        Assert.True(soon.IsLateCancellation);
        Assert.False(later.IsLateCancellation);
    }

    [Fact]
    public void An_appointment_is_checked_in_before_it_is_completed_and_a_no_show_only_once_it_started()
    {
        var appointment = Booked(Given.Referral(), Given.Evaluation, Wednesday10);

        Assert.Equal("appointment-status", appointment.Complete(Now)?.Rule);
        Assert.Equal("no-show-too-early", appointment.MarkNoShow(Now)?.Rule);
        Assert.Null(appointment.CheckIn(Wednesday10));
        Assert.Equal("appointment-status", appointment.Cancel(_location, null, Wednesday10)?.Rule);
        Assert.Null(appointment.Complete(Wednesday10.AddHours(1)));
        Assert.Equal(AppointmentStatus.Completed, appointment.Status);
    }

    [Fact]
    public void A_rescheduled_visit_does_not_count_against_itself()
    {
        var referral = Given.ReadyForTreatment(remaining: 1);
        var only = Booked(referral, Given.Treatment45, Wednesday10);

        var refusal = only.Reschedule(Given.Request(referral, _location, _therapist, Given.Treatment45, Wednesday10.AddDays(1), [only]), Now);

        Assert.Null(refusal);
        Assert.Equal(Wednesday10.AddDays(1).ToUniversalTime(), only.StartsAt);
    }
}
