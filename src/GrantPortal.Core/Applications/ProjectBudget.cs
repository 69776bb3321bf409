namespace GrantPortal.Core.Applications;

/// <summary>
/// An application's budget read against its call's <see cref="BudgetRules"/>: the grant request (lines not marked as
/// own contribution), the own contribution (자부담), the project total (both), each capped category's share and the own
/// contribution's share. Shares are compared exactly in whole won: an amount exactly at its cap passes, one won over
/// does not.
/// </summary>
public sealed record ProjectBudget(Krw Grant, Krw OwnContribution, IReadOnlyList<CategoryShare> Caps, OwnContributionShare? MinimumOwnContribution)
{
    /// <summary>The field the rule messages are shown under, beside the budget's summary.</summary>
    public const string Field = "BudgetRules";

    public Krw ProjectTotal => Grant + OwnContribution;

    public bool IsWithinRules => Caps.All(c => !c.IsOver) && MinimumOwnContribution is not { IsBelow: true };

    /// <summary>The figures for the given lines; an amount too large to add up throws <see cref="OverflowException"/>.</summary>
    public static ProjectBudget Of(IEnumerable<BudgetLineDraft> lines, BudgetRules rules)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(rules);
        var all = lines.ToList();
        var grant = Krw.Sum(all.Where(l => !l.IsOwnContribution).Select(l => l.Amount));
        var own = Krw.Sum(all.Where(l => l.IsOwnContribution).Select(l => l.Amount));
        var total = grant + own;
        var caps = rules.Caps
            .Where(c => rules.Allows(c.Category))
            .Select(c => new CategoryShare(c.Category, Krw.Sum(all.Where(l => l.Category == c.Category).Select(l => l.Amount)), total, c.MaximumPercent))
            .ToList();
        var minimum = rules.MinimumOwnContributionPercent is { } percent and > 0m ? new OwnContributionShare(own, total, percent) : null;
        return new ProjectBudget(grant, own, caps, minimum);
    }

    /// <summary>
    /// What keeps the budget from being submitted under the call's rules: lines in a category the call does not fund,
    /// capped categories over their share, too small an own contribution. Messages name the amounts in won.
    /// </summary>
    public static IReadOnlyList<FieldError> Check(IReadOnlyList<BudgetLineDraft> lines, BudgetRules rules, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(localizer);
        var errors = new List<FieldError>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (!rules.Allows(lines[i].Category))
            {
                errors.Add(new FieldError($"BudgetLines[{i}].Category", localizer["Application_BudgetCategoryNotAllowed", i + 1, CategoryName(localizer, lines[i].Category)]));
            }
        }

        var budget = Of(lines, rules);
        if (budget.ProjectTotal.IsZero)
        {
            return errors;
        }

        foreach (var cap in budget.Caps.Where(c => c.IsOver))
        {
            errors.Add(new FieldError(Field, localizer[
                "Application_BudgetOverCap",
                CategoryName(localizer, cap.Category),
                cap.Amount.ForReader(),
                Percentages.Format(cap.SharePercent(MidpointRounding.ToPositiveInfinity)),
                Percentages.Format(cap.MaximumPercent),
                cap.Allowed.ForReader()]));
        }

        if (budget.MinimumOwnContribution is { IsBelow: true } own)
        {
            errors.Add(new FieldError(Field, localizer[
                "Application_OwnContributionBelowMinimum",
                own.Amount.ForReader(),
                Percentages.Format(own.SharePercent(MidpointRounding.ToNegativeInfinity)),
                Percentages.Format(own.MinimumPercent),
                own.Required.ForReader()]));
        }

        return errors;
    }

    private static string CategoryName(IStringLocalizer localizer, BudgetCategory category) => localizer["BudgetCategory_" + category];
}

/// <summary>A capped category's amount (grant and own-contribution lines together) against its share of the project total.</summary>
public sealed record CategoryShare(BudgetCategory Category, Krw Amount, Krw ProjectTotal, decimal MaximumPercent)
{
    /// <summary>Over when amount / total &gt; cap / 100, compared without rounding.</summary>
    public bool IsOver => Amount.Won * 100m > MaximumPercent * ProjectTotal.Won;

    /// <summary>The most this category may take at the current project total, in whole won.</summary>
    public Krw Allowed => new((long)decimal.Floor(MaximumPercent * ProjectTotal.Won / 100m));

    /// <summary>The share to one decimal, rounded as asked: up for an amount over its cap, so it never reads as the cap itself.</summary>
    public decimal SharePercent(MidpointRounding rounding = MidpointRounding.ToEven) => Percentages.Share(Amount, ProjectTotal, rounding);
}

/// <summary>The own contribution against the call's minimum share of the project total.</summary>
public sealed record OwnContributionShare(Krw Amount, Krw ProjectTotal, decimal MinimumPercent)
{
    public bool IsBelow => Amount.Won * 100m < MinimumPercent * ProjectTotal.Won;

    /// <summary>The least own contribution that meets the minimum at the current project total, in whole won.</summary>
    public Krw Required => new((long)decimal.Ceiling(MinimumPercent * ProjectTotal.Won / 100m));

    public decimal SharePercent(MidpointRounding rounding = MidpointRounding.ToEven) => Percentages.Share(Amount, ProjectTotal, rounding);
}

/// <summary>Shares of a project total as people read them: one decimal at most, "36" rather than "36.0".</summary>
public static class Percentages
{
    public static decimal Share(Krw part, Krw total, MidpointRounding rounding) =>
        total.IsZero ? 0m : decimal.Round(part.Won * 100m / total.Won, 1, rounding);

    public static string Format(decimal percent) => percent.ToString("0.#", CultureInfo.InvariantCulture);
}
