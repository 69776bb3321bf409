namespace GrantPortal.Core.Organizations;

/// <summary>
/// The program office verifies, or rejects with one reason, several registrations at once. Each organization goes
/// through <see cref="VerifyOrganization"/> as if decided alone (its audit event, its members' mail); one already in the
/// asked state is skipped, so running the same batch twice changes nothing the second time.
/// </summary>
public sealed class VerifyOrganizations(
    IDbContextFactory<PortalDbContext> dbFactory,
    VerifyOrganization verification,
    IStringLocalizer<Strings> localizer)
{
    public Task<Result<BatchSummary>> VerifyAsync(CurrentUser user, IReadOnlyCollection<int> organizationIds, CancellationToken ct) =>
        DecideAsync(user, organizationIds, VerificationState.Verified, id => verification.VerifyAsync(user, id, ct), ct);

    public async Task<Result<BatchSummary>> RejectAsync(CurrentUser user, IReadOnlyCollection<int> organizationIds, string reason, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(reason)
            ? Result.Invalid("Reason", localizer["Organizations_ReasonRequired"])
            : await DecideAsync(user, organizationIds, VerificationState.Rejected, id => verification.RejectAsync(user, id, reason, ct), ct);

    private async Task<Result<BatchSummary>> DecideAsync(
        CurrentUser user,
        IReadOnlyCollection<int> organizationIds,
        VerificationState wanted,
        Func<int, Task<Result>> decide,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsIn(Roles.ProgramOfficer))
        {
            return Result.NotFound();
        }

        if (Batch.Check(organizationIds, localizer) is { } invalid)
        {
            return invalid;
        }

        var alreadyThere = localizer[wanted == VerificationState.Verified ? "Organizations_BatchAlreadyVerified" : "Organizations_BatchAlreadyRejected"].Value;
        return Result.Done(await Batch.EachAsync(organizationIds, async id =>
        {
            // Read each just before deciding it: an organization another officer decided meanwhile is skipped, not decided twice.
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var organization = await db.Organizations.AsNoTracking()
                .Where(o => o.Id == id)
                .Select(o => new { o.Name, o.NameKorean, o.Verification })
                .SingleOrDefaultAsync(ct);
            if (organization is null)
            {
                return Batch.Fail(id, Batch.Unknown(id), localizer["Organizations_NotFound"]);
            }

            var label = new OrganizationName(organization.NameKorean, organization.Name).ToString();
            return organization.Verification == wanted
                ? Batch.Skip(id, label, alreadyThere)
                : Batch.Of(id, label, await decide(id), localizer["Organizations_NotFound"]);
        }));
    }
}
