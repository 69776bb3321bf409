namespace GrantPortal.Core.Awards;

/// <summary>One spending line as the settlement reads it: the grant's spending, the officer's ineligible part and the own contribution.</summary>
public sealed record SettlementLine(BudgetCategory Category, string Item, Krw GrantBudget, Krw GrantSpent, Krw Ineligible, Krw OwnSpent)
{
    /// <summary>The grant spending the settlement accepts: what was spent less what the officer found ineligible, never below zero.</summary>
    public Krw EligibleGrant => Krw.Max(GrantSpent - Ineligible, Krw.Zero);

    public Krw TotalSpent => GrantSpent + OwnSpent;
}

/// <summary>One category (비목) of the settlement sheet: approved budget and spending, each split into grant (보조금) and own contribution (자부담).</summary>
public sealed record SettlementRow(BudgetCategory Category, Krw GrantBudget, Krw OwnBudget, Krw GrantSpent, Krw OwnSpent, Krw Ineligible, Krw EligibleGrant)
{
    public Krw TotalBudget => GrantBudget + OwnBudget;

    public Krw TotalSpent => GrantSpent + OwnSpent;
}

/// <summary>
/// The settlement sheet (정산서) of an award, by category, and what it asks back. The grant received is what was paid
/// less what was already returned before the settlement. What is owed back is the unspent grant (received less the
/// eligible grant spending, never below zero: spending beyond what was received is the organization's) plus the
/// interest the dedicated account earned, which always belongs to the grantor.
/// </summary>
public sealed record SettlementSheet(IReadOnlyList<SettlementRow> Rows, Krw GrantPaid, Krw ReturnedBefore, Krw Interest)
{
    public Krw GrantReceived => Krw.Max(GrantPaid - ReturnedBefore, Krw.Zero);

    public Krw GrantBudget => Krw.Sum(Rows.Select(r => r.GrantBudget));

    public Krw OwnBudget => Krw.Sum(Rows.Select(r => r.OwnBudget));

    public Krw GrantSpent => Krw.Sum(Rows.Select(r => r.GrantSpent));

    public Krw OwnSpent => Krw.Sum(Rows.Select(r => r.OwnSpent));

    public Krw Ineligible => Krw.Sum(Rows.Select(r => r.Ineligible));

    public Krw EligibleGrantSpent => Krw.Sum(Rows.Select(r => r.EligibleGrant));

    /// <summary>The grant received and not spent eligibly; zero when eligible spending reached or passed it.</summary>
    public Krw Unspent => Krw.Max(GrantReceived - EligibleGrantSpent, Krw.Zero);

    /// <summary>What the grantee returns: the unspent grant plus the interest; never below zero.</summary>
    public Krw AmountToReturn => Unspent + Krw.Max(Interest, Krw.Zero);

    /// <summary>
    /// The sheet from the budget version in force (<paramref name="grantBudget"/>), the application's own-contribution
    /// lines (<paramref name="ownBudget"/>) and the final report's spending; categories in the order of the enum,
    /// only those with a budget or spending.
    /// </summary>
    public static SettlementSheet Of(
        IEnumerable<(BudgetCategory Category, Krw Amount)> grantBudget,
        IEnumerable<(BudgetCategory Category, Krw Amount)> ownBudget,
        IEnumerable<SettlementLine> spending,
        Krw grantPaid,
        Krw returnedBefore,
        Krw interest)
    {
        var grant = grantBudget.ToList();
        var own = ownBudget.ToList();
        var lines = spending.ToList();
        var rows = Enum.GetValues<BudgetCategory>()
            .Select(c => new SettlementRow(
                c,
                Krw.Sum(grant.Where(b => b.Category == c).Select(b => b.Amount)),
                Krw.Sum(own.Where(b => b.Category == c).Select(b => b.Amount)),
                Krw.Sum(lines.Where(l => l.Category == c).Select(l => l.GrantSpent)),
                Krw.Sum(lines.Where(l => l.Category == c).Select(l => l.OwnSpent)),
                Krw.Sum(lines.Where(l => l.Category == c).Select(l => Krw.Min(l.Ineligible, l.GrantSpent))),
                Krw.Sum(lines.Where(l => l.Category == c).Select(l => l.EligibleGrant))))
            .Where(r => !(r.TotalBudget.IsZero && r.TotalSpent.IsZero))
            .ToList();
        return new SettlementSheet(rows, grantPaid, returnedBefore, interest);
    }
}

/// <summary>The two amounts a call sets for settlement, compared exactly in whole won.</summary>
public static class SettlementThresholds
{
    /// <summary>A line whose spending (grant and own contribution) is above the threshold needs evidence; exactly at it does not.</summary>
    public static bool NeedsEvidence(Krw lineSpent, Krw threshold) => lineSpent > threshold;

    /// <summary>An award of the threshold or more needs an external verifier's report; one won under does not.</summary>
    public static bool NeedsVerification(Krw awardAmount, Krw threshold) => awardAmount >= threshold;
}
