using System.Globalization;
using System.Text.Json;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Applications;
using GrantPortal.Core.Auditing;
using GrantPortal.Core.Calls;
using GrantPortal.Core.Data;
using GrantPortal.Core.Localization;
using GrantPortal.Core.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace GrantPortal.Core.Reviews;

public sealed record BoardAssignment(int Id, string ReviewerId, string ReviewerName, ReviewTaskStatus Status);

public sealed record BoardConflict(string ReviewerId, string ReviewerName, ConflictSource Source, bool IsPinned, string? Reason);

public sealed record BoardApplication(
    int Id,
    string? ReceiptNumber,
    string ProjectTitle,
    OrganizationName OrganizationName,
    ProjectCategories Category,
    IReadOnlyList<BoardAssignment> Assignments,
    IReadOnlyList<BoardConflict> Conflicts);

public sealed record BoardReviewer(string Id, string Name, ProjectCategories Expertise, int Load);

/// <summary>A call's applications under review with their reviewers and conflicts, and the reviewer pool.</summary>
public sealed record AssignmentBoard(
    int CallId,
    string CallCode,
    string TitleKorean,
    string TitleEnglish,
    int ReviewersPerApplication,
    LocalDate DueOn,
    IReadOnlyList<BoardApplication> Applications,
    IReadOnlyList<BoardReviewer> Reviewers)
{
    public string Title(string language) => language == "en" ? TitleEnglish : TitleKorean;

    public string ReviewerName(string id) => Reviewers.FirstOrDefault(r => r.Id == id)?.Name ?? id;
}

/// <summary>A dry run: what automatic assignment would add, the loads it would leave, and what it cannot cover.</summary>
public sealed record AssignmentPreview(AssignmentPlan Plan, IReadOnlyDictionary<string, string> ReviewerNames, IReadOnlyDictionary<int, string> ApplicationTitles);

public sealed record AssignmentChange(bool Succeeded, string? Error, int Added = 0)
{
    /// <summary>Set when nothing changed because the officer must first confirm what this says (a reviewer beyond the call's number).</summary>
    public string? Warning { get; init; }

    public bool NeedsConfirmation => Warning is not null;

    public static AssignmentChange Done(int added = 0) => new(true, null, added);
}

/// <summary>A call with applications submitted or in review, and how many.</summary>
public sealed record CallInReview(int Id, string Code, string TitleKorean, string TitleEnglish, int Count)
{
    public string Title(string language) => language == "en" ? TitleEnglish : TitleKorean;
}

/// <summary>
/// The program officer's side: who reviews what. Automatic assignment (with a dry run), manual changes, and
/// conflicts pinned or lifted by the officer. Conflicted reviewers are refused here, whatever the page shows.
/// </summary>
public sealed class AssignmentService(
    IDbContextFactory<PortalDbContext> dbFactory,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    ILogger<AssignmentService> logger)
{
    /// <summary>The calls with applications submitted or in review, the officer's way into assignment and ranking; empty for others.</summary>
    public async Task<IReadOnlyList<CallInReview>> ListCallsInReviewAsync(CurrentUser user, CancellationToken ct = default)
    {
        if (!IsOfficer(user))
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Applications.AsNoTracking()
            .Where(a => a.Status == ApplicationStatus.Submitted || a.Status == ApplicationStatus.UnderReview)
            .GroupBy(a => new { a.CallId, a.Call!.Code, a.Call.TitleKorean, a.Call.TitleEnglish })
            .Select(g => new CallInReview(g.Key.CallId, g.Key.Code, g.Key.TitleKorean, g.Key.TitleEnglish, g.Count()))
            .ToListAsync(ct);
        return rows.OrderBy(r => r.Code, StringComparer.Ordinal).ToList();
    }

    public async Task<AssignmentBoard?> GetBoardAsync(CurrentUser user, int callId, CancellationToken ct = default)
    {
        if (!IsOfficer(user))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var call = await db.Calls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == callId, ct);
        if (call is null)
        {
            return null;
        }

        var applications = await InScope(db, callId)
            .Select(a => new { a.Id, a.ReceiptNumber, a.ProjectTitle, a.Organization!.NameKorean, a.Organization.Name, a.Category })
            .ToListAsync(ct);
        var ids = applications.Select(a => a.Id).ToList();
        var assignments = await db.ReviewAssignments.AsNoTracking().Where(a => ids.Contains(a.ApplicationId))
            .Select(a => new { a.Id, a.ApplicationId, a.ReviewerId, a.NoConflictDeclaredAt, Status = a.Review == null ? (ReviewStatus?)null : a.Review.Status })
            .ToListAsync(ct);
        var reviewers = await ConflictFacts.ReviewersAsync(db, null, ct);
        var conflicts = new ConflictIndex(await ConflictFacts.ApplicantsAsync(db, ids, ct), reviewers, await db.Conflicts.AsNoTracking().Where(c => ids.Contains(c.ApplicationId)).ToListAsync(ct));
        var pinned = (await db.Conflicts.AsNoTracking().Where(c => ids.Contains(c.ApplicationId) && c.LiftedAt == null).ToListAsync(ct))
            .ToLookup(c => (c.ApplicationId, c.ReviewerId));
        var names = await NamesAsync(db, reviewers.Select(r => r.ReviewerId).Concat(assignments.Select(a => a.ReviewerId)).Distinct().ToList(), ct);
        var expertise = await db.ReviewerProfiles.AsNoTracking().ToDictionaryAsync(p => p.UserId, p => p.Expertise, ct);
        var byApplication = assignments.ToLookup(a => a.ApplicationId);
        var loads = assignments.GroupBy(a => a.ReviewerId).ToDictionary(g => g.Key, g => g.Count());

        var rows = applications.OrderBy(a => a.ReceiptNumber, StringComparer.Ordinal).Select(a => new BoardApplication(
            a.Id,
            a.ReceiptNumber,
            a.ProjectTitle,
            new OrganizationName(a.NameKorean, a.Name),
            a.Category,
            byApplication[a.Id].Select(x => new BoardAssignment(x.Id, x.ReviewerId, names.GetValueOrDefault(x.ReviewerId, x.ReviewerId), ReviewService.StatusOf(x.NoConflictDeclaredAt, x.Status)))
                .OrderBy(x => x.ReviewerName, StringComparer.Ordinal).ToList(),
            reviewers.SelectMany(r => conflicts.Sources(a.Id, r.ReviewerId).Select(s =>
            {
                var row = pinned[(a.Id, r.ReviewerId)].FirstOrDefault(c => c.Source == s);
                return new BoardConflict(r.ReviewerId, names.GetValueOrDefault(r.ReviewerId, r.ReviewerId), s, row?.IsPinned == true, row?.Reason);
            })).ToList())).ToList();
        var pool = reviewers.Select(r => new BoardReviewer(r.ReviewerId, names.GetValueOrDefault(r.ReviewerId, r.ReviewerId), expertise.GetValueOrDefault(r.ReviewerId), loads.GetValueOrDefault(r.ReviewerId)))
            .OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
        return new AssignmentBoard(call.Id, call.Code, call.TitleKorean, call.TitleEnglish, call.ReviewersPerApplication, call.ReviewDueOn, rows, pool);
    }

    /// <summary>The dry run: nothing is saved.</summary>
    public async Task<AssignmentPreview?> PreviewAsync(CurrentUser user, int callId, CancellationToken ct = default)
    {
        if (!IsOfficer(user))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var call = await db.Calls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == callId, ct);
        if (call is null)
        {
            return null;
        }

        var plan = await PlanAsync(db, call, ct);
        var names = await NamesAsync(db, plan.Loads.Select(l => l.ReviewerId).ToList(), ct);
        var titles = await InScope(db, callId).ToDictionaryAsync(a => a.Id, a => a.ProjectTitle, ct);
        return new AssignmentPreview(plan, names, titles);
    }

    /// <summary>
    /// Plans again and saves, under the call's row lock so two officers pressing "assign" at once do not both
    /// add reviewers. Submitted applications move to review.
    /// </summary>
    public async Task<AssignmentChange> AssignAutomaticallyAsync(CurrentUser user, int callId, CancellationToken ct = default)
    {
        if (!IsOfficer(user))
        {
            return NotFound();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            var now = clock.GetCurrentInstant();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (await db.Calls.Where(c => c.Id == callId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Version, c => c.Version), ct) == 0)
            {
                return NotFound();
            }

            var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == callId, ct);
            var plan = await PlanAsync(db, call, ct);
            foreach (var planned in plan.Assignments)
            {
                db.ReviewAssignments.Add(new ReviewAssignment
                {
                    ApplicationId = planned.ApplicationId,
                    ReviewerId = planned.ReviewerId,
                    AssignedAt = now,
                    AssignedById = user.UserId,
                    DueOn = call.ReviewDueOn,
                });
            }

            await StartReviewsAsync(db, plan.Assignments.Select(a => a.ApplicationId).Distinct().ToList(), ct);
            db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(), "review.assigned-automatically", nameof(Call), Id(callId),
                after: JsonSerializer.Serialize(plan.Assignments.Select(a => new { a.ApplicationId, a.ReviewerId }))));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            logger.LogInformation("Officer {UserId} assigned {Count} reviews in call {CallId}", user.UserId, plan.Assignments.Count, callId);
            return AssignmentChange.Done(plan.Assignments.Count);
        });
    }

    /// <summary>
    /// Assigns one reviewer by hand. Beyond the number of reviewers the call asks for, nothing is assigned until the
    /// officer confirms: an extra reviewer changes the load and the panel, so it must be meant.
    /// </summary>
    public async Task<AssignmentChange> AddAsync(CurrentUser user, int applicationId, string reviewerId, bool confirmBeyondTarget = false, CancellationToken ct = default)
    {
        if (!IsOfficer(user))
        {
            return NotFound();
        }

        var now = clock.GetCurrentInstant();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var application = await db.Applications.Include(a => a.Call).SingleOrDefaultAsync(a => a.Id == applicationId, ct);
        if (application is null || application.Status is not (ApplicationStatus.Submitted or ApplicationStatus.UnderReview))
        {
            return NotFound();
        }

        var reviewers = await ConflictFacts.ReviewersAsync(db, [reviewerId], ct);
        if (reviewers.Count == 0)
        {
            return new AssignmentChange(false, localizer["Assignment_NotAReviewer"]);
        }

        var conflicts = new ConflictIndex(await ConflictFacts.ApplicantsAsync(db, [applicationId], ct), reviewers, await db.Conflicts.AsNoTracking().Where(c => c.ApplicationId == applicationId).ToListAsync(ct));
        if (conflicts.IsConflicted(applicationId, reviewerId))
        {
            return new AssignmentChange(false, localizer["Assignment_Conflicted"]);
        }

        if (await db.ReviewAssignments.AnyAsync(a => a.ApplicationId == applicationId && a.ReviewerId == reviewerId, ct))
        {
            return new AssignmentChange(false, localizer["Assignment_AlreadyAssigned"]);
        }

        var assigned = await db.ReviewAssignments.CountAsync(a => a.ApplicationId == applicationId, ct);
        var perApplication = application.Call!.ReviewersPerApplication;
        var beyondTarget = assigned >= perApplication;
        if (beyondTarget && !confirmBeyondTarget)
        {
            var name = (await NamesAsync(db, [reviewerId], ct)).GetValueOrDefault(reviewerId, reviewerId);
            return new AssignmentChange(false, null)
            {
                Warning = localizer["Assignment_BeyondTargetConfirm", perApplication, application.ProjectTitle, assigned, name],
            };
        }

        db.ReviewAssignments.Add(new ReviewAssignment
        {
            ApplicationId = applicationId,
            ReviewerId = reviewerId,
            AssignedAt = now,
            AssignedById = user.UserId,
            DueOn = application.Call!.ReviewDueOn,
        });
        if (application.Status == ApplicationStatus.Submitted)
        {
            application.StartReview();
        }

        db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(), "review.assigned", nameof(Application), Id(applicationId),
            after: JsonSerializer.Serialize(new { reviewerId, Reviewers = assigned + 1, ReviewersPerApplication = perApplication, BeyondTarget = beyondTarget })));
        await db.SaveChangesAsync(ct);
        return AssignmentChange.Done(1);
    }

    /// <summary>Takes a reviewer off an application, unless their review is already submitted.</summary>
    public async Task<AssignmentChange> RemoveAsync(CurrentUser user, int assignmentId, CancellationToken ct = default)
    {
        if (!IsOfficer(user))
        {
            return NotFound();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var assignment = await db.ReviewAssignments.Include(a => a.Review).SingleOrDefaultAsync(a => a.Id == assignmentId, ct);
        if (assignment is null)
        {
            return NotFound();
        }

        if (assignment.Review?.Status == ReviewStatus.Submitted)
        {
            return new AssignmentChange(false, localizer["Assignment_HasSubmittedReview"]);
        }

        db.ReviewAssignments.Remove(assignment);
        db.AuditEvents.Add(AuditEvent.Record(clock.GetCurrentInstant(), user.AsActor(), "review.unassigned", nameof(Application), Id(assignment.ApplicationId),
            before: JsonSerializer.Serialize(new { assignment.ReviewerId })));
        await db.SaveChangesAsync(ct);
        return AssignmentChange.Done();
    }

    /// <summary>
    /// The officer records a conflict the rules did not find. It is pinned: the reviewer cannot lift it, and an
    /// unsubmitted assignment of that reviewer to the application goes.
    /// </summary>
    public async Task<AssignmentChange> PinConflictAsync(CurrentUser user, int applicationId, string reviewerId, string reason, CancellationToken ct = default)
    {
        if (!IsOfficer(user))
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return new AssignmentChange(false, localizer["Conflicts_ReasonRequired"]);
        }

        var now = clock.GetCurrentInstant();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Applications.AnyAsync(a => a.Id == applicationId, ct) || (await ConflictFacts.ReviewersAsync(db, [reviewerId], ct)).Count == 0)
        {
            return NotFound();
        }

        var row = await db.Conflicts.SingleOrDefaultAsync(c => c.ApplicationId == applicationId && c.ReviewerId == reviewerId && c.Source == ConflictSource.Officer, ct);
        if (row is null)
        {
            row = new ConflictOfInterest { ApplicationId = applicationId, ReviewerId = reviewerId, Source = ConflictSource.Officer };
            db.Conflicts.Add(row);
        }

        row.IsPinned = true;
        row.Reason = reason.Trim();
        row.RecordedAt = now;
        row.RecordedById = user.UserId;
        row.LiftedAt = null;
        row.LiftedById = null;
        row.LiftReason = null;
        var assignment = await db.ReviewAssignments.Include(a => a.Review).SingleOrDefaultAsync(a => a.ApplicationId == applicationId && a.ReviewerId == reviewerId, ct);
        if (assignment is not null && assignment.Review?.Status != ReviewStatus.Submitted)
        {
            db.ReviewAssignments.Remove(assignment);
        }

        db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(), "conflict.pinned", nameof(Application), Id(applicationId), after: JsonSerializer.Serialize(new { reviewerId }), reason: row.Reason));
        await db.SaveChangesAsync(ct);
        return AssignmentChange.Done();
    }

    /// <summary>
    /// The officer lifts a detected conflict (or their own pin) with a reason. A reviewer's own declaration stays:
    /// only they know the tie.
    /// </summary>
    public async Task<AssignmentChange> LiftConflictAsync(CurrentUser user, int applicationId, string reviewerId, ConflictSource source, string reason, CancellationToken ct = default)
    {
        if (!IsOfficer(user))
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return new AssignmentChange(false, localizer["Conflicts_ReasonRequired"]);
        }

        if (source == ConflictSource.Declared)
        {
            return new AssignmentChange(false, localizer["Conflicts_DeclaredStays"]);
        }

        var now = clock.GetCurrentInstant();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var conflicts = await ConflictFacts.LoadAsync(db, [applicationId], [reviewerId], ct);
        if (!conflicts.Sources(applicationId, reviewerId).Contains(source))
        {
            return NotFound();
        }

        var row = await db.Conflicts.SingleOrDefaultAsync(c => c.ApplicationId == applicationId && c.ReviewerId == reviewerId && c.Source == source, ct);
        if (row is null)
        {
            // Detected conflicts are computed, not stored; the lift is what gets stored, so the rule stays off.
            row = new ConflictOfInterest { ApplicationId = applicationId, ReviewerId = reviewerId, Source = source, RecordedAt = now, RecordedById = user.UserId };
            db.Conflicts.Add(row);
        }

        row.LiftedAt = now;
        row.LiftedById = user.UserId;
        row.LiftReason = reason.Trim();
        row.IsPinned = false;
        db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(), "conflict.lifted", nameof(Application), Id(applicationId),
            before: JsonSerializer.Serialize(new { reviewerId, Source = source.ToString() }), reason: row.LiftReason));
        await db.SaveChangesAsync(ct);
        return AssignmentChange.Done();
    }

    /// <summary>Reviewers' display names, for officers' screens.</summary>
    internal static async Task<Dictionary<string, string>> NamesAsync(PortalDbContext db, IReadOnlyCollection<string> ids, CancellationToken ct) =>
        (await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(ct))
            .ToDictionary(u => u.Id, u => string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email ?? u.Id : u.DisplayName, StringComparer.Ordinal);

    private static IQueryable<Application> InScope(PortalDbContext db, int callId) =>
        db.Applications.AsNoTracking().Where(a => a.CallId == callId && (a.Status == ApplicationStatus.Submitted || a.Status == ApplicationStatus.UnderReview));

    private static async Task<AssignmentPlan> PlanAsync(PortalDbContext db, Call call, CancellationToken ct)
    {
        var applications = await InScope(db, call.Id).Select(a => new { a.Id, a.Category }).ToListAsync(ct);
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

    private static async Task StartReviewsAsync(PortalDbContext db, IReadOnlyCollection<int> applicationIds, CancellationToken ct)
    {
        var submitted = await db.Applications.Where(a => applicationIds.Contains(a.Id) && a.Status == ApplicationStatus.Submitted).ToListAsync(ct);
        foreach (var application in submitted)
        {
            application.StartReview();
        }
    }

    private AssignmentChange NotFound() => new(false, localizer["Reviews_NotFound"]);

    private static bool IsOfficer(CurrentUser? user) => user is not null && user.IsIn(Roles.ProgramOfficer);

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
