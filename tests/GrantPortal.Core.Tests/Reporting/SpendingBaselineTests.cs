using GrantPortal.Core.Money;
using GrantPortal.Core.Reporting;
using NodaTime;

namespace GrantPortal.Core.Tests.Reporting;

public sealed class SpendingBaselineTests
{
    // A project of 244 days, April to November; the interim report is due on the last day of July, day 122.
    private static readonly LocalDate Start = new(2026, 4, 1);
    private static readonly LocalDate End = new(2026, 11, 30);
    private static readonly LocalDate InterimDue = new(2026, 7, 31);

    [Fact]
    public void Interim_report_expects_the_budget_share_of_the_project_time_elapsed_by_its_due_date()
    {
        var baseline = SpendingBaseline.For(ReportKind.Interim, Start, End, InterimDue);

        Assert.False(baseline.IsWholeBudget);
        Assert.Equal(InterimDue, baseline.PeriodEnd);
        Assert.Equal(50, baseline.Percent);
        Assert.Equal(new Krw(5_000_000), baseline.Expected(new Krw(10_000_000)));
    }

    [Fact]
    public void Mid_project_spending_on_plan_needs_no_reason_although_it_is_half_the_budget()
    {
        var interim = SpendingBaseline.For(ReportKind.Interim, Start, End, InterimDue);
        var line = new SpendingLineDraft { Budgeted = new Krw(10_000_000), Expected = interim.Expected(new Krw(10_000_000)), Spent = new Krw(4_600_000) };

        Assert.False(line.NeedsExplanation);
        Assert.Equal(-8, line.VariancePercent);

        // Compared with the whole budget, as before, the same line asked for a reason.
        Assert.True(SpendingBaseline.NeedsExplanation(new Krw(10_000_000), line.Spent));
    }

    [Theory]
    [InlineData(5_500_000, false)] // exactly 10% over the expected share
    [InlineData(5_500_001, true)]
    [InlineData(4_499_999, true)] // an activity running late
    [InlineData(10_000_000, true)] // the whole line spent by mid-project
    public void Interim_line_far_from_its_share_needs_a_reason(long spent, bool needsReason)
    {
        var interim = SpendingBaseline.For(ReportKind.Interim, Start, End, InterimDue);

        Assert.Equal(needsReason, SpendingBaseline.NeedsExplanation(interim.Expected(new Krw(10_000_000)), new Krw(spent)));
    }

    [Fact]
    public void Final_report_is_compared_with_the_whole_budget()
    {
        var baseline = SpendingBaseline.For(ReportKind.Final, Start, End, new LocalDate(2026, 12, 20));

        Assert.True(baseline.IsWholeBudget);
        Assert.Equal(100, baseline.Percent);
        Assert.Equal(new Krw(10_000_000), baseline.Expected(new Krw(10_000_000)));
    }

    [Fact]
    public void Interim_report_due_after_the_project_ended_expects_the_whole_budget_by_the_last_day()
    {
        var baseline = SpendingBaseline.For(ReportKind.Interim, Start, End, new LocalDate(2026, 12, 15));

        Assert.Equal(End, baseline.PeriodEnd);
        Assert.Equal(100, baseline.Percent);
        Assert.Equal(new Krw(10_000_000), baseline.Expected(new Krw(10_000_000)));
    }

    [Fact]
    public void Interim_report_due_before_the_project_starts_expects_nothing_spent()
    {
        var baseline = SpendingBaseline.For(ReportKind.Interim, Start, End, new LocalDate(2026, 3, 20));

        Assert.Equal(Krw.Zero, baseline.Expected(new Krw(10_000_000)));
        Assert.True(SpendingBaseline.NeedsExplanation(Krw.Zero, new Krw(1)));
        Assert.False(SpendingBaseline.NeedsExplanation(Krw.Zero, Krw.Zero));
    }

    [Fact]
    public void Project_without_dates_is_compared_with_the_whole_budget()
    {
        var baseline = SpendingBaseline.For(ReportKind.Interim, null, null, InterimDue);

        Assert.True(baseline.IsWholeBudget);
        Assert.Equal(new Krw(7_000_000), baseline.Expected(new Krw(7_000_000)));
    }
}
