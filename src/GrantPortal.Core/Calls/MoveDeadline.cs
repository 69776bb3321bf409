namespace GrantPortal.Core.Calls;

/// <summary>
/// A published call's deadline moved: what the officer confirms, and afterwards what was done. Organizations
/// holding drafts are the ones the move concerns: their submission window changed.
/// </summary>
public sealed record DeadlineChange(Instant OldClosesAt, Instant NewClosesAt, int OrganizationsWithDrafts);

/// <summary>
/// Moving a call's deadline, the part of <see cref="UpdateCall"/> with rules of its own. Submissions already received
/// bound it from below (no submission may ever look later than its call's deadline); on a published call it cannot
/// move into the past (that would close the call early, without a word, which is not what editing a call is for),
/// every move is confirmed by the officer, audited, and told by mail to the members of each organization with a draft.
/// </summary>
public sealed class MoveDeadline(
    IStringLocalizer<Strings> localizer,
    OrganizationMail mail,
    PortalLinks links,
    ILogger<MoveDeadline> logger)
{
    /// <summary>
    /// Checks the form's deadline inside the save's transaction. A refusal stops the save, and so does an unconfirmed
    /// move of a published call's deadline (its message asks the officer). Otherwise the save goes on; the value names
    /// the move, audited here, when a published call's deadline moves.
    /// </summary>
    internal async Task<Result<CallUpdate>> CheckAsync(
        PortalDbContext db, CurrentUser user, Call call, CallForm form, Instant now, bool confirmed, CancellationToken ct)
    {
        var closesAt = Seoul.ToInstant(form.Closes);
        if (closesAt == call.ClosesAt)
        {
            return Result.Done(new CallUpdate(null));
        }

        var errors = new List<FieldError>();
        var latest = await db.Applications.AsNoTracking()
            .Where(a => a.CallId == call.Id && a.SubmittedAt != null)
            .OrderByDescending(a => a.SubmittedAt)
            .Select(a => a.SubmittedAt)
            .FirstOrDefaultAsync(ct);
        if (latest is { } lastSubmission && closesAt < lastSubmission)
        {
            errors.Add(new FieldError(nameof(CallForm.Closes), localizer["Calls_DeadlineBeforeSubmissions", Seoul.FormatWithSeconds(lastSubmission)]));
        }

        if (call.IsPublished && closesAt < now)
        {
            errors.Add(new FieldError(nameof(CallForm.Closes), localizer["Calls_DeadlineInPast", Seoul.Format(closesAt), Seoul.Format(now)]));
        }

        if (errors.Count > 0)
        {
            logger.LogInformation("Deadline of call {CallId} refused: {NewClosesAt} (was {OldClosesAt})", call.Id, closesAt, call.ClosesAt);
            return Result.Invalid(errors);
        }

        if (!call.IsPublished)
        {
            return Result.Done(new CallUpdate(null));
        }

        var organizations = await db.Applications.AsNoTracking().FullProposals()
            .Where(a => a.CallId == call.Id && a.Status == ApplicationStatus.Draft)
            .Select(a => a.OrganizationId)
            .Distinct()
            .CountAsync(ct);
        var change = new DeadlineChange(call.ClosesAt, closesAt, organizations);
        if (!confirmed)
        {
            var question = localizer["CallEdit_DeadlineConfirm", Seoul.Format(change.OldClosesAt), Seoul.Format(change.NewClosesAt), change.OrganizationsWithDrafts];
            return Result.Refused(question).With(new CallUpdate(change) { NeedsConfirmation = true });
        }

        db.AuditEvents.Add(AuditEvent.Record(
            now,
            user.AsActor(),
            AuditActions.CallDeadlineMoved,
            nameof(Call),
            call.Id.ToString(CultureInfo.InvariantCulture),
            JsonSerializer.Serialize(new { ClosesAt = change.OldClosesAt.ToString() }),
            JsonSerializer.Serialize(new { ClosesAt = change.NewClosesAt.ToString(), change.OrganizationsWithDrafts })));
        return Result.Done(new CallUpdate(change));
    }

    /// <summary>
    /// One mail per draft to each member of its organization, in the member's language, with the new deadline and a
    /// link to the draft; saved with the move (the outbox), so the mail exists exactly when the move does.
    /// </summary>
    internal async Task QueueDraftHolderMailAsync(PortalDbContext db, Call call, DeadlineChange change, CancellationToken ct)
    {
        var drafts = await db.Applications.AsNoTracking().FullProposals()
            .Where(a => a.CallId == call.Id && a.Status == ApplicationStatus.Draft)
            .OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.OrganizationId, a.ProjectTitle })
            .ToListAsync(ct);
        await mail.QueueAsync(db, drafts.Select(draft => new OrganizationNotice(draft.OrganizationId, person =>
        {
            var callTitle = person.Language == Languages.English ? call.TitleEnglish : call.TitleKorean;
            var project = string.IsNullOrWhiteSpace(draft.ProjectTitle) ? localizer["Application_Untitled"].Value : draft.ProjectTitle;
            var link = links.To(PortalPaths.Application(draft.Id));
            var key = change.NewClosesAt > change.OldClosesAt ? "Calls_MailDeadlineExtendedBody" : "Calls_MailDeadlineEarlierBody";
            return (localizer["Calls_MailDeadlineSubject", callTitle].Value,
                localizer[key, person.DisplayName, callTitle, Seoul.Format(change.OldClosesAt), Seoul.Format(change.NewClosesAt), project, link].Value);
        }, MailPurposes.DeadlineMoved)).ToList(), ct);
        logger.LogInformation("Deadline move of call {CallId} told to {Organizations} organizations ({Drafts} drafts)", call.Id, change.OrganizationsWithDrafts, drafts.Count);
    }
}
