namespace GrantPortal.Core.Awards;

/// <summary>
/// The grantee uploads the bank-book copy (통장사본) of the account waiting for the officer. The file goes through the
/// attachment store's rules (type from content, size while streaming).
/// </summary>
public sealed class UploadBankBook(IDbContextFactory<PortalDbContext> dbFactory, AttachmentStore store, IStringLocalizer<Strings> localizer)
{
    public async Task<Result<AttachmentView>> UploadAsync(CurrentUser user, int awardId, string fileName, Stream content, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var award = await AgreementRules.ReadAsync(db, awardId, ct);
        if (award is null || !AgreementRules.IsGrantee(user, award))
        {
            return Result.NotFound();
        }

        var agreement = await db.GrantAgreements.AsNoTracking().SingleOrDefaultAsync(a => a.AwardId == awardId, ct);
        if (agreement is { Status: AgreementStatus.Submitted })
        {
            return Result.Refused(localizer["Agreement_NotEditable", localizer["Agreement_Status" + agreement.Status]]);
        }

        if (await AgreementRules.PendingAccountAsync(db, awardId, ct) is not { } account)
        {
            return Result.Refused(localizer["Agreement_RegisterAccountFirst"]);
        }

        return await store.UploadBankBookAsync(user, account.Id, fileName, content, ct);
    }
}
