using Bunit;
using GrantPortal.Web.Features.Calls;
using NodaTime;

namespace GrantPortal.Web.Tests;

public sealed class CountdownTests : PortalComponentTest
{
    [Fact]
    public void Countdown_shows_days_hours_minutes_and_seconds_left_by_the_clock()
    {
        var closesAt = Clock.GetCurrentInstant() + Duration.FromDays(2) + Duration.FromHours(3) + Duration.FromMinutes(4) + Duration.FromSeconds(5);

        var countdown = Render<Countdown>(p => p.Add(c => c.ClosesAt, closesAt));

        Assert.Equal("2 d 3 h 4 min 5 s left", countdown.Find("[data-testid=countdown]").TextContent);
    }

    [Fact]
    public void Countdown_ticks_and_says_closed_after_the_deadline()
    {
        var closesAt = Clock.GetCurrentInstant() + Duration.FromSeconds(90);
        var countdown = Render<Countdown>(p => p.Add(c => c.ClosesAt, closesAt));
        Assert.Equal("0 d 0 h 1 min 30 s left", countdown.Find("[data-testid=countdown]").TextContent);

        Clock.Advance(Duration.FromSeconds(60));
        countdown.WaitForAssertion(() => Assert.Equal("0 d 0 h 0 min 30 s left", countdown.Find("[data-testid=countdown]").TextContent), TimeSpan.FromSeconds(5));

        Clock.Advance(Duration.FromSeconds(31));
        countdown.WaitForAssertion(() => Assert.Equal("Closed", countdown.Find("[data-testid=countdown]").TextContent), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Countdown_at_the_closing_second_still_counts_it_as_open()
    {
        var countdown = Render<Countdown>(p => p.Add(c => c.ClosesAt, Clock.GetCurrentInstant()));

        Assert.Equal("0 d 0 h 0 min 0 s left", countdown.Find("[data-testid=countdown]").TextContent);
    }

    [Fact]
    public void Countdown_reads_in_korean_for_a_korean_reader()
    {
        UseLanguage("ko");

        var countdown = Render<Countdown>(p => p.Add(c => c.ClosesAt, Clock.GetCurrentInstant() + Duration.FromHours(25)));

        Assert.Equal("1일 1시간 0분 0초 남음", countdown.Find("[data-testid=countdown]").TextContent);
    }
}
