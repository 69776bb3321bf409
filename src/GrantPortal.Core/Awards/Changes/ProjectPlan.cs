namespace GrantPortal.Core.Awards;

/// <summary>One grant line of a project plan, keyed by the application budget line it comes from.</summary>
public sealed record PlanLine(int? BudgetLineId, int Order, BudgetCategory Category, string Item, Krw Amount);

/// <summary>
/// A version of a funded project's plan as people read it: the grant budget by line, the period and the activities
/// (null while the application's stand). Moving money keeps the total, so every version adds up to the award.
/// </summary>
public sealed record ProjectPlan(int Number, LocalDate? StartDate, LocalDate? EndDate, string? Activities, IReadOnlyList<PlanLine> Lines)
{
    public Instant? CreatedAt { get; init; }

    public int? ChangeRequestId { get; init; }

    public Krw Total => Krw.Sum(Lines.Select(l => l.Amount));

    public PlanLine? Line(int budgetLineId) => Lines.FirstOrDefault(l => l.BudgetLineId == budgetLineId);

    /// <summary>The next version with <paramref name="amount"/> moved from one line to another; the total stays.</summary>
    public ProjectPlan Moved(int fromBudgetLineId, int toBudgetLineId, Krw amount) => Next() with
    {
        Lines = Lines.Select(l => l.BudgetLineId == fromBudgetLineId ? l with { Amount = l.Amount - amount }
            : l.BudgetLineId == toBudgetLineId ? l with { Amount = l.Amount + amount }
            : l).ToList(),
    };

    public ProjectPlan WithPeriod(LocalDate start, LocalDate end) => Next() with { StartDate = start, EndDate = end };

    public ProjectPlan WithActivities(string activities) => Next() with { Activities = activities };

    /// <summary>
    /// The same plan for an award the officer amended since: the lines in proportion to the new amount, in whole
    /// 10,000 won, the last line taking the remainder (as the award's first budget was scaled from the request).
    /// </summary>
    public ProjectPlan ScaledTo(Krw awarded)
    {
        if (Total == awarded || Lines.Count == 0)
        {
            return this;
        }

        var total = Total.Won;
        var allocated = 0L;
        var lines = new List<PlanLine>(Lines.Count);
        for (var i = 0; i < Lines.Count; i++)
        {
            var amount = i == Lines.Count - 1 || total == 0
                ? awarded.Won - allocated
                : (long)((Int128)Lines[i].Amount.Won * awarded.Won / total / 10_000 * 10_000);
            allocated += amount;
            lines.Add(Lines[i] with { Amount = new Krw(amount) });
        }

        return this with { Lines = lines };
    }

    /// <summary>Each line beside the same line of <paramref name="previous"/>, for the side-by-side difference.</summary>
    public IReadOnlyList<PlanLineDifference> Against(ProjectPlan? previous) =>
        Lines.Select(l => new PlanLineDifference(l.BudgetLineId, l.Category, l.Item,
            previous?.Lines.FirstOrDefault(p => p.BudgetLineId == l.BudgetLineId && p.Item == l.Item)?.Amount ?? Krw.Zero, l.Amount)).ToList();

    private ProjectPlan Next() => this with { Number = Number + 1, CreatedAt = null, ChangeRequestId = null };
}

/// <summary>A line's amount in one version and in the version before it.</summary>
public sealed record PlanLineDifference(int? BudgetLineId, BudgetCategory Category, string Item, Krw Before, Krw After)
{
    public Krw Difference => After - Before;
}

/// <summary>
/// When a move between two budget lines is a notice and when it needs the officer: at most the call's share
/// (<see cref="BudgetRules.ChangeNoticePercent"/>, 10% unless the officer set another) of the smaller of the two
/// lines, compared exactly in whole won. Exactly at the limit is a notice; one won over needs approval.
/// </summary>
public static class ChangeThreshold
{
    public static bool IsNotice(Krw amount, Krw fromLine, Krw toLine, decimal percent) =>
        amount.Won * 100m <= percent * Krw.Min(fromLine, toLine).Won;

    /// <summary>The most a notice may move between the two lines, in whole won.</summary>
    public static Krw Limit(Krw fromLine, Krw toLine, decimal percent) =>
        new((long)decimal.Floor(percent * Krw.Min(fromLine, toLine).Won / 100m));

    /// <summary>A change of period or of activities always waits for the officer; only a small move does not.</summary>
    public static bool NeedsApproval(ChangeKind kind, Krw amount, Krw fromLine, Krw toLine, decimal percent) =>
        kind != ChangeKind.BudgetMove || !IsNotice(amount, fromLine, toLine, percent);
}
