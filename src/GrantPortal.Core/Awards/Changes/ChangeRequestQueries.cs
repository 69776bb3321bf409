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
        var staff = AwardRules.IsOfficerOrFinance(user);
        var owner = user.IsIn(Roles.Applicant) && user.OrganizationId is not null;
        if (!staff && !owner)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var award = await db.Awards.AsNoTracking()
            .Where(a => a.Id == awardId && (staff || a.OrganizationId == user.OrganizationId))
            .Select(a => new { a.Status, a.OrganizationId, a.Application!.Call!.BudgetRules })
            .SingleOrDefaultAsync(ct);
        if (award is null)
        {
            return null;
        }

        var history = await BudgetVersions.HistoryAsync(db, awardId, ct);
        var inForce = await BudgetVersions.InForceAsync(db, awardId, ct);
        var requests = await db.ChangeRequests.AsNoTracking().Where(r => r.AwardId == awardId).OrderByDescending(r => r.RequestedAt).ThenByDescending(r => r.Id).ToListAsync(ct);
        var views = requests.Select(r =>
        {
            // Lines keep their names across versions, so the first version names them for every request.
            var plan = history[0];
            return new ChangeRequestView(r.Id, r.Kind, r.Status, rules.Describe(r, plan), r.Reason, r.RequestedByName, r.RequestedAt, r.DecidedAt, r.DecisionReason, r.ResultingVersion);
        }).ToList();
        var isOwner = user.IsIn(Roles.Applicant) && user.OrganizationId == award.OrganizationId;
        return new AwardChanges(awardId, inForce, history, views, award.BudgetRules.ChangeNoticePercent,
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
