namespace GrantPortal.Core.Reporting;

/// <summary>
/// The program officer's review of a submitted report: approve it (the tranches that waited for it may then be
/// paid) or return it to the grantee with a comment. Both answers pass the same checks, write the same kind of
/// audit event (the report's history) and tell the grantee's people by mail, so they are one use case.
/// </summary>
public sealed class ReviewReport(
    IDbContextFactory<PortalDbContext> dbFactory,
    OrganizationMail mail,
    PortalLinks links,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    ILogger<ReviewReport> logger)
{
    /// <summary>Approves a submitted report; the value names the tranches it unlocked.</summary>
    public Task<Result<SavedReport>> ApproveAsync(CurrentUser user, int id, int expectedVersion, string? comment, CancellationToken ct) =>
        DecideAsync(user, id, expectedVersion, approve: true, comment, ct);

    /// <summary>Sends a submitted report back to the grantee with the officer's comment, which is required.</summary>
    public Task<Result<SavedReport>> ReturnAsync(CurrentUser user, int id, int expectedVersion, string comment, CancellationToken ct) =>
        DecideAsync(user, id, expectedVersion, approve: false, comment, ct);

    private async Task<Result<SavedReport>> DecideAsync(CurrentUser user, int id, int expectedVersion, bool approve, string? comment, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsIn(Roles.ProgramOfficer))
        {
            return Result.NotFound();
        }

        var trimmed = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (!approve && trimmed is null)
        {
            return Result.Invalid("Comment", localizer["Reports_CommentRequired"]);
        }

        if (trimmed is { Length: > 4000 })
        {
            return Result.Invalid("Comment", localizer["Reports_TooLong", localizer["Reports_Comment"], 4000]);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var report = await db.ProjectReports.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
        {
            return Result.NotFound();
        }

        if (report.Version != expectedVersion)
        {
            return Result.Conflict(localizer["Error_Concurrency"]);
        }

        if (report.Status != ReportStatus.Submitted)
        {
            return Result.Refused(localizer["Reports_NotSubmitted"]);
        }

        var now = clock.GetCurrentInstant();
        report.Status = approve ? ReportStatus.Approved : ReportStatus.Returned;
        report.ReviewedAt = now;
        report.ReviewedById = user.UserId;
        report.OfficerComment = trimmed;
        var audit = AuditEvent.Record(
            now,
            user.AsActor(),
            approve ? "report.approved" : "report.returned",
            nameof(ProjectReport),
            ReportRules.EntityId(id),
            JsonSerializer.Serialize(new { Status = nameof(ReportStatus.Submitted) }),
            JsonSerializer.Serialize(new { Status = report.Status.ToString(), report.SubmissionCount }),
            trimmed);
        await TellGranteeAsync(db, report, ct);
        var result = await ReportRules.SaveAsync(db, report, audit, localizer, ct);
        if (!result.Succeeded)
        {
            return result;
        }

        logger.LogInformation("Report {ReportId} {Decision} by {UserId}", id, approve ? "approved" : "returned", user.UserId);
        return approve ? Result.Done(result.Value! with { UnlockedTranches = await ReportRules.GatedTranchesAsync(db, id, ct) }) : result;
    }

    /// <summary>The grantee's people hear of an approval, or of a return with the officer's comment, by mail saved with the decision.</summary>
    private async Task TellGranteeAsync(PortalDbContext db, ProjectReport report, CancellationToken ct)
    {
        var award = await db.Awards.AsNoTracking().Where(a => a.Id == report.AwardId)
            .Select(a => new { a.OrganizationId, a.Application!.ProjectTitle })
            .SingleAsync(ct);
        var link = links.To(PortalPaths.Report(report.Id));

        // A returned report may still be within its deadline: the mail says "is due" or "was due" as the calendar says.
        var deadlinePassed = report.DueOn < Seoul.Today(clock);
        await mail.QueueAsync(db, award.OrganizationId, MailPurposes.ReportDecided, member =>
        {
            var kind = localizer["Reports_Kind_" + report.Kind].Value;
            var deadline = localizer[deadlinePassed ? "Reports_MailDuePassed" : "Reports_MailDueAhead", ReportRules.Date(report.DueOn)].Value;
            return report.Status == ReportStatus.Approved
                ? (localizer["Reports_MailApprovedSubject", kind, award.ProjectTitle].Value,
                    localizer["Reports_MailApprovedBody", member.DisplayName, kind, award.ProjectTitle, report.OfficerComment ?? "", link].Value)
                : (localizer["Reports_MailReturnedSubject", kind, award.ProjectTitle].Value,
                    localizer["Reports_MailReturnedBody", member.DisplayName, kind, award.ProjectTitle, report.OfficerComment ?? "", deadline, link].Value);
        }, ct);
    }
}
