namespace GrantPortal.Core.Reviews;

/// <summary>What the review use cases share: who may act, reviewers' names, the applications in review and the reviewer's own assignment.</summary>
internal static class ReviewRules
{
    public static bool IsOfficer(CurrentUser? user) => user is not null && user.IsIn(Roles.ProgramOfficer);

    /// <summary>
    /// Why an officer's step that must give a reason (pinning or lifting a conflict, reopening a review) cannot go on:
    /// the asker is no officer, or gave no reason. Null when it can.
    /// </summary>
    public static Result? RefuseOfficerStep(CurrentUser? user, string? reason, IStringLocalizer<Strings> localizer) =>
        !IsOfficer(user) ? Result.NotFound()
        : string.IsNullOrWhiteSpace(reason) ? Result.Refused(localizer["Conflicts_ReasonRequired"])
        : null;

    /// <summary>Reviewers' display names, for officers' screens.</summary>
    public static async Task<Dictionary<string, string>> ReviewerNamesAsync(PortalDbContext db, IReadOnlyCollection<string> ids, CancellationToken ct) =>
        (await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(ct))
            .ToDictionary(u => u.Id, u => string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email ?? u.Id : u.DisplayName, StringComparer.Ordinal);

    public static ReviewTaskStatus StatusOf(Instant? noConflictDeclaredAt, ReviewStatus? review) => (noConflictDeclaredAt, review) switch
    {
        (null, _) => ReviewTaskStatus.DeclarationNeeded,
        (_, ReviewStatus.Submitted) => ReviewTaskStatus.Submitted,
        (_, ReviewStatus.Draft) => ReviewTaskStatus.Draft,
        _ => ReviewTaskStatus.NotStarted,
    };

    /// <summary>A call's applications that reviewers can be assigned to: submitted, or already in review.</summary>
    public static IQueryable<Application> Assignable(PortalDbContext db, int callId) =>
        db.Applications.AsNoTracking().FullProposals().Where(a => a.CallId == callId && (a.Status == ApplicationStatus.Submitted || a.Status == ApplicationStatus.UnderReview));

    /// <summary>What automatic assignment would add to a call now, without conflicts, spreading the load and matching expertise.</summary>
    public static async Task<AssignmentPlan> PlanAsync(PortalDbContext db, Call call, CancellationToken ct)
    {
        var applications = await Assignable(db, call.Id).Select(a => new { a.Id, a.Category }).ToListAsync(ct);
        var ids = applications.Select(a => a.Id).ToList();
        var existing = await db.ReviewAssignments.AsNoTracking().Where(a => a.Application!.CallId == call.Id)
            .Select(a => new { a.ApplicationId, a.ReviewerId }).ToListAsync(ct);
        var reviewers = await ConflictFacts.ReviewersAsync(db, null, ct);
        var conflicts = new ConflictIndex(await ConflictFacts.ApplicantsAsync(db, ids, ct), reviewers, await db.Conflicts.AsNoTracking().Where(c => ids.Contains(c.ApplicationId)).ToListAsync(ct));
        var expertise = await db.ReviewerProfiles.AsNoTracking().ToDictionaryAsync(p => p.UserId, p => p.Expertise, ct);
        var byApplication = existing.ToLookup(a => a.ApplicationId, a => a.ReviewerId);
        var loads = existing.GroupBy(a => a.ReviewerId).ToDictionary(g => g.Key, g => g.Count());
        return AssignmentPlanner.Plan(
            applications.OrderBy(a => a.Id).Select(a => new PlannerApplication(a.Id, a.Category, byApplication[a.Id].ToList())).ToList(),
            reviewers.Select(r => new PlannerReviewer(r.ReviewerId, expertise.GetValueOrDefault(r.ReviewerId), loads.GetValueOrDefault(r.ReviewerId))).ToList(),
            call.ReviewersPerApplication,
            conflicts.IsConflicted);
    }

    /// <summary>The caller's own assignment on an application under review, and only while no conflict is in force.</summary>
    public static async Task<ReviewAssignment?> OwnAssignmentAsync(PortalDbContext db, CurrentUser user, int assignmentId, bool tracking, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsIn(Roles.Reviewer))
        {
            return null;
        }

        var query = db.ReviewAssignments
            .Include(a => a.Application!).ThenInclude(a => a.Call!).ThenInclude(c => c.Criteria)
            .Include(a => a.Application!).ThenInclude(a => a.Organization)
            .Include(a => a.Application!).ThenInclude(a => a.BudgetLines)
            .Include(a => a.Review!).ThenInclude(r => r.Scores)
            .AsSplitQuery();
        var assignment = await (tracking ? query : query.AsNoTracking())
            .SingleOrDefaultAsync(a => a.Id == assignmentId && a.ReviewerId == user.UserId && a.Application!.Status == ApplicationStatus.UnderReview, ct);
        if (assignment is null)
        {
            return null;
        }

        var conflicts = await ConflictFacts.LoadAsync(db, [assignment.ApplicationId], [user.UserId], ct);
        return conflicts.IsConflicted(assignment.ApplicationId, user.UserId) ? null : assignment;
    }
}
