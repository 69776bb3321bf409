using GrantPortal.Core.Awards;
using GrantPortal.Core.Money;
using NodaTime;

namespace GrantPortal.Core.Tests.Awards;

public sealed class TranchePlanTests
{
    private static PlannedTranche T(int sequence, long amount, long recorded = 0) => new(sequence, new Krw(amount), new Krw(recorded));

    [Fact]
    public void Increase_goes_to_the_last_tranche()
    {
        var plan = TranchePlan.Rebalance([T(1, 30_000_000, 30_000_000), T(2, 20_000_000)], new Krw(60_000_000));

        Assert.Equal([30_000_000L, 30_000_000L], plan!.Select(t => t.Amount.Won));
    }

    [Fact]
    public void Reduction_comes_off_the_latest_tranches_and_never_below_what_is_recorded()
    {
        var plan = TranchePlan.Rebalance([T(1, 30_000_000, 10_000_000), T(2, 20_000_000, 5_000_000)], new Krw(20_000_000));

        Assert.Equal([15_000_000L, 5_000_000L], plan!.Select(t => t.Amount.Won));
        Assert.Equal(new Krw(20_000_000), Krw.Sum(plan!.Select(t => t.Amount)));
    }

    [Fact]
    public void Reduction_below_recorded_payments_is_refused()
    {
        Assert.Null(TranchePlan.Rebalance([T(1, 30_000_000, 30_000_000), T(2, 20_000_000, 1)], new Krw(30_000_000)));
    }

    [Fact]
    public void Proposed_schedule_sums_to_the_amount_with_the_second_tranche_after_the_interim_report()
    {
        var form = AwardForm.Proposed(7, new Krw(45_555_555), new LocalDate(2026, 3, 1), new LocalDate(2026, 4, 1), new LocalDate(2026, 11, 30));

        Assert.Equal(new Krw(45_555_555), Krw.Sum(form.Tranches.Select(t => t.Amount)));
        Assert.Equal(new Krw(27_330_000), form.Tranches[0].Amount);
        Assert.Equal(TrancheGate.InterimReport, form.Tranches[1].Gate);
        Assert.True(form.InterimReportDueOn < form.FinalReportDueOn);
        Assert.Equal(new LocalDate(2026, 12, 30), form.FinalReportDueOn);
    }

    [Fact]
    public void Timeline_runs_cumulative_totals_through_months_without_money()
    {
        var timeline = BudgetQueries.Timeline(
            [(new LocalDate(2023, 5, 10), new Krw(100)), (new LocalDate(2023, 5, 20), new Krw(50))],
            [(new LocalDate(2023, 7, 1), new Krw(60))]);

        Assert.Equal(["2023-05", "2023-06", "2023-07"], timeline.Select(m => m.Month));
        Assert.Equal([150L, 150L, 150L], timeline.Select(m => m.Committed.Won));
        Assert.Equal([0L, 0L, 60L], timeline.Select(m => m.Disbursed.Won));
    }
}
