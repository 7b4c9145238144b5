using MedMassage.ClinicalNotes.Api.Domain.Notes;
using MedMassage.Contracts.ClinicalNotes;

namespace MedMassage.ClinicalNotes.Api.Tests.Domain;

public sealed class EightMinuteRuleTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(7, 0)]
    [InlineData(8, 1)]
    [InlineData(22, 1)]
    [InlineData(23, 2)]
    [InlineData(37, 2)]
    [InlineData(38, 3)]
    [InlineData(52, 3)]
    [InlineData(53, 4)]
    [InlineData(60, 4)]
    [InlineData(68, 5)]
    public void Total_timed_minutes_give_the_units(int minutes, int units) =>
        Assert.Equal(units, EightMinuteRule.TotalUnits(minutes));

    [Fact]
    public void Units_follow_the_total_across_codes_not_each_code_alone()
    {
        // 33 min manual therapy + 7 min massage = 40 min = 3 units; 2 full units to 97140, the third to 97124's 7 min.
        var units = EightMinuteRule.Units([("97140", 33), ("97124", 7)]);
        Assert.Equal([new BillableUnits("97124", 1), new BillableUnits("97140", 2)], units);
    }

    [Fact]
    public void Two_short_services_that_together_reach_eight_minutes_bill_one_unit()
    {
        var units = EightMinuteRule.Units([("97124", 7), ("97140", 6)]);
        Assert.Equal([new BillableUnits("97124", 1)], units);
    }

    [Fact]
    public void The_remaining_unit_goes_to_the_code_with_more_minutes_left_over()
    {
        // 24 + 14 = 38 min = 3 units: 97112 has 1 full unit; leftovers 9 (97112) and 14 (97124): 97124 gets one, then 97112.
        var units = EightMinuteRule.Units([("97112", 24), ("97124", 14)]);
        Assert.Equal([new BillableUnits("97112", 2), new BillableUnits("97124", 1)], units);
    }

    [Fact]
    public void Minutes_of_the_same_code_are_added_before_counting()
    {
        var units = EightMinuteRule.Units([("97124", 10), ("97124", 10), ("97140", 30)]);
        Assert.Equal([new BillableUnits("97124", 1), new BillableUnits("97140", 2)], units);
    }

    [Fact]
    public void Seven_minutes_in_all_bill_nothing() =>
        Assert.Empty(EightMinuteRule.Units([("97124", 7)]));

    [Fact]
    public void A_sixty_minute_massage_is_four_units() =>
        Assert.Equal([new BillableUnits("97124", 4)], EightMinuteRule.Units([("97124", 60)]));
}
