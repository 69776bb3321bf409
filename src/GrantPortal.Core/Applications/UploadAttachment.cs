namespace GrantPortal.Core.Applications;

/// <summary>An applicant attaches a file to their organization's draft, through the one upload pipeline.</summary>
public sealed class UploadAttachment(IDbContextFactory<PortalDbContext> dbFactory, IStringLocalizer<Strings> localizer, UploadPipeline uploads)
{
    public async Task<Result<AttachmentView>> UploadAsync(CurrentUser user, int applicationId, string fileName, Stream content, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (await db.FindOwnedAsync(user, applicationId, ct) is not { } application)
            {
                return Result.NotFound();
            }

            // A submitted application takes files only while a request for more information reopens its attachments.
            if (application.Status != ApplicationStatus.Draft && !await InformationRequestRules.ReopensFilesAsync(db, applicationId, null, ct))
            {
                return Result.Refused(localizer["Application_NotEditable"]);
            }
        }

        // The pipeline checks the draft again under its row lock: a submission may land while the file streams in.
        return await uploads.StoreAsync(user, UploadOwner.ForApplication(applicationId), fileName, content, ct);
    }
}
