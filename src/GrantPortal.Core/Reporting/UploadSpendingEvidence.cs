namespace GrantPortal.Core.Reporting;

/// <summary>
/// The grantee attaches the evidence (증빙: tax invoice, card slip or transfer confirmation) of one spending line of a
/// final report it can still edit. The file goes through the attachment store's rules and counts with the report's
/// receipts; a line above the call's amount cannot be submitted without one (<see cref="SubmitReport"/>).
/// </summary>
public sealed class UploadSpendingEvidence(IDbContextFactory<PortalDbContext> dbFactory, AttachmentStore store, IStringLocalizer<Strings> localizer)
{
    public async Task<Result<AttachmentView>> UploadAsync(
        CurrentUser user, int reportId, int spendingLineId, EvidenceKind kind, string fileName, Stream content, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsIn(Roles.Applicant) || !Enum.IsDefined(kind))
        {
            return Result.NotFound();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var report = await ReportRules.VisibleTo(db, user).AsNoTracking().SingleOrDefaultAsync(r => r.Id == reportId, ct);
        if (report is null || !await db.Set<SpendingLine>().AnyAsync(l => l.Id == spendingLineId && l.ProjectReportId == reportId, ct))
        {
            return Result.NotFound();
        }

        if (!ReportRules.IsEditable(report.Status))
        {
            return Result.Refused(localizer["Reports_NotEditable"]);
        }

        return await store.UploadEvidenceAsync(user, reportId, spendingLineId, kind, fileName, content, ct);
    }
}
