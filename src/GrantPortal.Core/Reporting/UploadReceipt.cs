namespace GrantPortal.Core.Reporting;

/// <summary>
/// Attaches a receipt to a report the grantee can still edit. The file itself goes through the attachment store,
/// under the same rules as an application's attachments.
/// </summary>
public sealed class UploadReceipt(IDbContextFactory<PortalDbContext> dbFactory, AttachmentStore store, IStringLocalizer<Strings> localizer)
{
    public async Task<Result<AttachmentView>> UploadReceiptAsync(CurrentUser user, int id, string fileName, Stream content, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var report = await ReportRules.VisibleTo(db, user).AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (report is null || !user.IsIn(Roles.Applicant))
        {
            return Result.NotFound();
        }

        if (!ReportRules.IsEditable(report.Status))
        {
            return Result.Refused(localizer["Reports_NotEditable"]);
        }

        return await store.UploadReceiptAsync(user, id, fileName, content, ct);
    }
}
