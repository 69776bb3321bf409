using Bunit;
using GrantPortal.Core.Calls;
using GrantPortal.Core.Money;
using GrantPortal.Web.Features.Calls;
using NodaTime;

namespace GrantPortal.Web.Tests;

public sealed class CallCardTests : PortalComponentTest
{
    // The test clock stands at 2026-03-01 00:00 UTC, which is 09:00 in Seoul.
    private static PublishedCall Call(Instant opensAt, Instant closesAt) => new(
        7,
        2026,
        "NKHR",
        "북한인권 민간단체 지원",
        "Support for North Korean human rights CSOs",
        "설명",
        "Description",
        ProjectCategories.CapacityBuilding | ProjectCategories.CultureAndArts,
        new Krw(10_000_000),
        new Krw(100_000_000),
        new Krw(900_000_000),
        opensAt,
        closesAt,
        ["1224"],
        []);

    [Fact]
    public void Open_call_shows_its_deadline_in_Seoul_time_with_a_countdown()
    {
        // 2026-12-04 09:00 UTC is 18:00 in Seoul.
        var call = Call(Instant.FromUtc(2026, 2, 1, 0, 0), Instant.FromUtc(2026, 12, 4, 9, 0));

        var card = Render<CallCard>(p => p.Add(c => c.Call, call).Add(c => c.Now, Clock.GetCurrentInstant()));

        Assert.Equal("2026-12-04 18:00 KST", card.Find("[data-testid=call-deadline]").TextContent);
        Assert.Equal("Open", card.Find("[data-testid=call-state]").TextContent.Trim());
        Assert.Equal("Support for North Korean human rights CSOs", card.Find("[data-testid=call-title]").TextContent);
        Assert.Contains("Capacity building", card.Markup, StringComparison.Ordinal);
        Assert.Contains("₩100,000,000", card.Markup, StringComparison.Ordinal);
        Assert.Equal("278 d 9 h 0 min 0 s left", card.Find("[data-testid=countdown]").TextContent);
    }

    [Fact]
    public void Korean_reader_sees_the_korean_title_and_amounts_in_korean_units()
    {
        UseLanguage("ko");
        var call = Call(Instant.FromUtc(2026, 2, 1, 0, 0), Instant.FromUtc(2026, 12, 4, 9, 0));

        var card = Render<CallCard>(p => p.Add(c => c.Call, call).Add(c => c.Now, Clock.GetCurrentInstant()));

        Assert.Equal("북한인권 민간단체 지원", card.Find("[data-testid=call-title]").TextContent);
        Assert.Contains("9억 원", card.Markup, StringComparison.Ordinal);
        Assert.Equal("2026-12-04 18:00 KST", card.Find("[data-testid=call-deadline]").TextContent);
    }

    [Fact]
    public void Upcoming_call_shows_when_it_opens_and_no_countdown()
    {
        var call = Call(Instant.FromUtc(2026, 5, 1, 0, 0), Instant.FromUtc(2026, 6, 1, 9, 0));

        var card = Render<CallCard>(p => p.Add(c => c.Call, call).Add(c => c.Now, Clock.GetCurrentInstant()));

        Assert.Equal("Upcoming", card.Find("[data-testid=call-state]").TextContent.Trim());
        Assert.Contains("2026-05-01 09:00 KST", card.Markup, StringComparison.Ordinal);
        Assert.Empty(card.FindAll("[data-testid=countdown]"));
    }

    [Fact]
    public void Closed_call_says_closed()
    {
        var call = Call(Instant.FromUtc(2026, 1, 5, 0, 0), Instant.FromUtc(2026, 2, 20, 9, 0));

        var card = Render<CallCard>(p => p.Add(c => c.Call, call).Add(c => c.Now, Clock.GetCurrentInstant()));

        Assert.Equal("Closed", card.Find("[data-testid=call-state]").TextContent.Trim());
        Assert.Equal("Closed", card.Find("[data-testid=countdown]").TextContent);
    }

    [Fact]
    public void Call_list_renders_each_call_with_its_deadline_in_KST()
    {
        var calls = new[]
        {
            Call(Instant.FromUtc(2026, 2, 1, 0, 0), Instant.FromUtc(2026, 3, 5, 9, 0)),
            Call(Instant.FromUtc(2026, 2, 1, 0, 0), Instant.FromUtc(2026, 12, 4, 9, 0)) with { Id = 8, Code = "CULT" },
        };

        var list = Render<CallListView>(p => p.Add(c => c.Calls, calls).Add(c => c.Now, Clock.GetCurrentInstant()));

        Assert.Equal(["2026-03-05 18:00 KST", "2026-12-04 18:00 KST"], list.FindAll("[data-testid=call-deadline]").Select(e => e.TextContent));
        Assert.Equal(2, list.FindAll("[data-testid=countdown]").Count);
        Assert.Empty(list.FindAll("[data-testid=calls-empty]"));
    }

    [Fact]
    public void Empty_call_list_says_what_to_do_next()
    {
        var list = Render<CallListView>(p => p.Add(c => c.Calls, Array.Empty<PublishedCall>()).Add(c => c.Now, Clock.GetCurrentInstant()));

        Assert.Contains("register your organization", list.Find("[data-testid=calls-empty]").TextContent, StringComparison.Ordinal);
    }
}
