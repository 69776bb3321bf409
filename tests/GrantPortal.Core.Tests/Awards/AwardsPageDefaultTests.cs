using GrantPortal.Core.Awards;
using GrantPortal.Core.Money;
using NodaTime;

namespace GrantPortal.Core.Tests.Awards;

public sealed class AwardsPageDefaultTests
{
    private static readonly Instant Finalized = Instant.FromUtc(2026, 3, 1, 0, 0);

    // Latest-closed first, as AwardQueries.ListCallsAsync returns them.
    private static AwardingCallSummary Call(int id, int applications, int decided, Instant? finalizedAt = null) =>
        new(id, 2026, $"C{id}", "공모", "Call", new Krw(100_000_000), Krw.Zero, applications, decided, 0, finalizedAt);

    [Fact]
    public void Awards_page_opens_on_the_round_with_panel_decisions_not_on_a_newer_empty_call()
    {
        var calls = new[] { Call(9, applications: 0, decided: 0), Call(8, applications: 3, decided: 0), Call(7, applications: 5, decided: 2) };

        Assert.Equal(7, AwardingCallSummary.Default(calls));
    }

    [Fact]
    public void Without_decisions_the_awards_page_opens_on_the_latest_open_round_with_applications()
    {
        var calls = new[] { Call(9, applications: 0, decided: 0), Call(8, applications: 3, decided: 0), Call(7, applications: 5, decided: 5, Finalized) };

        Assert.Equal(8, AwardingCallSummary.Default(calls));
    }

    [Fact]
    public void When_every_round_is_finalized_the_awards_page_opens_on_the_latest_call_that_had_applications()
    {
        var calls = new[] { Call(9, applications: 0, decided: 0, Finalized), Call(7, applications: 5, decided: 5, Finalized) };

        Assert.Equal(7, AwardingCallSummary.Default(calls));
    }

    [Fact]
    public void Awards_page_without_any_closed_call_selects_nothing()
    {
        Assert.Equal(0, AwardingCallSummary.Default([]));
        Assert.Equal(9, AwardingCallSummary.Default([Call(9, applications: 0, decided: 0)]));
    }
}
