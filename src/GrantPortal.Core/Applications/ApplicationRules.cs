namespace GrantPortal.Core.Applications;

/// <summary>What a submission must satisfy, in the order the form shows the fields.</summary>
public static class ApplicationRules
{
    public static IReadOnlyList<FieldError> Validate(ApplicationDraft form, Call call, int budgetYear, bool organizationVerified, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(localizer);
        var errors = new List<FieldError>();
        void Require(string value, string field, string key)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add(new FieldError(field, localizer[key]));
            }
        }

        Require(form.ProjectTitle, nameof(form.ProjectTitle), "Application_TitleRequired");
        Require(form.Summary, nameof(form.Summary), "Application_SummaryRequired");
        var yearText = budgetYear.ToString(CultureInfo.InvariantCulture);
        CheckDate(form.StartDate, nameof(form.StartDate), "Application_StartDateRequired");
        CheckDate(form.EndDate, nameof(form.EndDate), "Application_EndDateRequired");
        if (form.StartDate is { } start && form.EndDate is { } end && start.Year == budgetYear && end.Year == budgetYear && end < start)
        {
            errors.Add(new FieldError(nameof(form.EndDate), localizer["Application_EndBeforeStart"]));
        }

        if (form.Category == ProjectCategories.None)
        {
            errors.Add(new FieldError(nameof(form.Category), localizer["Application_CategoryRequired"]));
        }
        else if (!call.Allows(form.Category) || !Enum.IsDefined(form.Category) || form.Category == ProjectCategories.All)
        {
            errors.Add(new FieldError(nameof(form.Category), localizer["Application_CategoryNotAllowed"]));
        }

        if (form.BudgetLines.Count == 0)
        {
            errors.Add(new FieldError(nameof(form.BudgetLines), localizer["Application_BudgetRequired"]));
        }
        else
        {
            for (var i = 0; i < form.BudgetLines.Count; i++)
            {
                var line = form.BudgetLines[i];
                if (string.IsNullOrWhiteSpace(line.Item))
                {
                    errors.Add(new FieldError($"BudgetLines[{i}].Item", localizer["Application_BudgetItemRequired", i + 1]));
                }

                if (line.Amount <= Krw.Zero || line.Amount > Krw.Ceiling)
                {
                    errors.Add(new FieldError($"BudgetLines[{i}].Amount", localizer["Application_BudgetAmountInvalid", i + 1]));
                }
            }

            // The call's request limits apply to the grant part only; own-contribution lines add to the project total.
            var total = SafeTotal(form);
            if (total is null || !call.IsWithinRequestLimits(total.Value))
            {
                errors.Add(new FieldError(
                    nameof(form.BudgetLines),
                    localizer["Application_TotalOutsideLimits", call.MinimumRequest.ForReader(), call.MaximumRequest.ForReader(), (total ?? Krw.Ceiling).ForReader()]));
            }

            // Shares are only meaningful once every amount is a real one.
            var amountsValid = form.BudgetLines.All(l => l.Amount > Krw.Zero && l.Amount <= Krw.Ceiling);
            if (amountsValid && total is not null)
            {
                errors.AddRange(ProjectBudget.Check(form.BudgetLines, call.BudgetRules, localizer));
            }
        }

        if (!form.DeclarationAccepted)
        {
            errors.Add(new FieldError(nameof(form.DeclarationAccepted), localizer["Application_DeclarationRequired"]));
        }

        if (!organizationVerified)
        {
            errors.Add(new FieldError("Organization", localizer["Application_OrganizationNotVerified"]));
        }

        return errors;

        void CheckDate(LocalDate? date, string field, string requiredKey)
        {
            if (date is null)
            {
                errors.Add(new FieldError(field, localizer[requiredKey]));
            }
            else if (date.Value.Year != budgetYear)
            {
                errors.Add(new FieldError(field, localizer["Application_DateOutsideYear", yearText]));
            }
        }
    }

    private static Krw? SafeTotal(ApplicationDraft form)
    {
        try
        {
            return form.RequestedTotal;
        }
        catch (OverflowException)
        {
            return null;
        }
    }
}
