namespace GrantPortal.Core.Reviews;

/// <summary>
/// What saving a draft and submitting share: the reviewer's own open review, the form checked against the call's
/// rubric, and the save. Every failure hands back the review's version, which the form sends with its next save.
/// </summary>
internal static class ScoreSheet
{
    /// <summary>
    /// Writes the form into the review of the caller's assignment (created on the first save), or says why it cannot:
    /// not theirs (or no declaration yet), submitted and locked, changed since they read it, or a field wrong.
    /// Nothing is saved yet.
    /// </summary>
    public static async Task<(ReviewAssignment? Assignment, Result<int>? Failure)> WriteAsync(
        PortalDbContext db, CurrentUser user, int assignmentId, ScoreForm form, int expectedVersion, bool forSubmission, IStringLocalizer<Strings> localizer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var assignment = await ReviewRules.OwnAssignmentAsync(db, user, assignmentId, tracking: true, ct);
        if (assignment is null || assignment.NoConflictDeclaredAt is null)
        {
            return (null, Result.NotFound().With(expectedVersion));
        }

        var review = assignment.Review;
        if (review?.Status == ReviewStatus.Submitted)
        {
            return (null, Result.Refused(localizer["Reviews_Locked"]).With(review.Version));
        }

        if (review is not null && review.Version != expectedVersion)
        {
            return (null, Result.Conflict(localizer["Error_Concurrency"]).With(review.Version));
        }

        // The rubric comes from the database, not from the form: a tampered form cannot widen a scale.
        var scored = form with
        {
            Criteria = assignment.Application!.Call!.Criteria.OrderBy(c => c.Order).Select(c =>
            {
                var input = form.Criteria.FirstOrDefault(f => f.CriterionId == c.Id);
                return CriterionScoreForm.For(c, input?.Score, input?.Comment.Trim() ?? "");
            }).ToList(),
        };
        var errors = scored.Validate(localizer, forSubmission);
        if (errors.Count > 0)
        {
            return (null, Result.Invalid(errors).With(review?.Version ?? expectedVersion));
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

        review.OverallComment = scored.OverallComment.Trim();
        review.Recommendation = scored.Recommendation;
        foreach (var input in scored.Criteria)
        {
            var existing = review.Scores.FirstOrDefault(s => s.CriterionId == input.CriterionId);
            if (input.Score is not { } score)
            {
                if (existing is not null)
                {
                    review.Scores.Remove(existing);
                }
            }
            else if (existing is null)
            {
                review.Scores.Add(new CriterionScore { CriterionId = input.CriterionId, Score = score, Comment = input.Comment });
            }
            else
            {
                existing.Score = score;
                existing.Comment = input.Comment;
            }
        }

        return (assignment, null);
    }

    /// <summary>Saves what <see cref="WriteAsync"/> wrote; the value is the review's new version.</summary>
    public static async Task<Result<int>> SaveAsync(PortalDbContext db, Review review, int expectedVersion, IStringLocalizer<Strings> localizer, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Conflict(localizer["Error_Concurrency"]).With(expectedVersion);
        }

        return Result.Done(review.Version);
    }
}
