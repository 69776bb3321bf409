using GrantPortal.Core.Applications;
using GrantPortal.Core.Calls;
using GrantPortal.Core.Reporting;
using NodaTime;

namespace GrantPortal.Core.Tests.Reporting;

public sealed class IndicatorShortfallTests
{
    private static readonly SpendingBaseline Final = SpendingBaseline.For(ReportKind.Final, null, null, new LocalDate(2026, 12, 10));

    [Theory]
    [InlineData(100, 90, false)]
    [InlineData(100, 89, true)]
    [InlineData(100, 100, false)]
    [InlineData(100, 150, false)]
    [InlineData(100, 0, true)]
    [InlineData(30, 27, false)]
    [InlineData(30, 26, true)]
    [InlineData(1, 0, true)]
    public void Falling_short_of_the_target_by_more_than_a_tenth_needs_an_explanation(long target, long actual, bool needed) =>
        Assert.Equal(needed, IndicatorShortfall.NeedsExplanation(IndicatorShortfall.Expected(target, Final), actual));

    [Fact]
    public void A_target_of_zero_never_needs_an_explanation() =>
        Assert.False(IndicatorShortfall.NeedsExplanation(IndicatorShortfall.Expected(0, Final), 0));

    [Fact]
    public void Without_a_target_nothing_can_fall_short()
    {
        Assert.Null(IndicatorShortfall.Expected(null, Final));
        Assert.False(IndicatorShortfall.NeedsExplanation(null, 0));
    }

    [Fact]
    public void Interim_report_is_measured_against_the_share_of_the_target_due_by_its_period_end()
    {
        // Day 50 of a 100-day project: half of a target of 200 is due.
        var baseline = SpendingBaseline.For(ReportKind.Interim, new LocalDate(2026, 3, 1), new LocalDate(2026, 6, 8), new LocalDate(2026, 4, 19));

        var expected = IndicatorShortfall.Expected(200, baseline);

        Assert.Equal(100, expected);
        Assert.False(IndicatorShortfall.NeedsExplanation(expected, 90));
        Assert.True(IndicatorShortfall.NeedsExplanation(expected, 89));
    }

    [Fact]
    public void Report_form_asks_for_a_reason_only_on_the_short_indicator()
    {
        var participants = new IndicatorActualDraft { Indicator = Indicator("participants"), Target = 100, Actual = 80 };
        var events = new IndicatorActualDraft { Indicator = Indicator("events_held"), Target = 10, Actual = 9 };
        var unplanned = new IndicatorActualDraft { Indicator = Indicator("media_reach"), Target = null, Actual = 0 };

        Assert.True(participants.NeedsExplanation);
        Assert.False(events.NeedsExplanation);
        Assert.False(unplanned.NeedsExplanation);
    }

    private static IndicatorView Indicator(string key) => new(1, key, IndicatorKind.Output, key, key, "명", "people");
}
