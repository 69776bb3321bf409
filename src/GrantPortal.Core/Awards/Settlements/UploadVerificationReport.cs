namespace GrantPortal.Core.Awards;

/// <summary>
/// The officer attaches the external verifier's report (검증 보고서) to an award whose settlement needs one (an award of
/// the call's verification amount or more). The file goes through the attachment store's rules.
/// </summary>
public sealed class UploadVerificationReport(IDbContextFactory<PortalDbContext> dbFactory, AttachmentStore store, IStringLocalizer<Strings> localizer)
{
    public async Task<Result<AttachmentView>> UploadAsync(CurrentUser user, int awardId, string fileName, Stream content, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!SettlementRules.IsOfficer(user))
        {
            return Result.NotFound();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var status = await db.Awards.Where(a => a.Id == awardId).Select(a => (AwardStatus?)a.Status).SingleOrDefaultAsync(ct);
        if (status is null)
        {
            return Result.NotFound();
        }

        if (status != AwardStatus.Active)
        {
            return Result.Refused(localizer["Settlement_AwardClosed"]);
        }

        return await store.UploadVerificationAsync(user, awardId, fileName, content, ct);
    }
}
