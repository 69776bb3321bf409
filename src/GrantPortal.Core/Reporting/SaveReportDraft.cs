namespace GrantPortal.Core.Reporting;

/// <summary>
/// Autosave: keeps whatever the grantee typed, complete or not, while the report is still theirs to edit. The save
/// carries the version the page was built from, so a stale tab is told instead of overwriting a newer one.
/// </summary>
public sealed class SaveReportDraft(IDbContextFactory<PortalDbContext> dbFactory, IStringLocalizer<Strings> localizer)
{
    public async Task<Result<SavedReport>> SaveDraftAsync(CurrentUser user, int id, int expectedVersion, ReportDraft draft, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (report, refusal) = await ReportDrafting.OpenAsync(db, user, id, expectedVersion, draft, localizer, ct);
        if (report is null)
        {
            return refusal!;
        }

        var errors = ReportDrafting.ValidateNumbers(draft, localizer);
        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }

        if (report.Status == ReportStatus.Due)
        {
            report.Status = ReportStatus.Draft;
        }

        return await ReportRules.SaveAsync(db, report, null, localizer, ct);
    }
}
