namespace GrantPortal.Core.Reporting;

/// <summary>
/// Saves the report and hands it to the program officer. The narrative must be complete, spending far from what
/// was expected explained, and receipts attached where the call asks for them; every problem is listed at once.
/// </summary>
public sealed class SubmitReport(
    IDbContextFactory<PortalDbContext> dbFactory,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    ILogger<SubmitReport> logger)
{
    public async Task<Result<SavedReport>> SubmitAsync(CurrentUser user, int id, int expectedVersion, ReportDraft draft, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (report, refusal) = await ReportDrafting.OpenAsync(db, user, id, expectedVersion, draft, localizer, ct);
        if (report is null)
        {
            return refusal!;
        }

        var errors = ReportDrafting.ValidateNumbers(draft, localizer).Concat(await ValidateForSubmissionAsync(db, report, ct)).ToList();
        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }

        var now = clock.GetCurrentInstant();
        var before = report.Status;
        report.Status = ReportStatus.Submitted;
        report.SubmittedAt = now;
        report.SubmissionCount++;
        var audit = AuditEvent.Record(
            now,
            user.AsActor(),
            "report.submitted",
            nameof(ProjectReport),
            ReportRules.EntityId(id),
            JsonSerializer.Serialize(new { Status = before.ToString() }),
            Snapshot(report));
        var result = await ReportRules.SaveAsync(db, report, audit, localizer, ct);
        if (result.Succeeded)
        {
            logger.LogInformation("Report {ReportId} submitted by {UserId} (submission {Count})", id, user.UserId, report.SubmissionCount);
        }

        return result;
    }

    private async Task<List<FieldError>> ValidateForSubmissionAsync(PortalDbContext db, ProjectReport report, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        foreach (var (value, key) in new[]
                 {
                     (report.ActivitiesCarriedOut, "Reports_Activities"),
                     (report.Outcomes, "Reports_Outcomes"),
                     (report.Lessons, "Reports_Lessons"),
                 })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add(new FieldError(key, localizer["Reports_Required", localizer[key]]));
            }
        }

        // The expected amounts are worked out here from the award, never taken from what the page sent.
        var terms = await db.Awards.AsNoTracking().Where(a => a.Id == report.AwardId)
            .Select(a => new { a.Application!.Call!.ReceiptsRequired, a.Application.Call.BudgetRules })
            .SingleAsync(ct);
        var plan = await BudgetVersions.InForceAsync(db, report.AwardId, ct);
        var baseline = SpendingBaseline.For(report.Kind, plan.StartDate, plan.EndDate, report.DueOn);
        foreach (var line in report.SpendingLines.Where(l => SpendingBaseline.NeedsExplanation(baseline.Expected(l.Budgeted), l.Spent) && string.IsNullOrWhiteSpace(l.VarianceExplanation)))
        {
            errors.Add(new FieldError("Spending", baseline.IsWholeBudget
                ? localizer["Reports_ExplainVariance", line.Item]
                : localizer["Reports_ExplainInterimVariance", line.Item, baseline.Expected(line.Budgeted).ForReader(), ReportRules.Date(baseline.PeriodEnd!.Value)]));
        }

        // Targets come from the application and actuals from what was just saved, never from what the page sent.
        var language = Languages.Current;
        foreach (var indicator in await ReportIndicators.ForAsync(db, report.AwardId, report.IndicatorActuals, baseline, ct))
        {
            if (indicator.NeedsExplanation && string.IsNullOrWhiteSpace(indicator.Explanation))
            {
                errors.Add(new FieldError("Indicators", localizer[
                    "Reports_ExplainShortfall",
                    indicator.Indicator.Name(language),
                    ReportRules.Count(indicator.Actual),
                    ReportRules.Count(indicator.ExpectedActual ?? 0),
                    indicator.Indicator.Unit(language)]));
            }
        }

        // Settlement: each final-report line above the call's amount carries its evidence (증빙), named when it does not.
        if (report.Kind == ReportKind.Final)
        {
            var threshold = terms.BudgetRules.EvidenceThreshold;
            var proven = await db.Attachments.Where(a => a.ProjectReportId == report.Id && a.SpendingLineId != null).Select(a => a.SpendingLineId!.Value).Distinct().ToListAsync(ct);
            foreach (var line in report.SpendingLines.Where(l => SettlementThresholds.NeedsEvidence(l.Spent + l.OwnSpent, threshold) && !proven.Contains(l.Id)))
            {
                errors.Add(new FieldError("Evidence", localizer["Settlement_EvidenceRequired", line.Item, (line.Spent + line.OwnSpent).ForReader(), threshold.ForReader()]));
            }
        }

        if (terms.ReceiptsRequired.AppliesTo(report.Kind) && !await db.Attachments.AnyAsync(a => a.ProjectReportId == report.Id, ct))
        {
            errors.Add(new FieldError("Receipts", localizer["Reports_ReceiptsRequired", localizer["Awards_Report" + report.Kind]]));
        }

        return errors;
    }

    /// <summary>The report as submitted, kept in the audit event: what the officer was given to read.</summary>
    private static string Snapshot(ProjectReport report) => JsonSerializer.Serialize(new
    {
        Status = report.Status.ToString(),
        report.SubmissionCount,
        report.ActivitiesCarriedOut,
        report.Outcomes,
        report.EventsAndPublications,
        report.Lessons,
        Indicators = report.IndicatorActuals.OrderBy(a => a.CallIndicatorId).Select(a => new { a.CallIndicatorId, a.Actual, a.Explanation }),
        Spending = report.SpendingLines.Select(l => new { l.Item, Budgeted = l.Budgeted.Won, Spent = l.Spent.Won, OwnSpent = l.OwnSpent.Won, l.VarianceExplanation }),
        InterestEarned = report.InterestEarned.Won,
    });
}
