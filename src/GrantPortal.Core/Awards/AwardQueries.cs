namespace GrantPortal.Core.Awards;

/// <summary>
/// The awarding desk as program officers read it: closed calls with what they have committed, and a call's
/// applications with their panel decisions and awards. Anyone else gets nothing, as for calls that do not exist.
/// </summary>
public sealed class AwardQueries(IDbContextFactory<PortalDbContext> dbFactory, IClock clock)
{
    /// <summary>Calls that are closed for submissions, newest first, with what they have committed.</summary>
    public async Task<IReadOnlyList<AwardingCallSummary>> ListCallsAsync(CurrentUser user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!AwardRules.IsOfficer(user))
        {
            return [];
        }

        var now = clock.GetCurrentInstant();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var calls = await db.Calls.AsNoTracking()
            .Where(c => c.ClosesAt < now)
            .Select(c => new
            {
                c.Id,
                c.BudgetYear!.Year,
                c.Code,
                c.TitleKorean,
                c.TitleEnglish,
                c.Envelope,
                c.FinalizedAt,
                c.ClosesAt,
                Applications = db.Applications.FullProposals().Count(a => a.CallId == c.Id && a.Status != ApplicationStatus.Draft && a.Status != ApplicationStatus.Withdrawn),
                Decided = db.Applications.Count(a => a.CallId == c.Id && a.PanelDecision != null),
                Awards = db.Awards.Count(a => a.CallId == c.Id && a.Status != AwardStatus.Cancelled),
                Committed = db.Awards.Where(a => a.CallId == c.Id && a.Status != AwardStatus.Cancelled).Sum(a => (long)a.Amount),
            })
            .ToListAsync(ct);
        return calls.OrderByDescending(c => c.ClosesAt.ToUnixTimeTicks())
            .Select(c => new AwardingCallSummary(c.Id, c.Year, c.Code, c.TitleKorean, c.TitleEnglish, c.Envelope, new Krw(c.Committed), c.Applications, c.Decided, c.Awards, c.FinalizedAt))
            .ToList();
    }

    /// <summary>A call's applications with their panel decisions and awards; null for non-officers or an unknown call.</summary>
    public async Task<AwardingCall?> GetCallAsync(CurrentUser user, int callId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!AwardRules.IsOfficer(user))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var call = await db.Calls.AsNoTracking().Include(c => c.BudgetYear).SingleOrDefaultAsync(c => c.Id == callId, ct);
        if (call is null)
        {
            return null;
        }

        var rows = await db.Applications.AsNoTracking().FullProposals()
            .Where(a => a.CallId == callId && a.Status != ApplicationStatus.Draft && a.Status != ApplicationStatus.Withdrawn)
            .Select(a => new
            {
                a.Id,
                a.ReceiptNumber,
                a.ProjectTitle,
                a.Organization!.NameKorean,
                a.Organization.Name,
                a.Status,
                a.PanelDecision,
                a.PanelNote,
                a.StartDate,
                a.EndDate,
                Requested = a.BudgetLines.Where(l => !l.IsOwnContribution).Sum(l => (long)l.Amount),
            })
            .ToListAsync(ct);
        var awards = await db.Awards.AsNoTracking().Where(a => a.CallId == callId)
            .Select(a => new { a.Id, a.ApplicationId, a.Amount, a.Status })
            .ToListAsync(ct);
        var byApplication = awards.ToDictionary(a => a.ApplicationId);
        var candidates = rows
            .Select(r =>
            {
                var award = byApplication.GetValueOrDefault(r.Id);
                return new AwardCandidate(
                    r.Id, r.ReceiptNumber, r.ProjectTitle, new OrganizationName(r.NameKorean, r.Name), r.Status, r.PanelDecision, r.PanelNote, new Krw(r.Requested),
                    award?.Id, award?.Amount, award?.Status, r.StartDate, r.EndDate);
            })
            .OrderBy(c => c.PanelDecision switch { PanelDecision.Fund => 0, PanelDecision.Reserve => 1, null => 2, _ => 3 })
            .ThenBy(c => c.ReceiptNumber, StringComparer.Ordinal)
            .ToList();
        var committed = Krw.Sum(awards.Where(a => a.Status != AwardStatus.Cancelled).Select(a => a.Amount));
        return new AwardingCall(call.Id, call.BudgetYear!.Year, call.Code, call.TitleKorean, call.TitleEnglish, call.Envelope, committed, call.FinalizedAt, candidates);
    }
}
