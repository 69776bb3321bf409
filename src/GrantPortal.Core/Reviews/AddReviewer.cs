namespace GrantPortal.Core.Reviews;

/// <summary>A reviewer assigned by hand; <see cref="BeyondTarget"/> when the call already had the number of reviewers it asks for.</summary>
public sealed record AddedReviewer(bool BeyondTarget)
{
    /// <summary>
    /// Nothing was assigned: the reviewer would be beyond the call's number, and the result's message asks the officer
    /// to confirm. The officer confirms by adding again with confirmation.
    /// </summary>
    public bool NeedsConfirmation { get; init; }
}

/// <summary>
/// A program officer assigns one reviewer to an application by hand. Reviewers with a conflict in force are refused,
/// whatever the page shows. Beyond the number of reviewers the call asks for, nothing is assigned until the officer
/// confirms: an extra reviewer changes the load and the panel, so it must be meant.
/// </summary>
public sealed class AddReviewer(IDbContextFactory<PortalDbContext> dbFactory, IClock clock, IStringLocalizer<Strings> localizer)
{
    public async Task<Result<AddedReviewer>> AddAsync(CurrentUser user, int applicationId, string reviewerId, bool confirmBeyondTarget = false, CancellationToken ct = default)
    {
        if (!ReviewRules.IsOfficer(user))
        {
            return Result.NotFound();
        }

        var now = clock.GetCurrentInstant();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var application = await db.Applications.FullProposals().Include(a => a.Call).SingleOrDefaultAsync(a => a.Id == applicationId, ct);
        if (application is null || application.Status is not (ApplicationStatus.Submitted or ApplicationStatus.UnderReview))
        {
            return Result.NotFound();
        }

        var reviewers = await ConflictFacts.ReviewersAsync(db, [reviewerId], ct);
        if (reviewers.Count == 0)
        {
            return Result.Refused(localizer["Assignment_NotAReviewer"]);
        }

        var conflicts = new ConflictIndex(await ConflictFacts.ApplicantsAsync(db, [applicationId], ct), reviewers, await db.Conflicts.AsNoTracking().Where(c => c.ApplicationId == applicationId).ToListAsync(ct));
        if (conflicts.IsConflicted(applicationId, reviewerId))
        {
            return Result.Refused(localizer["Assignment_Conflicted"]);
        }

        if (await db.ReviewAssignments.AnyAsync(a => a.ApplicationId == applicationId && a.ReviewerId == reviewerId, ct))
        {
            return Result.Refused(localizer["Assignment_AlreadyAssigned"]);
        }

        var assigned = await db.ReviewAssignments.CountAsync(a => a.ApplicationId == applicationId, ct);
        var perApplication = application.Call!.ReviewersPerApplication;
        var beyondTarget = assigned >= perApplication;
        if (beyondTarget && !confirmBeyondTarget)
        {
            var name = (await ReviewRules.ReviewerNamesAsync(db, [reviewerId], ct)).GetValueOrDefault(reviewerId, reviewerId);
            return Result.Refused(localizer["Assignment_BeyondTargetConfirm", perApplication, application.ProjectTitle, assigned, name])
                .With(new AddedReviewer(beyondTarget) { NeedsConfirmation = true });
        }

        db.ReviewAssignments.Add(new ReviewAssignment
        {
            ApplicationId = applicationId,
            ReviewerId = reviewerId,
            AssignedAt = now,
            AssignedById = user.UserId,
            DueOn = application.Call.ReviewDueOn,
        });
        if (application.Status == ApplicationStatus.Submitted)
        {
            application.StartReview();
        }

        db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(), "review.assigned", nameof(Application), applicationId.ToString(CultureInfo.InvariantCulture),
            after: JsonSerializer.Serialize(new { reviewerId, Reviewers = assigned + 1, ReviewersPerApplication = perApplication, BeyondTarget = beyondTarget })));
        await db.SaveChangesAsync(ct);
        return Result.Done(new AddedReviewer(beyondTarget));
    }
}
