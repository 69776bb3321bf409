using GrantPortal.Core.Applications;
using GrantPortal.Core.Awards;
using GrantPortal.Core.Money;
using GrantPortal.Core.Reporting;

namespace GrantPortal.Core.Tests.Awards;

public sealed class SpendingByCategoryTests
{
    private static readonly BudgetLine[] Application =
    [
        new() { Order = 1, Category = BudgetCategory.Personnel, Item = "Coordinator", Amount = new Krw(30_000_000) },
        new() { Order = 2, Category = BudgetCategory.Venue, Item = "Hall", Amount = new Krw(20_000_000) },
    ];

    [Fact]
    public void The_export_budget_is_the_version_in_force_after_an_approved_move()
    {
        // ₩5,000,000 moved from the hall to the coordinator by an approved change request.
        var inForce = new ProjectPlan(2, null, null, null,
        [
            new PlanLine(null, 1, BudgetCategory.Personnel, "Coordinator", new Krw(35_000_000)),
            new PlanLine(null, 2, BudgetCategory.Venue, "Hall", new Krw(15_000_000)),
        ]);

        var figures = SpendingByCategory.For(new Krw(50_000_000), Application, [], inForce).ToDictionary(f => f.Category!.Value, f => f.Figures);

        Assert.Equal(new Krw(35_000_000), figures[BudgetCategory.Personnel].BudgetGrant);
        Assert.Equal(new Krw(15_000_000), figures[BudgetCategory.Venue].BudgetGrant);
    }

    [Fact]
    public void Own_contribution_the_settlement_sheet_reports_is_exported_beside_the_grant_spending()
    {
        SpendingLine[] spending =
        [
            new() { Category = BudgetCategory.Venue, Item = "Hall", Budgeted = new Krw(20_000_000), Spent = new Krw(19_000_000), OwnSpent = new Krw(2_500_000) },
        ];

        var venue = SpendingByCategory.For(new Krw(50_000_000), Application, spending).Single(f => f.Category == BudgetCategory.Venue).Figures;

        Assert.Equal(new Krw(19_000_000), venue.SpentGrant);
        Assert.Equal(new Krw(2_500_000), venue.SpentOwn);
        Assert.Equal(new Krw(20_000_000), venue.BudgetGrant);
    }
}
