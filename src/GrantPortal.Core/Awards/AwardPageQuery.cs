namespace GrantPortal.Core.Awards;

/// <summary>Everything the award page shows: the award and each of its sections.</summary>
public sealed record AwardPageView(AwardDetails Award, AgreementView Agreement, AwardChanges Changes, SettlementView Settlement);

/// <summary>
/// The award page in one read (<see cref="AwardRecord"/>): the same few SQL commands whatever the number of awards,
/// payments and reports, instead of each section reading the award again. The readers are those of
/// <see cref="AwardDetailsQuery.GetAsync"/>: officers and finance every award, an applicant only their own
/// organization's; anyone else gets null, as for an award that does not exist.
/// </summary>
public sealed class AwardPageQuery(IDbContextFactory<PortalDbContext> dbFactory, ChangeRules rules)
{
    public async Task<AwardPageView?> GetAsync(CurrentUser user, int awardId, string language, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await AwardRecord.LoadAsync(db, user, awardId, ct) is not { } record)
        {
            return null;
        }

        return new AwardPageView(
            AwardDetailsQuery.Details(record),
            AgreementQueries.View(record, user, language),
            ChangeRequestQueries.Changes(record, user, rules),
            SettlementQueries.View(record, user));
    }
}
