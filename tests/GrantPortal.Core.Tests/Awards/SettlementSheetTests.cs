using GrantPortal.Core.Applications;
using GrantPortal.Core.Awards;
using GrantPortal.Core.Money;

namespace GrantPortal.Core.Tests.Awards;

public sealed class SettlementSheetTests
{
    private static readonly (BudgetCategory, Krw)[] GrantBudget =
    [
        (BudgetCategory.Personnel, new Krw(30_000_000)),
        (BudgetCategory.Venue, new Krw(20_000_000)),
    ];

    private static readonly (BudgetCategory, Krw)[] OwnBudget =
    [
        (BudgetCategory.Venue, new Krw(5_000_000)),
        (BudgetCategory.Publication, new Krw(3_000_000)),
    ];

    [Fact]
    public void Sheet_splits_budget_and_spending_into_grant_and_own_contribution_by_category()
    {
        var sheet = SettlementSheet.Of(GrantBudget, OwnBudget,
            [Line(BudgetCategory.Personnel, 29_000_000, own: 1_000_000), Line(BudgetCategory.Venue, 20_000_000, own: 4_500_000)],
            new Krw(50_000_000), Krw.Zero, Krw.Zero);

        Assert.Equal([BudgetCategory.Personnel, BudgetCategory.Venue, BudgetCategory.Publication], sheet.Rows.Select(r => r.Category));
        var venue = sheet.Rows.Single(r => r.Category == BudgetCategory.Venue);
        Assert.Equal((20_000_000L, 5_000_000L, 20_000_000L, 4_500_000L), (venue.GrantBudget.Won, venue.OwnBudget.Won, venue.GrantSpent.Won, venue.OwnSpent.Won));
        Assert.Equal(3_000_000L, sheet.Rows.Single(r => r.Category == BudgetCategory.Publication).OwnBudget.Won);
        Assert.Equal((50_000_000L, 8_000_000L, 49_000_000L, 5_500_000L), (sheet.GrantBudget.Won, sheet.OwnBudget.Won, sheet.GrantSpent.Won, sheet.OwnSpent.Won));
    }

    [Fact]
    public void Own_contribution_spending_never_counts_as_grant_spending()
    {
        var sheet = SettlementSheet.Of(GrantBudget, OwnBudget,
            [Line(BudgetCategory.Personnel, 28_000_000, own: 10_000_000), Line(BudgetCategory.Venue, 20_000_000, own: 5_000_000)],
            new Krw(50_000_000), Krw.Zero, Krw.Zero);

        Assert.Equal(48_000_000L, sheet.EligibleGrantSpent.Won);
        Assert.Equal(2_000_000L, sheet.AmountToReturn.Won);
    }

    [Fact]
    public void Amount_to_return_is_grant_received_less_eligible_spending_plus_interest()
    {
        var sheet = SettlementSheet.Of(GrantBudget, OwnBudget,
            [Line(BudgetCategory.Personnel, 29_500_000), Line(BudgetCategory.Venue, 19_800_000)],
            new Krw(50_000_000), Krw.Zero, new Krw(123_456));

        Assert.Equal(50_000_000L, sheet.GrantReceived.Won);
        Assert.Equal(700_000L, sheet.Unspent.Won);
        Assert.Equal(823_456L, sheet.AmountToReturn.Won);
    }

    [Fact]
    public void Ineligible_spending_is_returned()
    {
        var sheet = SettlementSheet.Of(GrantBudget, OwnBudget,
            [Line(BudgetCategory.Personnel, 30_000_000, ineligible: 1_250_000), Line(BudgetCategory.Venue, 20_000_000)],
            new Krw(50_000_000), Krw.Zero, new Krw(10_000));

        Assert.Equal(1_250_000L, sheet.Ineligible.Won);
        Assert.Equal(48_750_000L, sheet.EligibleGrantSpent.Won);
        Assert.Equal(1_260_000L, sheet.AmountToReturn.Won);
    }

    [Fact]
    public void Ineligible_amount_beyond_the_line_spending_counts_only_up_to_it()
    {
        var sheet = SettlementSheet.Of(GrantBudget, [], [Line(BudgetCategory.Personnel, 1_000_000, ineligible: 3_000_000)], new Krw(1_000_000), Krw.Zero, Krw.Zero);

        Assert.Equal(1_000_000L, sheet.Ineligible.Won);
        Assert.Equal(0L, sheet.EligibleGrantSpent.Won);
        Assert.Equal(1_000_000L, sheet.AmountToReturn.Won);
    }

    [Fact]
    public void Spending_beyond_what_was_received_never_makes_the_return_negative_and_interest_is_still_returned()
    {
        var sheet = SettlementSheet.Of(GrantBudget, OwnBudget,
            [Line(BudgetCategory.Personnel, 35_000_000), Line(BudgetCategory.Venue, 20_000_000)],
            new Krw(50_000_000), Krw.Zero, new Krw(42_000));

        Assert.Equal(0L, sheet.Unspent.Won);
        Assert.Equal(42_000L, sheet.AmountToReturn.Won);
    }

    [Fact]
    public void Nothing_spent_and_nothing_paid_returns_nothing()
    {
        var sheet = SettlementSheet.Of(GrantBudget, OwnBudget, [], Krw.Zero, Krw.Zero, Krw.Zero);

        Assert.Equal(0L, sheet.AmountToReturn.Won);
        Assert.False(sheet.AmountToReturn.IsNegative);
    }

    [Fact]
    public void Money_already_returned_before_the_settlement_is_not_asked_again()
    {
        var sheet = SettlementSheet.Of(GrantBudget, OwnBudget,
            [Line(BudgetCategory.Personnel, 27_000_000), Line(BudgetCategory.Venue, 20_000_000)],
            new Krw(50_000_000), new Krw(1_000_000), new Krw(5_000));

        Assert.Equal(49_000_000L, sheet.GrantReceived.Won);
        Assert.Equal(2_005_000L, sheet.AmountToReturn.Won);
    }

    [Theory]
    [InlineData(1_000_000, false)]
    [InlineData(1_000_001, true)]
    [InlineData(999_999, false)]
    public void Evidence_is_needed_only_above_the_call_amount(long lineSpent, bool needed)
    {
        Assert.Equal(needed, SettlementThresholds.NeedsEvidence(new Krw(lineSpent), new Krw(1_000_000)));
    }

    [Fact]
    public void Evidence_threshold_counts_grant_and_own_contribution_together()
    {
        var line = Line(BudgetCategory.Venue, 600_000, own: 400_001);

        Assert.True(SettlementThresholds.NeedsEvidence(line.TotalSpent, new Krw(1_000_000)));
    }

    [Theory]
    [InlineData(100_000_000, true)]
    [InlineData(99_999_999, false)]
    [InlineData(100_000_001, true)]
    public void Verification_is_needed_from_the_call_amount_up(long awarded, bool needed)
    {
        Assert.Equal(needed, SettlementThresholds.NeedsVerification(new Krw(awarded), new Krw(100_000_000)));
    }

    [Fact]
    public void Call_budget_rules_default_to_one_million_won_for_evidence_and_one_hundred_million_for_verification()
    {
        var rules = new GrantPortal.Core.Calls.BudgetRules();

        Assert.Equal(1_000_000L, rules.EvidenceThreshold.Won);
        Assert.Equal(100_000_000L, rules.VerificationThreshold.Won);
    }

    [Fact]
    public void Rules_stored_before_settlement_amounts_existed_read_back_with_the_defaults_and_new_ones_round_trip()
    {
        var old = GrantPortal.Core.Data.JsonColumns.Read<GrantPortal.Core.Calls.BudgetRules>("{\"changeNoticePercent\":10}");
        var set = new GrantPortal.Core.Calls.BudgetRules { EvidenceThreshold = new Krw(500_000), VerificationThreshold = new Krw(300_000_000) };
        var back = GrantPortal.Core.Data.JsonColumns.Read<GrantPortal.Core.Calls.BudgetRules>(GrantPortal.Core.Data.JsonColumns.Write(set));

        Assert.Equal((1_000_000L, 100_000_000L), (old.EvidenceThreshold.Won, old.VerificationThreshold.Won));
        Assert.Equal((500_000L, 300_000_000L), (back.EvidenceThreshold.Won, back.VerificationThreshold.Won));
    }

    private static SettlementLine Line(BudgetCategory category, long grant, long own = 0, long ineligible = 0) =>
        new(category, category.ToString(), Krw.Zero, new Krw(grant), new Krw(ineligible), new Krw(own));
}
