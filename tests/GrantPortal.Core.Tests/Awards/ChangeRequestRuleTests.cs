using System.Globalization;
using GrantPortal.Core.Applications;
using GrantPortal.Core.Awards;
using GrantPortal.Core.Calls;
using GrantPortal.Core.Localization;
using GrantPortal.Core.Money;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GrantPortal.Core.Tests.Awards;

/// <summary>
/// Change requests on a ₩100,000,000 award: Personnel ₩30,000,000, Activities ₩50,000,000, Venue ₩20,000,000, with
/// ₩10,000,000 own contribution (project total ₩110,000,000) and personnel capped at 35% (₩38,500,000).
/// </summary>
public sealed class ChangeRequestRuleTests : IDisposable
{
    private const int Personnel = 1;
    private const int Activities = 2;
    private const int Venue = 3;

    private static readonly IStringLocalizer<Strings> Localizer =
        new StringLocalizer<Strings>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    private static readonly BudgetRules Rules = new() { Caps = [new CategoryCap(BudgetCategory.Personnel, 35m)] };

    private static readonly IReadOnlyList<BudgetLineDraft> Own =
        [new BudgetLineDraft { Category = BudgetCategory.Other, Item = "Volunteers", Amount = new Krw(10_000_000), IsOwnContribution = true }];

    private static readonly ProjectPlan Awarded = new(1, new NodaTime.LocalDate(2024, 4, 1), new NodaTime.LocalDate(2024, 11, 30), null,
    [
        new PlanLine(Personnel, 0, BudgetCategory.Personnel, "Coordinator", new Krw(30_000_000)),
        new PlanLine(Activities, 1, BudgetCategory.Activities, "Workshops", new Krw(50_000_000)),
        new PlanLine(Venue, 2, BudgetCategory.Venue, "Hall rental", new Krw(20_000_000)),
    ]);

    private readonly CultureInfo originalUiCulture = CultureInfo.CurrentUICulture;

    public ChangeRequestRuleTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

    public void Dispose() => CultureInfo.CurrentUICulture = originalUiCulture;

    [Fact]
    public void A_move_of_exactly_ten_percent_of_the_smaller_line_is_a_notice()
    {
        // Activities → Venue: the smaller line is ₩20,000,000, so ₩2,000,000 is exactly at the threshold.
        Assert.True(ChangeThreshold.IsNotice(new Krw(2_000_000), new Krw(50_000_000), new Krw(20_000_000), 10m));
        Assert.False(ChangeThreshold.NeedsApproval(ChangeKind.BudgetMove, new Krw(2_000_000), new Krw(50_000_000), new Krw(20_000_000), 10m));
        Assert.Equal(new Krw(2_000_000), ChangeThreshold.Limit(new Krw(50_000_000), new Krw(20_000_000), 10m));
    }

    [Fact]
    public void A_move_one_won_over_the_threshold_needs_the_officers_approval()
    {
        Assert.False(ChangeThreshold.IsNotice(new Krw(2_000_001), new Krw(50_000_000), new Krw(20_000_000), 10m));
        Assert.True(ChangeThreshold.NeedsApproval(ChangeKind.BudgetMove, new Krw(2_000_001), new Krw(50_000_000), new Krw(20_000_000), 10m));
    }

    [Fact]
    public void The_calls_own_threshold_replaces_the_default()
    {
        Assert.True(ChangeThreshold.IsNotice(new Krw(1_000_000), new Krw(50_000_000), new Krw(20_000_000), 5m));
        Assert.False(ChangeThreshold.IsNotice(new Krw(1_000_001), new Krw(50_000_000), new Krw(20_000_000), 5m));
        Assert.False(ChangeThreshold.IsNotice(new Krw(1), new Krw(50_000_000), new Krw(20_000_000), 0m));
    }

    [Fact]
    public void A_change_of_period_or_activities_always_needs_approval_however_small()
    {
        Assert.True(ChangeThreshold.NeedsApproval(ChangeKind.Period, Krw.Zero, new Krw(50_000_000), new Krw(20_000_000), 100m));
        Assert.True(ChangeThreshold.NeedsApproval(ChangeKind.Activities, Krw.Zero, new Krw(50_000_000), new Krw(20_000_000), 100m));
    }

    [Fact]
    public void Every_version_a_move_makes_adds_up_to_the_award()
    {
        var plan = Awarded;
        foreach (var (from, to, amount) in new[] { (Activities, Venue, 7_000_000L), (Venue, Personnel, 8_500_000L), (Personnel, Activities, 1L), (Activities, Venue, 43_000_001L) })
        {
            var moved = BudgetMoveCheck.Check(plan, from, to, new Krw(amount), Own, Rules, Localizer);
            Assert.True(moved.Succeeded, moved.Message);
            plan = moved.Value!;
            Assert.Equal(new Krw(100_000_000), plan.Total);
        }

        Assert.Equal(5, plan.Number);
    }

    [Fact]
    public void A_move_exactly_to_a_cap_passes_and_one_won_over_is_refused_naming_the_cap()
    {
        var atCap = BudgetMoveCheck.Check(Awarded, Activities, Personnel, new Krw(8_500_000), Own, Rules, Localizer);
        var overCap = BudgetMoveCheck.Check(Awarded, Activities, Personnel, new Krw(8_500_001), Own, Rules, Localizer);

        Assert.True(atCap.Succeeded, atCap.Message);
        Assert.Equal(new Krw(38_500_000), atCap.Value!.Line(Personnel)!.Amount);
        Assert.Equal(Outcome.Refused, overCap.Outcome);
        Assert.Equal("The call caps Personnel at 35% of the project total (₩38,500,000); after this move it would be ₩38,500,001.", overCap.Message);
    }

    [Fact]
    public void A_move_larger_than_its_source_line_or_onto_the_same_line_is_refused()
    {
        Assert.Equal(Outcome.Refused, BudgetMoveCheck.Check(Awarded, Venue, Activities, new Krw(20_000_001), Own, Rules, Localizer).Outcome);
        Assert.Equal(Outcome.Invalid, BudgetMoveCheck.Check(Awarded, Venue, Venue, new Krw(1_000), Own, Rules, Localizer).Outcome);
        Assert.Equal(Outcome.Invalid, BudgetMoveCheck.Check(Awarded, Venue, Activities, Krw.Zero, Own, Rules, Localizer).Outcome);
        Assert.Equal(Outcome.Invalid, BudgetMoveCheck.Check(Awarded, Venue, 99, new Krw(1_000), Own, Rules, Localizer).Outcome);
    }

    [Fact]
    public void A_version_followed_by_a_reduced_award_is_read_at_the_new_amount()
    {
        var reduced = Awarded.ScaledTo(new Krw(90_000_000));

        Assert.Equal(new Krw(90_000_000), reduced.Total);
        Assert.Equal(new Krw(27_000_000), reduced.Line(Personnel)!.Amount);
        Assert.Equal(new Krw(18_000_000), reduced.Line(Venue)!.Amount);
    }

    [Fact]
    public void The_difference_with_the_previous_version_shows_each_line_before_and_after()
    {
        var moved = BudgetMoveCheck.Check(Awarded, Activities, Venue, new Krw(5_000_000), Own, Rules, Localizer).Value!;

        var rows = moved.Against(Awarded);

        Assert.Equal([Krw.Zero, new Krw(-5_000_000), new Krw(5_000_000)], rows.Select(r => r.Difference));
        Assert.Equal(new Krw(20_000_000), rows.Single(r => r.BudgetLineId == Venue).Before);
        Assert.Equal(new Krw(25_000_000), rows.Single(r => r.BudgetLineId == Venue).After);
    }
}
