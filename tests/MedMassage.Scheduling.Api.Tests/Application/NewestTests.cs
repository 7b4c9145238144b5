using MedMassage.Scheduling.Api.Application.Slots;
using Microsoft.Extensions.Time.Testing;

namespace MedMassage.Scheduling.Api.Tests.Application;

public sealed class NewestTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void A_kept_value_is_found_only_for_its_own_generation()
    {
        var newest = new Newest<string, string>(_time);
        newest.Keep("downtown", 3, "week at generation 3");

        Assert.Equal("week at generation 3", newest.Find("downtown", 3));
        Assert.Null(newest.Find("downtown", 4));
        Assert.Null(newest.Find("uptown", 3));
    }

    [Fact]
    public void A_value_replaced_by_another_generation_is_never_found_for_the_old_one()
    {
        var newest = new Newest<string, string>(_time);
        newest.Keep("downtown", 5, "built at generation 5");

        newest.Keep("downtown", 4, "built at generation 4 by a slow request");

        Assert.Equal("built at generation 4 by a slow request", newest.Find("downtown", 4));
        Assert.Null(newest.Find("downtown", 5));
    }

    [Fact]
    public void A_key_in_use_stays_and_a_key_nobody_asked_for_is_dropped_after_the_idle_time()
    {
        var newest = new Newest<string, string>(_time);
        newest.Keep("this week", 1, "busy");
        newest.Keep("last month", 1, "forgotten");

        for (var minute = 0; minute < 12; minute++)
        {
            _time.Advance(TimeSpan.FromMinutes(1));
            Assert.Equal("busy", newest.Find("this week", 1));
        }

        Assert.Equal(1, newest.Count);
        Assert.Null(newest.Find("last month", 1));
    }
}
