using GrantPortal.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using GrantPortal.Core.Localization;

namespace GrantPortal.Core.Applications;

/// <summary>An applicant attaches a file to their organization's draft, through the one upload pipeline.</summary>
public sealed class UploadAttachment(IDbContextFactory<PortalDbContext> dbFactory, IStringLocalizer<Strings> localizer, UploadPipeline uploads)
{
    public async Task<Result<AttachmentView>> UploadAsync(CurrentUser user, int applicationId, string fileName, Stream content, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var application = await db.Applications.AsNoTracking().VisibleTo(user)
                .Where(a => a.Id == applicationId)
                .Select(a => new { a.OrganizationId, a.Status })
                .SingleOrDefaultAsync(ct);
            if (application is null || !ApplicationAccess.IsOwner(user, application.OrganizationId))
            {
                return Result.NotFound();
            }

            if (application.Status != ApplicationStatus.Draft)
            {
                return Result.Refused(localizer["Application_NotEditable"]);
            }
        }

        return await uploads.StoreAsync(user, UploadOwner.ForApplication(applicationId), fileName, content, ct);
    }
}
