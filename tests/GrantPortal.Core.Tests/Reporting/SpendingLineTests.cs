using GrantPortal.Core.Money;
using GrantPortal.Core.Reporting;

namespace GrantPortal.Core.Tests.Reporting;

public sealed class SpendingLineTests
{
    [Theory]
    [InlineData(1_000_000, 1_100_000, false)] // exactly 10% over
    [InlineData(1_000_000, 1_100_001, true)]  // one won more
    [InlineData(1_000_000, 900_000, false)]   // exactly 10% under
    [InlineData(1_000_000, 899_999, true)]
    [InlineData(1_000_000, 1_000_000, false)]
    [InlineData(0, 0, false)]
    [InlineData(0, 1, true)]                  // spending on a line with no budget always needs a word
    public void Variance_over_ten_percent_needs_an_explanation(long budgeted, long spent, bool needsExplanation)
    {
        var line = new SpendingLine { Budgeted = new Krw(budgeted), Spent = new Krw(spent) };

        Assert.Equal(needsExplanation, line.NeedsExplanation);
        Assert.Equal(new Krw(spent - budgeted), line.Variance);
    }
}
