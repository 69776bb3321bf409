namespace GrantPortal.Core.Calls;

/// <summary>What an officer's budget rules must say to be applied fairly: caps an applicant can meet and read.</summary>
public static class BudgetRulesCheck
{
    public static IEnumerable<FieldError> Validate(BudgetRules rules, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(localizer);
        const string prefix = nameof(CallForm.BudgetRules) + ".";

        // An empty list means every category; a list naming only unknown values would allow none.
        if (rules.AllowedCategories.Count > 0 && !rules.AllowedCategories.Any(Enum.IsDefined))
        {
            yield return new FieldError(prefix + nameof(BudgetRules.AllowedCategories), localizer["CallForm_BudgetCategoryRequired"]);
        }

        for (var i = 0; i < rules.Caps.Count; i++)
        {
            var cap = rules.Caps[i];
            var field = $"{prefix}{nameof(BudgetRules.Caps)}[{i}].{nameof(CategoryCap.MaximumPercent)}";
            var name = localizer["BudgetCategory_" + cap.Category].Value;
            if (!Enum.IsDefined(cap.Category) || !rules.Allows(cap.Category))
            {
                yield return new FieldError(field, localizer["CallForm_BudgetCapNotAllowed", name]);
            }
            else if (rules.Caps.Take(i).Any(c => c.Category == cap.Category))
            {
                yield return new FieldError(field, localizer["CallForm_BudgetCapDuplicate", name]);
            }
            else if (cap.MaximumPercent is <= 0m or > 100m || decimal.Round(cap.MaximumPercent, 1) != cap.MaximumPercent)
            {
                yield return new FieldError(field, localizer["CallForm_BudgetCapRange", name]);
            }
        }

        if (rules.ChangeNoticePercent is < 0m or > 100m || decimal.Round(rules.ChangeNoticePercent, 1) != rules.ChangeNoticePercent)
        {
            yield return new FieldError(prefix + nameof(BudgetRules.ChangeNoticePercent), localizer["CallForm_ChangeNoticeRange"]);
        }

        if (rules.EvidenceThreshold.IsNegative || rules.EvidenceThreshold > Krw.Ceiling)
        {
            yield return new FieldError(prefix + nameof(BudgetRules.EvidenceThreshold), localizer["CallForm_SettlementAmountRange"]);
        }

        if (rules.VerificationThreshold.IsNegative || rules.VerificationThreshold > Krw.Ceiling)
        {
            yield return new FieldError(prefix + nameof(BudgetRules.VerificationThreshold), localizer["CallForm_SettlementAmountRange"]);
        }

        if (rules.MinimumOwnContributionPercent is { } own && (own is < 0m or > 100m || decimal.Round(own, 1) != own))
        {
            yield return new FieldError(prefix + nameof(BudgetRules.MinimumOwnContributionPercent), localizer["CallForm_OwnContributionRange"]);
        }
    }
}
