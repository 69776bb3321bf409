namespace GrantPortal.Core.Awards;

/// <summary>
/// A program officer fixes a closed call's decisions: every application not awarded is rejected, no award can be
/// added afterwards, and each organization that applied is told by mail.
/// </summary>
public sealed class FinalizeCall(
    IDbContextFactory<PortalDbContext> dbFactory,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    OrganizationMail mail,
    PortalLinks links,
    ILogger<FinalizeCall> logger)
{
    /// <summary>Done with a notice of how many applications were rejected; the value is that number.</summary>
    public async Task<Result<int>> FinalizeAsync(CurrentUser user, int callId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!AwardRules.IsOfficer(user))
        {
            return Result.NotFound();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Calls.AnyAsync(c => c.Id == callId, ct))
        {
            return Result.NotFound();
        }

        // Under the call's lock no award is being added while the rest are rejected.
        var result = await db.InTransactionAsync(RowLock.On<Call>(callId), () => FinalizeUnderCallLockAsync(db, user, callId, ct), ct);
        if (result.Succeeded)
        {
            logger.LogInformation("Call {CallId} finalized by {UserId}: {Rejected} applications rejected", callId, user.UserId, result.Value);
        }

        return result;
    }

    private async Task<Result<int>> FinalizeUnderCallLockAsync(PortalDbContext db, CurrentUser user, int callId, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        var call = await db.Calls.SingleAsync(c => c.Id == callId, ct);
        if (call.FinalizedAt is not null)
        {
            return Result.Refused(localizer["Awards_CallFinalized"]);
        }

        if (!call.HasClosedAt(now))
        {
            return Result.Refused(localizer["Awards_CallStillOpen"]);
        }

        var undecided = await db.Applications.FullProposals()
            .Where(a => a.CallId == callId && (a.Status == ApplicationStatus.Submitted || a.Status == ApplicationStatus.UnderReview))
            .ToListAsync(ct);
        foreach (var application in undecided)
        {
            application.MarkRejected();
            db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(), "application.rejected", nameof(Application), AwardRules.Id(application.Id),
                JsonSerializer.Serialize(new { Status = nameof(ApplicationStatus.UnderReview) }), JsonSerializer.Serialize(new { Status = nameof(ApplicationStatus.Rejected) })));
        }

        call.Finalize(now);
        var committed = await AwardRules.CommittedAsync(db, callId, ct);
        db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(), "call.finalized", nameof(Call), AwardRules.Id(callId),
            after: JsonSerializer.Serialize(new { Rejected = undecided.Count, Committed = committed.Won, Envelope = call.Envelope.Won })));
        await db.SaveChangesAsync(ct);

        // The decisions read back as saved (inside this transaction); their mail commits with them.
        await QueueDecisionMailAsync(db, callId, ct);
        await db.SaveChangesAsync(ct);
        return Result.Done(undecided.Count, localizer["Awards_Finalized", undecided.Count]);
    }

    /// <summary>One mail per member of each organization that applied, for each of its applications, in the person's own language.</summary>
    private async Task QueueDecisionMailAsync(PortalDbContext db, int callId, CancellationToken ct)
    {
        var decided = await db.Applications.AsNoTracking()
            .Where(a => a.CallId == callId && (a.Status == ApplicationStatus.Awarded || a.Status == ApplicationStatus.Rejected))
            .Select(a => new { a.Id, a.OrganizationId, a.ProjectTitle, a.ReceiptNumber, a.Call!.TitleKorean, a.Call.TitleEnglish })
            .ToListAsync(ct);
        var awards = await db.Awards.AsNoTracking().Where(a => a.CallId == callId && a.Status != AwardStatus.Cancelled)
            .ToDictionaryAsync(a => a.ApplicationId, a => new { a.Id, a.Amount }, ct);
        await mail.QueueAsync(db, decided.Select(application => new OrganizationNotice(application.OrganizationId, person =>
        {
            // Call titles name themselves ("… 공모", "… Call"), so the mail quotes the title without adding the word.
            var callTitle = person.Language == Languages.English ? application.TitleEnglish : application.TitleKorean;
            return awards.TryGetValue(application.Id, out var award)
                ? (localizer["Awards_MailAwardedSubject", application.ReceiptNumber ?? ""].Value,
                    localizer["Awards_MailAwardedBody", person.DisplayName, application.ProjectTitle, callTitle, award.Amount.Format(CultureInfo.GetCultureInfo(Languages.Normalize(person.Language))), links.To(PortalPaths.Award(award.Id))].Value)
                : (localizer["Awards_MailRejectedSubject", application.ReceiptNumber ?? ""].Value,
                    localizer["Awards_MailRejectedBody", person.DisplayName, application.ProjectTitle, callTitle, links.To(PortalPaths.Application(application.Id))].Value);
        }, MailPurposes.CallDecided)).ToList(), ct);
    }
}
