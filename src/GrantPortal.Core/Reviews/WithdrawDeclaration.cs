namespace GrantPortal.Core.Reviews;

/// <summary>
/// A withdrawn declaration. <see cref="Reassigned"/> says whether the application came back to the reviewer's
/// worklist; it does not when the officer has meanwhile given its place to someone else.
/// </summary>
public sealed record DeclarationWithdrawal(bool Reassigned);

/// <summary>
/// The reviewer takes back a conflict they declared by mistake. Only their own declaration goes: a conflict the
/// rules find or an officer pinned stays, and then nothing changes. While the application still lacks reviewers
/// it returns to the reviewer's worklist, who declares again before it opens.
/// </summary>
public sealed class WithdrawDeclaration(
    IDbContextFactory<PortalDbContext> dbFactory,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    ILogger<WithdrawDeclaration> logger)
{
    public async Task<Result<DeclarationWithdrawal>> WithdrawDeclarationAsync(CurrentUser user, int applicationId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsIn(Roles.Reviewer))
        {
            return Result.NotFound();
        }

        var now = clock.GetCurrentInstant();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var declared = await db.Conflicts.SingleOrDefaultAsync(
            c => c.ApplicationId == applicationId && c.ReviewerId == user.UserId && c.Source == ConflictSource.Declared && c.LiftedAt == null, ct);
        var application = declared is null ? null : await db.Applications.Include(a => a.Call).SingleOrDefaultAsync(a => a.Id == applicationId, ct);
        if (declared is null || application is null)
        {
            return Result.NotFound();
        }

        if (application.Status != ApplicationStatus.UnderReview)
        {
            return Result.Refused(localizer["Reviews_Declaration_ReviewClosed"]);
        }

        var conflicts = await ConflictFacts.LoadAsync(db, [applicationId], [user.UserId], ct);
        if (conflicts.Sources(applicationId, user.UserId).Any(s => s != ConflictSource.Declared))
        {
            return Result.Refused(localizer["Reviews_Declaration_OtherConflictStays"]);
        }

        declared.LiftedAt = now;
        declared.LiftedById = user.UserId;
        declared.LiftReason = "Withdrawn by the reviewer";
        var taken = await db.ReviewAssignments.CountAsync(a => a.ApplicationId == applicationId, ct);
        var reassigned = taken < application.Call!.ReviewersPerApplication
            && !await db.ReviewAssignments.AnyAsync(a => a.ApplicationId == applicationId && a.ReviewerId == user.UserId, ct);
        if (reassigned)
        {
            db.ReviewAssignments.Add(new ReviewAssignment
            {
                ApplicationId = applicationId,
                ReviewerId = user.UserId,
                AssignedAt = now,
                AssignedById = user.UserId,
                DueOn = application.Call.ReviewDueOn,
            });
        }

        db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(), "review.conflict-withdrawn", nameof(Application), applicationId.ToString(CultureInfo.InvariantCulture),
            before: JsonSerializer.Serialize(new { ReviewerId = user.UserId, declared.Reason }),
            after: JsonSerializer.Serialize(new { Reassigned = reassigned })));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (reassigned)
        {
            // A second click (or the officer) assigned the reviewer in the meantime; the unique index kept one.
            return Result.Refused(localizer["Reviews_Declaration_AlreadyWithdrawn"]);
        }

        logger.LogInformation("Reviewer {UserId} withdrew their conflict declaration on application {ApplicationId}", user.UserId, applicationId);
        return Result.Done(new DeclarationWithdrawal(reassigned));
    }
}
