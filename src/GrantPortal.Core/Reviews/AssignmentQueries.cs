namespace GrantPortal.Core.Reviews;

/// <summary>
/// The program officer's view of who reviews what: the calls in review, a call's assignment board, and the dry run
/// of automatic assignment. Empty (or null) for anyone else.
/// </summary>
public sealed class AssignmentQueries(IDbContextFactory<PortalDbContext> dbFactory)
{
    /// <summary>The calls with applications submitted or in review, the officer's way into assignment and ranking; empty for others.</summary>
    public async Task<IReadOnlyList<CallInReview>> ListCallsInReviewAsync(CurrentUser user, CancellationToken ct = default)
    {
        if (!ReviewRules.IsOfficer(user))
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Applications.AsNoTracking().FullProposals()
            .Where(a => a.Status == ApplicationStatus.Submitted || a.Status == ApplicationStatus.UnderReview)
            .GroupBy(a => new { a.CallId, a.Call!.Code, a.Call.TitleKorean, a.Call.TitleEnglish })
            .Select(g => new CallInReview(g.Key.CallId, g.Key.Code, g.Key.TitleKorean, g.Key.TitleEnglish, g.Count()))
            .ToListAsync(ct);
        return rows.OrderBy(r => r.Code, StringComparer.Ordinal).ToList();
    }

    public async Task<AssignmentBoard?> GetBoardAsync(CurrentUser user, int callId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var call = ReviewRules.IsOfficer(user) ? await db.Calls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == callId, ct) : null;
        if (call is null)
        {
            return null;
        }

        var applications = await ReviewRules.Assignable(db, callId)
            .Select(a => new { a.Id, a.ReceiptNumber, a.ProjectTitle, a.Organization!.NameKorean, a.Organization.Name, a.Category })
            .ToListAsync(ct);
        var ids = applications.Select(a => a.Id).ToList();
        var assignments = await db.ReviewAssignments.AsNoTracking().Where(a => ids.Contains(a.ApplicationId))
            .Select(a => new { a.Id, a.ApplicationId, a.ReviewerId, a.NoConflictDeclaredAt, Status = a.Review == null ? (ReviewStatus?)null : a.Review.Status })
            .ToListAsync(ct);
        var reviewers = await ConflictFacts.ReviewersAsync(db, null, ct);
        var recorded = await db.Conflicts.AsNoTracking().Where(c => ids.Contains(c.ApplicationId)).ToListAsync(ct);
        var conflicts = new ConflictIndex(await ConflictFacts.ApplicantsAsync(db, ids, ct), reviewers, recorded);
        var inForce = recorded.Where(c => c.IsActive).ToLookup(c => (c.ApplicationId, c.ReviewerId));
        var names = await ReviewRules.ReviewerNamesAsync(db, reviewers.Select(r => r.ReviewerId).Concat(assignments.Select(a => a.ReviewerId)).Distinct().ToList(), ct);
        var expertise = await db.ReviewerProfiles.AsNoTracking().ToDictionaryAsync(p => p.UserId, p => p.Expertise, ct);
        var byApplication = assignments.ToLookup(a => a.ApplicationId);
        var loads = assignments.GroupBy(a => a.ReviewerId).ToDictionary(g => g.Key, g => g.Count());
        string NameOf(string reviewerId) => names.GetValueOrDefault(reviewerId, reviewerId);

        var rows = applications.OrderBy(a => a.ReceiptNumber, StringComparer.Ordinal).Select(a => new BoardApplication(
            a.Id,
            a.ReceiptNumber,
            a.ProjectTitle,
            new OrganizationName(a.NameKorean, a.Name),
            a.Category,
            byApplication[a.Id].Select(x => new BoardAssignment(x.Id, x.ReviewerId, NameOf(x.ReviewerId), ReviewRules.StatusOf(x.NoConflictDeclaredAt, x.Status)))
                .OrderBy(x => x.ReviewerName, StringComparer.Ordinal).ToList(),
            reviewers.SelectMany(r => conflicts.Sources(a.Id, r.ReviewerId).Select(s =>
            {
                var row = inForce[(a.Id, r.ReviewerId)].FirstOrDefault(c => c.Source == s);
                return new BoardConflict(r.ReviewerId, NameOf(r.ReviewerId), s, row?.IsPinned == true, row?.Reason);
            })).ToList())).ToList();
        var pool = reviewers.Select(r => new BoardReviewer(r.ReviewerId, NameOf(r.ReviewerId), expertise.GetValueOrDefault(r.ReviewerId), loads.GetValueOrDefault(r.ReviewerId)))
            .OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
        return new AssignmentBoard(call.Id, call.Code, call.TitleKorean, call.TitleEnglish, call.ReviewersPerApplication, call.ReviewDueOn, rows, pool);
    }

    /// <summary>The dry run: nothing is saved.</summary>
    public async Task<AssignmentPreview?> PreviewAsync(CurrentUser user, int callId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var call = ReviewRules.IsOfficer(user) ? await db.Calls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == callId, ct) : null;
        if (call is null)
        {
            return null;
        }

        var plan = await ReviewRules.PlanAsync(db, call, ct);
        var names = await ReviewRules.ReviewerNamesAsync(db, plan.Loads.Select(l => l.ReviewerId).ToList(), ct);
        var titles = await ReviewRules.Assignable(db, callId).ToDictionaryAsync(a => a.Id, a => a.ProjectTitle, ct);
        return new AssignmentPreview(plan, names, titles);
    }
}
