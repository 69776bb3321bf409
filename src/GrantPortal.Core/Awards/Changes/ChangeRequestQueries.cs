namespace GrantPortal.Core.Awards;

/// <summary>A change request as the award page lists it.</summary>
public sealed record ChangeRequestView(
    int Id,
    ChangeKind Kind,
    ChangeStatus Status,
    string Description,
    string Reason,
    string RequestedByName,
    Instant RequestedAt,
    Instant? DecidedAt,
    string? DecisionReason,
    int? ResultingVersion);

/// <summary>The changes side of an award page: the plan in force, every version, the requests, and what the reader may do.</summary>
public sealed record AwardChanges(
    int AwardId,
    ProjectPlan InForce,
    IReadOnlyList<ProjectPlan> History,
    IReadOnlyList<ChangeRequestView> Requests,
    decimal NoticePercent,
    bool CanRequest,
    bool CanDecide);

/// <summary>A request waiting for an officer, on the officers' worklist.</summary>
public sealed record WaitingChange(int Id, int AwardId, string ProjectTitle, OrganizationName Organization, ChangeKind Kind, Krw Amount, Instant RequestedAt);

/// <summary>
/// Reading change requests and budget versions, for the readers of the award: officers and finance see every award's,
/// an applicant only its own organization's; anyone else is told the award does not exist.
/// </summary>
public sealed class ChangeRequestQueries(IDbContextFactory<PortalDbContext> dbFactory, ChangeRules rules)
{
    public async Task<AwardChanges?> ForAwardAsync(CurrentUser user, int awardId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await AwardRecord.LoadAsync(db, user, awardId, ct) is { } record ? Changes(record, user, rules) : null;
    }

    /// <summary>The changes side from the award read once for its page, by a reader <see cref="AwardRecord.LoadAsync"/> let read it.</summary>
    internal static AwardChanges Changes(AwardRecord record, CurrentUser user, ChangeRules rules)
    {
        var award = record.Award;
        var history = BudgetVersions.History(record.Versions, award);
        var inForce = BudgetVersions.InForce(record.Versions, award);
        var views = record.Requests.Select(r =>
        {
            // Lines keep their names across versions, so the first version names them for every request.
            var plan = history[0];
            return new ChangeRequestView(r.Id, r.Kind, r.Status, rules.Describe(r, plan), r.Reason, r.RequestedByName, r.RequestedAt, r.DecidedAt, r.DecisionReason, r.ResultingVersion);
        }).ToList();
        var isOwner = user.IsIn(Roles.Applicant) && user.OrganizationId == award.OrganizationId;
        return new AwardChanges(award.Id, inForce, history, views, record.Call.BudgetRules.ChangeNoticePercent,
            CanRequest: isOwner && award.Status == AwardStatus.Active,
            CanDecide: AwardRules.IsOfficer(user) && award.Status == AwardStatus.Active);
    }

    /// <summary>Requests waiting for an officer, oldest first; empty for anyone but an officer.</summary>
    public async Task<IReadOnlyList<WaitingChange>> WaitingAsync(CurrentUser user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!AwardRules.IsOfficer(user))
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await (
                from r in db.ChangeRequests.AsNoTracking()
                join a in db.Awards.AsNoTracking() on r.AwardId equals a.Id
                where r.Status == ChangeStatus.Pending
                orderby r.RequestedAt, r.Id
                select new WaitingChange(r.Id, a.Id, a.Application!.ProjectTitle,
                    new OrganizationName(a.Application.Organization!.NameKorean, a.Application.Organization.Name), r.Kind, r.Amount, r.RequestedAt))
            .ToListAsync(ct);
    }
}
