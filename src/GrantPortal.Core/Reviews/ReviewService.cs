using System.Globalization;
using System.Text.Json;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Applications;
using GrantPortal.Core.Auditing;
using GrantPortal.Core.Data;
using GrantPortal.Core.Localization;
using GrantPortal.Core.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace GrantPortal.Core.Reviews;

/// <summary>
/// A reviewer's side of reviewing: the worklist, declaring conflicts, scoring and submitting. Every method checks
/// that the assignment is the caller's and that no conflict is in force; otherwise the assignment "does not exist".
/// </summary>
public sealed partial class ReviewService(
    IDbContextFactory<PortalDbContext> dbFactory,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    ILogger<ReviewService> logger)
{
    public async Task<IReadOnlyList<ReviewTask>> ListMineAsync(CurrentUser user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsIn(Roles.Reviewer))
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.ReviewAssignments.AsNoTracking()
            .Where(a => a.ReviewerId == user.UserId && a.Application!.Status == ApplicationStatus.UnderReview)
            .Select(a => new
            {
                a.Id,
                a.ApplicationId,
                a.Application!.Call!.Code,
                a.Application.Call.TitleKorean,
                a.Application.Call.TitleEnglish,
                a.Application.Call.BlindReview,
                a.Application.ProjectTitle,
                a.Application.Organization!.NameKorean,
                OrganizationNameEnglish = a.Application.Organization.Name,
                a.DueOn,
                a.NoConflictDeclaredAt,
                ReviewStatus = a.Review == null ? (ReviewStatus?)null : a.Review.Status,
            })
            .ToListAsync(ct);
        var conflicts = await ConflictFacts.LoadAsync(db, rows.Select(r => r.ApplicationId).ToList(), [user.UserId], ct);
        return rows.Where(r => !conflicts.IsConflicted(r.ApplicationId, user.UserId))
            .Select(r => new ReviewTask(
                r.Id,
                r.Code,
                r.TitleKorean,
                r.TitleEnglish,
                r.ProjectTitle,
                r.BlindReview ? null : new OrganizationName(r.NameKorean, r.OrganizationNameEnglish),
                r.DueOn,
                StatusOf(r.NoConflictDeclaredAt, r.ReviewStatus)))
            .OrderBy(t => t.Status == ReviewTaskStatus.Submitted ? 1 : 0)
            .ThenBy(t => t.DueOn)
            .ThenBy(t => t.AssignmentId)
            .ToList();
    }

    public async Task<ScoringView?> OpenAsync(CurrentUser user, int assignmentId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var assignment = await FindAsync(db, user, assignmentId, tracking: false, ct);
        if (assignment is null)
        {
            return null;
        }

        var application = assignment.Application!;
        var call = application.Call!;
        var status = StatusOf(assignment.NoConflictDeclaredAt, assignment.Review?.Status);
        var open = status != ReviewTaskStatus.DeclarationNeeded;
        var scores = assignment.Review?.Scores.ToDictionary(s => s.CriterionId) ?? [];
        var form = new ScoreForm
        {
            Criteria = call.Criteria.OrderBy(c => c.Order).Select(c => new CriterionScoreForm
            {
                CriterionId = c.Id,
                NameKorean = c.NameKorean,
                NameEnglish = c.NameEnglish,
                Weight = c.Weight,
                ScaleMinimum = c.ScaleMinimum,
                ScaleMaximum = c.ScaleMaximum,
                Score = scores.TryGetValue(c.Id, out var s) ? s.Score : null,
                Comment = scores.TryGetValue(c.Id, out var t) ? t.Comment : "",
            }).ToList(),
            OverallComment = assignment.Review?.OverallComment ?? "",
            Recommendation = assignment.Review?.Recommendation,
        };
        // Files open with the rest of the application, once the reviewer has declared no conflict.
        var files = open
            ? await db.Attachments.AsNoTracking().Where(f => f.ApplicationId == application.Id).OrderBy(f => f.Id)
                .Select(f => new { f.Id, f.DisplayName, f.Kind, f.SizeBytes }).ToListAsync(ct)
            : [];
        return new ScoringView(
            assignment.Id,
            application.Id,
            call.TitleKorean,
            call.TitleEnglish,
            call.BlindReview,
            call.BlindReview ? null : new OrganizationName(application.Organization!.NameKorean, application.Organization.Name),
            application.ProjectTitle,
            open ? application.Summary : "",
            open ? application.Objectives : "",
            open ? application.Activities : "",
            open ? application.Beneficiaries : "",
            application.Category,
            application.RequestedTotal,
            assignment.DueOn,
            status,
            assignment.Review?.Version ?? 0,
            assignment.Review?.SubmittedAt,
            form)
        {
            StartDate = open ? application.StartDate : null,
            EndDate = open ? application.EndDate : null,
            BudgetLines = open
                ? application.BudgetLines.OrderBy(l => l.Order).Select(l => new ReviewBudgetLine(l.Category, l.Item, l.Amount, l.Justification)).ToList()
                : [],
            Attachments = files.Select((f, i) => new ReviewAttachment(
                f.Id,
                call.BlindReview ? localizer["Reviews_BlindAttachment", i + 1, f.Kind.ToString().ToUpperInvariant()] : f.DisplayName,
                f.Kind,
                f.SizeBytes)).ToList(),
        };
    }

    /// <summary>
    /// The reviewer's declaration, required before the application opens. Declaring a conflict records it and
    /// hands the assignment back to the officer, who assigns someone else.
    /// </summary>
    public async Task<bool> DeclareAsync(CurrentUser user, int assignmentId, bool hasConflict, string? reason, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var now = clock.GetCurrentInstant();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var assignment = await FindAsync(db, user, assignmentId, tracking: true, ct);
        if (assignment is null || assignment.NoConflictDeclaredAt is not null)
        {
            return false;
        }

        var id = assignment.Id.ToString(CultureInfo.InvariantCulture);
        if (hasConflict)
        {
            var note = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
            var declared = await db.Conflicts.SingleOrDefaultAsync(c => c.ApplicationId == assignment.ApplicationId && c.ReviewerId == user.UserId && c.Source == ConflictSource.Declared, ct);
            if (declared is null)
            {
                declared = new ConflictOfInterest { ApplicationId = assignment.ApplicationId, ReviewerId = user.UserId, Source = ConflictSource.Declared };
                db.Conflicts.Add(declared);
            }

            // A declaration withdrawn earlier comes back into force: the newest word of the reviewer counts.
            declared.Reason = note;
            declared.RecordedAt = now;
            declared.RecordedById = user.UserId;
            declared.LiftedAt = null;
            declared.LiftedById = null;
            declared.LiftReason = null;

            db.ReviewAssignments.Remove(assignment);
            db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(), "review.conflict-declared", nameof(ReviewAssignment), id,
                after: JsonSerializer.Serialize(new { assignment.ApplicationId, ReviewerId = user.UserId }), reason: note));
            logger.LogInformation("Reviewer {UserId} declared a conflict on application {ApplicationId}", user.UserId, assignment.ApplicationId);
        }
        else
        {
            assignment.NoConflictDeclaredAt = now;
            db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(), "review.no-conflict-declared", nameof(ReviewAssignment), id));
        }

        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Autosave: keeps what is filled in, refusing only scores outside the scale.</summary>
    public Task<ReviewResult> SaveDraftAsync(CurrentUser user, int assignmentId, ScoreForm form, int expectedVersion, CancellationToken ct = default) =>
        SaveAsync(user, assignmentId, form, expectedVersion, submit: false, ct);

    /// <summary>Checks the whole form and locks the review; only an officer can reopen it.</summary>
    public Task<ReviewResult> SubmitAsync(CurrentUser user, int assignmentId, ScoreForm form, int expectedVersion, CancellationToken ct = default) =>
        SaveAsync(user, assignmentId, form, expectedVersion, submit: true, ct);

    private async Task<ReviewResult> SaveAsync(CurrentUser user, int assignmentId, ScoreForm form, int expectedVersion, bool submit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(form);
        var now = clock.GetCurrentInstant();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var assignment = await FindAsync(db, user, assignmentId, tracking: true, ct);
        if (assignment is null || assignment.NoConflictDeclaredAt is null)
        {
            return new ReviewResult(ReviewOutcome.NotFound, expectedVersion, [new FieldError("", localizer["Reviews_NotFound"])]);
        }

        var review = assignment.Review;
        if (review?.Status == ReviewStatus.Submitted)
        {
            return new ReviewResult(ReviewOutcome.Locked, review.Version, [new FieldError("", localizer["Reviews_Locked"])]);
        }

        if (review is not null && review.Version != expectedVersion)
        {
            return new ReviewResult(ReviewOutcome.Stale, review.Version, [new FieldError("", localizer["Error_Concurrency"])]);
        }

        // The rubric comes from the database, not from the form: a tampered form cannot widen a scale.
        var rubric = assignment.Application!.Call!.Criteria.ToDictionary(c => c.Id);
        var checkedForm = form with
        {
            Criteria = rubric.Values.OrderBy(c => c.Order).Select(c =>
            {
                var input = form.Criteria.FirstOrDefault(f => f.CriterionId == c.Id);
                return new CriterionScoreForm
                {
                    CriterionId = c.Id,
                    NameKorean = c.NameKorean,
                    NameEnglish = c.NameEnglish,
                    Weight = c.Weight,
                    ScaleMinimum = c.ScaleMinimum,
                    ScaleMaximum = c.ScaleMaximum,
                    Score = input?.Score,
                    Comment = input?.Comment.Trim() ?? "",
                };
            }).ToList(),
        };
        var errors = checkedForm.Validate(localizer, submit);
        if (errors.Count > 0)
        {
            return new ReviewResult(ReviewOutcome.Invalid, review?.Version ?? expectedVersion, errors);
        }

        if (review is null)
        {
            review = new Review();
            assignment.Review = review;
        }
        else
        {
            db.Entry(review).Property(r => r.Version).OriginalValue = expectedVersion;
            db.Entry(review).State = EntityState.Modified;
        }

        review.OverallComment = checkedForm.OverallComment.Trim();
        review.Recommendation = checkedForm.Recommendation;
        foreach (var input in checkedForm.Criteria)
        {
            var existing = review.Scores.FirstOrDefault(s => s.CriterionId == input.CriterionId);
            if (input.Score is not { } score)
            {
                if (existing is not null)
                {
                    review.Scores.Remove(existing);
                }

                continue;
            }

            if (existing is null)
            {
                review.Scores.Add(new CriterionScore { CriterionId = input.CriterionId, Score = score, Comment = input.Comment });
            }
            else
            {
                existing.Score = score;
                existing.Comment = input.Comment;
            }
        }

        if (submit)
        {
            review.Submit(now);
            db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(), "review.submitted", nameof(Review), assignment.Id.ToString(CultureInfo.InvariantCulture),
                after: JsonSerializer.Serialize(new
                {
                    assignment.ApplicationId,
                    Recommendation = review.Recommendation?.ToString(),
                    Scores = review.Scores.OrderBy(s => s.CriterionId).Select(s => new { s.CriterionId, s.Score }),
                })));
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ReviewResult(ReviewOutcome.Stale, expectedVersion, [new FieldError("", localizer["Error_Concurrency"])]);
        }

        if (submit)
        {
            logger.LogInformation("Reviewer {UserId} submitted the review of assignment {AssignmentId}", user.UserId, assignmentId);
        }

        return new ReviewResult(ReviewOutcome.Saved, review.Version, []);
    }

    /// <summary>An officer sends a submitted review back to its reviewer as a draft.</summary>
    public async Task<bool> ReopenAsync(CurrentUser user, int assignmentId, string reason, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsIn(Roles.ProgramOfficer) || string.IsNullOrWhiteSpace(reason))
        {
            return false;
        }

        var now = clock.GetCurrentInstant();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var review = await db.Reviews.SingleOrDefaultAsync(r => r.AssignmentId == assignmentId, ct);
        if (review is null || review.Status != ReviewStatus.Submitted)
        {
            return false;
        }

        review.Reopen();
        db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(), "review.reopened", nameof(Review), assignmentId.ToString(CultureInfo.InvariantCulture), reason: reason.Trim()));
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Officer {UserId} reopened the review of assignment {AssignmentId}", user.UserId, assignmentId);
        return true;
    }

    internal static ReviewTaskStatus StatusOf(Instant? noConflictDeclaredAt, ReviewStatus? review) => (noConflictDeclaredAt, review) switch
    {
        (null, _) => ReviewTaskStatus.DeclarationNeeded,
        (_, ReviewStatus.Submitted) => ReviewTaskStatus.Submitted,
        (_, ReviewStatus.Draft) => ReviewTaskStatus.Draft,
        _ => ReviewTaskStatus.NotStarted,
    };

    /// <summary>The caller's own assignment on an application under review, and only while no conflict is in force.</summary>
    private static async Task<ReviewAssignment?> FindAsync(PortalDbContext db, CurrentUser user, int assignmentId, bool tracking, CancellationToken ct)
    {
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
