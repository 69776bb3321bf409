namespace GrantPortal.Core.Organizations;

/// <summary>An organization ticked on the list, with the version the officer saw there.</summary>
public sealed record SeenOrganization(int Id, int Version);

/// <summary>
/// The program office verifies, or rejects with one reason, several registrations at once. Each organization goes
/// through <see cref="VerifyOrganization"/> as if decided alone (its audit event, its members' mail); one already in the
/// asked state is skipped, so running the same batch twice changes nothing the second time; one that changed since the
/// officer's list showed it (another officer decided it, or it corrected its details) is skipped too, so a stale list
/// never overturns a decision the officer did not see.
/// </summary>
public sealed class VerifyOrganizations(
    IDbContextFactory<PortalDbContext> dbFactory,
    VerifyOrganization verification,
    IStringLocalizer<Strings> localizer)
{
    public Task<Result<BatchSummary>> VerifyAsync(CurrentUser user, IReadOnlyCollection<SeenOrganization> organizations, CancellationToken ct) =>
        DecideAsync(user, organizations, VerificationState.Verified, id => verification.VerifyAsync(user, id, ct), ct);

    public async Task<Result<BatchSummary>> RejectAsync(CurrentUser user, IReadOnlyCollection<SeenOrganization> organizations, string reason, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(reason)
            ? Result.Invalid("Reason", localizer["Organizations_ReasonRequired"])
            : await DecideAsync(user, organizations, VerificationState.Rejected, id => verification.RejectAsync(user, id, reason, ct), ct);

    private async Task<Result<BatchSummary>> DecideAsync(
        CurrentUser user,
        IReadOnlyCollection<SeenOrganization> organizations,
        VerificationState wanted,
        Func<int, Task<Result>> decide,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsIn(Roles.ProgramOfficer))
        {
            return Result.NotFound();
        }

        ArgumentNullException.ThrowIfNull(organizations);
        if (Batch.Check(organizations.Select(o => o.Id), localizer) is { } invalid)
        {
            return invalid;
        }

        var seen = new Dictionary<int, int>();
        foreach (var organization in organizations)
        {
            seen.TryAdd(organization.Id, organization.Version);
        }

        var alreadyThere = localizer[wanted == VerificationState.Verified ? "Organizations_BatchAlreadyVerified" : "Organizations_BatchAlreadyRejected"].Value;
        var changed = localizer["Organizations_BatchChangedMeanwhile"].Value;
        return Result.Done(await Batch.EachAsync(seen.Keys, async id =>
        {
            // Read each just before deciding it: one already decided this way, or changed since the list showed it, is skipped.
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var organization = await db.Organizations.AsNoTracking()
                .Where(o => o.Id == id)
                .Select(o => new { o.Name, o.NameKorean, o.Verification, o.Version })
                .SingleOrDefaultAsync(ct);
            if (organization is null)
            {
                return Batch.Fail(id, Batch.Unknown(id), localizer["Organizations_NotFound"]);
            }

            var label = new OrganizationName(organization.NameKorean, organization.Name).ToString();
            return organization.Verification == wanted ? Batch.Skip(id, label, alreadyThere)
                : organization.Version != seen[id] ? Batch.Skip(id, label, changed)
                : Batch.Of(id, label, await decide(id), localizer["Organizations_NotFound"]);
        }));
    }
}
