using GrantPortal.Core.Calls;
using GrantPortal.Core.Time;
using NodaTime;
using NodaTime.Testing;

namespace GrantPortal.Core.Tests.Time;

public sealed class SeoulTests
{
    private static readonly Instant Opens = Seoul.ToInstant(new LocalDateTime(2026, 11, 2, 9, 0));
    private static readonly Instant Closes = Seoul.ToInstant(new LocalDateTime(2026, 12, 4, 18, 0));

    [Fact]
    public void Deadline_of_six_pm_in_Seoul_is_nine_am_UTC()
    {
        Assert.Equal(Instant.FromUtc(2026, 12, 4, 9, 0), Closes);
        Assert.Equal("2026-12-04 18:00 KST", Seoul.Format(Closes));
    }

    [Fact]
    public void Call_is_open_at_the_exact_closing_moment() =>
        Assert.True(PublishedCall().IsOpenAt(Closes));

    [Fact]
    public void Call_is_closed_one_second_after_closing()
    {
        var call = PublishedCall();

        Assert.False(call.IsOpenAt(Closes + Duration.FromSeconds(1)));
        Assert.True(call.HasClosedAt(Closes + Duration.FromSeconds(1)));
    }

    [Fact]
    public void Call_is_closed_one_second_before_opening()
    {
        var call = PublishedCall();

        Assert.False(call.IsOpenAt(Opens - Duration.FromSeconds(1)));
        Assert.True(call.IsOpenAt(Opens));
    }

    [Fact]
    public void Unpublished_call_is_closed_even_within_its_dates()
    {
        var call = PublishedCall();
        call.Unpublish();

        Assert.False(call.IsOpenAt(Opens + Duration.FromDays(1)));
    }

    [Fact]
    public void Seoul_day_starts_at_three_pm_UTC()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 3, 1, 14, 59, 59));
        Assert.Equal(new LocalDate(2026, 3, 1), Seoul.Today(clock));

        clock.AdvanceSeconds(1);
        Assert.Equal(new LocalDate(2026, 3, 2), Seoul.Today(clock));
        Assert.Equal(clock.GetCurrentInstant(), Seoul.StartOf(new LocalDate(2026, 3, 2)));
    }

    [Fact]
    public void New_year_in_Seoul_comes_while_UTC_is_still_in_the_old_year()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 12, 31, 15, 30));

        Assert.Equal(new LocalDate(2027, 1, 1), Seoul.Today(clock));
    }

    private static Call PublishedCall()
    {
        var call = new Call { OpensAt = Opens, ClosesAt = Closes };
        call.Publish(Opens - Duration.FromDays(7));
        return call;
    }
}
