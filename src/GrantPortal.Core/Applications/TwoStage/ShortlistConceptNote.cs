namespace GrantPortal.Core.Applications;

/// <summary>
/// A program officer's shortlist decision on a submitted concept note: invite the organization to write its full
/// proposal, or not, with a reason. The decision is made once, under the call's row lock, audited, and told to every
/// member of the organization in their own language: an invitation names the full-proposal deadline and links to
/// the concept note, where the full proposal starts; a refusal gives the reason.
/// </summary>
public sealed class ShortlistConceptNote(
    IDbContextFactory<PortalDbContext> dbFactory,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    OrganizationMail mail,
    PortalLinks links,
    ILogger<ShortlistConceptNote> logger)
{
    public async Task<Result> DecideAsync(CurrentUser user, int conceptNoteId, ShortlistDecision decision, string? reason, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsIn(Roles.ProgramOfficer))
        {
            return Result.NotFound();
        }

        if (!Enum.IsDefined(decision))
        {
            return Result.Invalid(nameof(decision), localizer["TwoStage_DecisionRequired"]);
        }

        // A refusal must say why: the organization reads it.
        if (decision == ShortlistDecision.NotInvited && string.IsNullOrWhiteSpace(reason))
        {
            return Result.Invalid(nameof(reason), localizer["TwoStage_ReasonRequired"]);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var callId = await db.Applications.ConceptNotes().Where(a => a.Id == conceptNoteId).Select(a => (int?)a.CallId).SingleOrDefaultAsync(ct);
        if (callId is not { } id)
        {
            return Result.NotFound();
        }

        var result = await db.InTransactionAsync(RowLock.On<Call>(id), () => DecideUnderLockAsync(db, user, conceptNoteId, decision, reason, ct), ct);
        if (result.Succeeded)
        {
            logger.LogInformation("Concept note {ApplicationId} shortlist decision {Decision} by {UserId}", conceptNoteId, decision, user.UserId);
        }

        return result;
    }

    private async Task<Result> DecideUnderLockAsync(PortalDbContext db, CurrentUser user, int conceptNoteId, ShortlistDecision decision, string? reason, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        var conceptNote = await db.Applications.Include(a => a.Call).SingleAsync(a => a.Id == conceptNoteId, ct);
        if (conceptNote.Status != ApplicationStatus.Submitted)
        {
            return Result.Refused(localizer["TwoStage_NotSubmitted"]);
        }

        if (conceptNote.Shortlist is not null)
        {
            return Result.Refused(localizer["TwoStage_AlreadyDecided"]);
        }

        var call = conceptNote.Call!;
        if (decision == ShortlistDecision.Invited && call.HasClosedAt(now))
        {
            return Result.Refused(localizer["TwoStage_InviteAfterClose", Seoul.Format(call.ClosesAt)]);
        }

        var limits = new FieldLimits(db);
        conceptNote.DecideShortlist(decision, reason is null ? null : limits.Clip(reason, nameof(Application.ShortlistReason)), user.UserId, now);
        db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(),
            decision == ShortlistDecision.Invited ? AuditActions.ConceptNoteInvited : AuditActions.ConceptNoteNotInvited,
            nameof(Application), conceptNote.Id.ToString(CultureInfo.InvariantCulture),
            before: JsonSerializer.Serialize(new { Shortlist = (string?)null }),
            after: JsonSerializer.Serialize(new { Shortlist = decision.ToString(), conceptNote.ReceiptNumber }),
            reason: conceptNote.ShortlistReason));

        var title = conceptNote.ProjectTitle;
        var receipt = conceptNote.ReceiptNumber ?? "";
        var link = links.To(PortalPaths.ConceptNote(conceptNote.Id));
        var decidedReason = conceptNote.ShortlistReason ?? "";
        await mail.QueueAsync(db, conceptNote.OrganizationId, MailPurposes.ConceptNoteDecided, member => decision == ShortlistDecision.Invited
            ? (localizer["TwoStage_InvitedMailSubject", call.Title(member.Language)].Value,
                localizer["TwoStage_InvitedMailBody", member.DisplayName, title, receipt, call.Title(member.Language), Seoul.Format(call.ClosesAt), link].Value)
            : (localizer["TwoStage_NotInvitedMailSubject", call.Title(member.Language)].Value,
                localizer["TwoStage_NotInvitedMailBody", member.DisplayName, title, receipt, call.Title(member.Language), decidedReason, link].Value), ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Conflict(localizer["Error_Concurrency"]);
        }

        return Result.Done();
    }
}
