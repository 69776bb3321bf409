namespace GrantPortal.Core.Reporting;

/// <summary>The grantee's side of a report, shared by autosave and submission: opening it for a change and checking what was typed.</summary>
internal static class ReportDrafting
{
    /// <summary>
    /// Loads the report for its grantee and copies the form onto it; the refusal instead when the report is not
    /// theirs, can no longer be changed, or was saved since the page read it.
    /// </summary>
    public static async Task<(ProjectReport? Report, Result? Refusal)> OpenAsync(
        PortalDbContext db, CurrentUser user, int id, int expectedVersion, ReportDraft draft, IStringLocalizer<Strings> localizer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(draft);
        if (!user.IsIn(Roles.Applicant) || user.OrganizationId is null)
        {
            return (null, Result.NotFound());
        }

        var report = await ReportRules.VisibleTo(db, user).Include(r => r.SpendingLines).Include(r => r.IndicatorActuals).AsSplitQuery().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
        {
            return (null, Result.NotFound());
        }

        if (!ReportRules.IsEditable(report.Status))
        {
            return (null, Result.Refused(localizer["Reports_NotEditable"]));
        }

        if (report.Version != expectedVersion)
        {
            return (null, Result.Conflict(localizer["Error_Concurrency"]));
        }

        await ApplyAsync(db, report, draft, ct);
        return (report, null);
    }

    /// <summary>What no draft may hold, complete or not: negative numbers, impossible amounts, texts over their length.</summary>
    public static List<FieldError> ValidateNumbers(ReportDraft draft, IStringLocalizer<Strings> localizer)
    {
        var errors = new List<FieldError>();
        if (draft.Indicators.Any(i => i.Actual < 0))
        {
            errors.Add(new FieldError("Indicators", localizer["Reports_NegativeIndicator"]));
        }

        if (draft.Indicators.Any(i => i.Explanation is { Length: > 2000 }))
        {
            errors.Add(new FieldError("Indicators", localizer["Reports_TooLong", localizer["Reports_ShortfallExplanation"], 2000]));
        }

        if (draft.SpendingLines.Any(l => l.Spent.IsNegative || l.Spent > Krw.Ceiling || l.OwnSpent.IsNegative || l.OwnSpent > Krw.Ceiling))
        {
            errors.Add(new FieldError("Spending", localizer["Reports_SpentInvalid"]));
        }

        if (draft.InterestEarned.IsNegative || draft.InterestEarned > Krw.Ceiling)
        {
            errors.Add(new FieldError("Interest", localizer["Settlement_InterestInvalid"]));
        }

        foreach (var (value, key, limit) in new[]
                 {
                     (draft.ActivitiesCarriedOut, "Reports_Activities", 8000),
                     (draft.Outcomes, "Reports_Outcomes", 8000),
                     (draft.EventsAndPublications, "Reports_EventsAndPublications", 8000),
                     (draft.Lessons, "Reports_Lessons", 8000),
                 })
        {
            if (value.Trim().Length > limit)
            {
                errors.Add(new FieldError(key, localizer["Reports_TooLong", localizer[key], limit]));
            }
        }

        if (draft.SpendingLines.Any(l => l.VarianceExplanation is { Length: > 2000 }))
        {
            errors.Add(new FieldError("Spending", localizer["Reports_TooLong", localizer["Reports_VarianceExplanation"], 2000]));
        }

        return errors;
    }

    /// <summary>Copies the form onto the report; spending is matched to the approved budget lines, whose budgets the grantee cannot change.</summary>
    private static async Task ApplyAsync(PortalDbContext db, ProjectReport report, ReportDraft draft, CancellationToken ct)
    {
        report.ActivitiesCarriedOut = draft.ActivitiesCarriedOut.Trim();
        report.Outcomes = draft.Outcomes.Trim();
        report.EventsAndPublications = draft.EventsAndPublications.Trim();
        report.Lessons = draft.Lessons.Trim();
        report.InterestEarned = report.Kind == ReportKind.Final ? draft.InterestEarned : Krw.Zero;
        await ReportIndicators.ApplyAsync(db, report, draft, ct);
        var plan = await BudgetVersions.InForceAsync(db, report.AwardId, ct);
        if (report.SpendingLines.Count == 0)
        {
            foreach (var line in ApprovedBudget.Of(plan))
            {
                report.SpendingLines.Add(new SpendingLine { BudgetLineId = line.BudgetLineId, Category = line.Category, Item = line.Item, Budgeted = line.Budgeted });
            }
        }

        ApprovedBudget.Follow(report.SpendingLines, plan);

        foreach (var line in report.SpendingLines)
        {
            var typed = draft.SpendingLines.FirstOrDefault(l => l.BudgetLineId == line.BudgetLineId && l.Item == line.Item);
            if (typed is null)
            {
                continue;
            }

            line.Spent = typed.Spent;
            line.OwnSpent = report.Kind == ReportKind.Final ? typed.OwnSpent : Krw.Zero;
            line.VarianceExplanation = string.IsNullOrWhiteSpace(typed.VarianceExplanation) ? null : typed.VarianceExplanation.Trim();
        }
    }
}
