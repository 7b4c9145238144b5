namespace MedMassage.Scheduling.Api.Tests.Domain;

public sealed class EligibilityTests
{
    private static readonly DateOnly Day = new(2026, 6, 3);

    [Fact]
    public void A_therapist_is_only_booked_where_they_work()
    {
        var location = Given.Location();
        var therapist = Given.Therapist(Given.Location());

        Assert.Equal("therapist-location", therapist.MayTreat(["deep tissue"], location.Id, Day)?.Rule);
    }

    [Fact]
    public void An_expired_licence_means_no_bookings_but_it_is_valid_through_its_expiry_date()
    {
        var location = Given.Location();
        var therapist = Given.Therapist(location, licenceExpires: Day);

        Assert.Null(therapist.MayTreat([], location.Id, Day));
        Assert.Equal("therapist-licence", therapist.MayTreat([], location.Id, Day.AddDays(1))?.Rule);
    }

    [Theory]
    [InlineData("lymphatic drainage")]
    [InlineData("Craniosacral therapy")]
    [InlineData("neuromuscular-therapy")]
    public void Techniques_needing_a_certification_need_one(string technique)
    {
        var location = Given.Location();
        var uncertified = Given.Therapist(location, certifications: ["sports massage"]);
        var certified = Given.Therapist(location, certifications: [technique.ToUpperInvariant().Replace(' ', '_')]);

        var refusal = uncertified.MayTreat([technique, "deep tissue"], location.Id, Day);

        Assert.Equal("therapist-certification", refusal?.Rule);
        Assert.Contains(technique, refusal!.Reason, StringComparison.Ordinal);
        Assert.Null(certified.MayTreat([technique, "deep tissue"], location.Id, Day));
    }

    [Fact]
    public void Techniques_without_a_certification_requirement_are_open_to_every_licensed_therapist()
    {
        var location = Given.Location();
        var therapist = Given.Therapist(location);

        Assert.Null(therapist.MayTreat(["myofascial release", "trigger point therapy", "deep tissue", "stretching"], location.Id, Day));
    }

    [Fact]
    public void The_last_day_a_therapist_may_treat_is_their_licence_expiry_and_there_is_none_where_they_may_not_treat_at_all()
    {
        var location = Given.Location();
        var therapist = Given.Therapist(location, certifications: ["lymphatic drainage"], licenceExpires: Day);

        Assert.Equal(Day, therapist.MayTreatUntil(["lymphatic drainage"], location.Id));
        Assert.Null(therapist.MayTreatUntil(["craniosacral therapy"], location.Id));
        Assert.Null(therapist.MayTreatUntil([], Given.Location().Id));
    }
}
