namespace GrantPortal.Core.Awards;

/// <summary>
/// Whether money may move between two lines of the plan in force: a positive amount, two different lines of the
/// plan, no more than the source line holds, and no capped category over its share of the project total (the grant
/// lines of the plan with the application's own contribution, as <see cref="ProjectBudget"/> reads them). The total
/// never changes, so the plan always adds up to the award.
/// </summary>
public static class BudgetMoveCheck
{
    public static Result<ProjectPlan> Check(
        ProjectPlan inForce, int? fromBudgetLineId, int? toBudgetLineId, Krw amount,
        IReadOnlyList<BudgetLineDraft> ownContribution, BudgetRules rules, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(inForce);
        ArgumentNullException.ThrowIfNull(ownContribution);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(localizer);
        if (fromBudgetLineId is not { } fromId || inForce.Line(fromId) is not { } from)
        {
            return Result.Invalid("FromBudgetLineId", localizer["Changes_LineRequired"]);
        }

        if (toBudgetLineId is not { } toId || inForce.Line(toId) is not { } to)
        {
            return Result.Invalid("ToBudgetLineId", localizer["Changes_LineRequired"]);
        }

        if (fromId == toId)
        {
            return Result.Invalid("ToBudgetLineId", localizer["Changes_SameLine"]);
        }

        if (amount.IsNegative || amount.IsZero)
        {
            return Result.Invalid("Amount", localizer["Changes_AmountPositive"]);
        }

        if (amount > from.Amount)
        {
            return Result.Refused(localizer["Changes_MoreThanLine", from.Item, from.Amount.ForReader()]);
        }

        var moved = inForce.Moved(fromId, toId, amount);
        var lines = moved.Lines.Select(l => new BudgetLineDraft { Category = l.Category, Item = l.Item, Amount = l.Amount })
            .Concat(ownContribution)
            .ToList();

        // Only the receiving category grows; one already over its cap from the award's scaling may still give money away.
        if (ProjectBudget.Of(lines, rules).Caps.FirstOrDefault(c => c.Category == to.Category && c.IsOver) is { } cap)
        {
            return Result.Refused(localizer[
                "Changes_OverCap",
                localizer["BudgetCategory_" + cap.Category].Value,
                Percentages.Format(cap.MaximumPercent),
                cap.Allowed.ForReader(),
                cap.Amount.ForReader()]);
        }

        return Result.Done(moved);
    }
}
