using GrantPortal.Core.Applications;
using GrantPortal.Core.Money;
using GrantPortal.Core.Reporting;

namespace GrantPortal.Core.Tests.Reporting;

public sealed class ApprovedBudgetTests
{
    [Fact]
    public void Requested_lines_scale_to_the_award_in_ten_thousand_won_and_add_up_exactly()
    {
        BudgetLine[] lines =
        [
            new() { Category = BudgetCategory.Venue, Item = "Hall", Amount = new Krw(33_333_333) },
            new() { Category = BudgetCategory.Personnel, Item = "Staff", Amount = new Krw(33_333_333) },
            new() { Category = BudgetCategory.Publication, Item = "Book", Amount = new Krw(33_333_334) },
        ];

        var approved = ApprovedBudget.Scale(lines, new Krw(80_000_000));

        Assert.Equal([26_660_000L, 26_660_000L, 26_680_000L], approved.Select(l => l.Budgeted.Won));
        Assert.Equal(80_000_000L, approved.Sum(l => l.Budgeted.Won));
        Assert.Equal(["Hall", "Staff", "Book"], approved.Select(l => l.Item));
    }

    [Theory]
    [InlineData(1_000_000, 0, true, -100)]
    [InlineData(1_000_000, 1_150_000, true, 15)]
    [InlineData(1_000_000, 950_000, false, -5)]
    public void Draft_line_shows_its_variance_and_whether_it_needs_a_reason(long budgeted, long spent, bool needsExplanation, int percent)
    {
        var line = new SpendingLineDraft { Budgeted = new Krw(budgeted), Spent = new Krw(spent) };

        Assert.Equal(needsExplanation, line.NeedsExplanation);
        Assert.Equal(percent, line.VariancePercent);
    }
}
