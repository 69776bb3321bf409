namespace GrantPortal.Core.Applications;

/// <summary>
/// Submits a concept note once, before the call's concept-note deadline, with a receipt of the concept-note series
/// (2026-CULT-C0001) and a confirmation mail to the submitter. Like full proposals, submissions to one call wait for
/// each other on the call's row, so the series never repeats and a second click gets the same receipt back.
/// </summary>
public sealed class SubmitConceptNote(
    IDbContextFactory<PortalDbContext> dbFactory,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    PortalLinks links,
    ILogger<SubmitConceptNote> logger)
{
    public async Task<Result<SubmissionReceipt>> SubmitAsync(CurrentUser user, int id, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.FindOwnedAsync(user, id, ct) is not { } target)
        {
            return Result.NotFound();
        }

        var result = await db.InTransactionAsync(RowLock.On<Call>(target.CallId), () => SubmitUnderLockAsync(db, user, id, ct), ct);
        if (result is { Succeeded: true, Value: { AlreadySubmitted: false } receipt })
        {
            logger.LogInformation("Concept note {ApplicationId} submitted as {ReceiptNumber}", id, receipt.ReceiptNumber);
        }

        return result;
    }

    private async Task<Result<SubmissionReceipt>> SubmitUnderLockAsync(PortalDbContext db, CurrentUser user, int id, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        var conceptNote = await db.Applications
            .Include(a => a.Call!).ThenInclude(c => c.BudgetYear)
            .Include(a => a.Organization)
            .SingleAsync(a => a.Id == id, ct);
        if (conceptNote.Stage != FormStage.ConceptNote)
        {
            return Result.NotFound();
        }

        if (conceptNote.ReceiptNumber is { } existing && conceptNote.Status != ApplicationStatus.Withdrawn)
        {
            return Result.Done(new SubmissionReceipt(existing, AlreadySubmitted: true));
        }

        if (conceptNote.Status != ApplicationStatus.Draft)
        {
            return Result.Refused(localizer["Application_NotEditable"]);
        }

        var call = conceptNote.Call!;
        if (!call.TakesConceptNotesAt(now))
        {
            return Result.Invalid("Deadline", localizer["TwoStage_ConceptDeadlinePassed", Seoul.Format(call.ConceptNoteClosesAt ?? call.ClosesAt)]);
        }

        var form = await FormVersions.DefinitionOfAsync(db, conceptNote.FormVersionId, FormStage.ConceptNote, ct);
        // Checked against the version the concept note answers, as a full proposal is; answers to hidden questions are dropped.
        var fileCounts = await db.Attachments.Where(f => f.ApplicationId == conceptNote.Id && f.QuestionKey != null)
            .GroupBy(f => f.QuestionKey!).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var draft = new ConceptNoteDraft { ProjectTitle = conceptNote.ProjectTitle, Summary = conceptNote.Summary, Answers = conceptNote.Answers };
        var errors = TwoStageRules.Validate(draft, form, fileCounts, conceptNote.Organization?.CanSubmitApplications == true, localizer);
        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }

        conceptNote.Answers = AnswerRules.ForSubmission(form, conceptNote.Answers);

        var year = call.BudgetYear?.Year ?? Seoul.ToLocal(call.ClosesAt).Year;
        var prefix = TwoStageRules.ReceiptPrefix(year, call.Code);
        var last = await db.Applications
            .Where(a => a.CallId == call.Id && a.ReceiptNumber != null && a.ReceiptNumber.StartsWith(prefix))
            .Select(a => a.ReceiptNumber!)
            .OrderByDescending(r => r.Length).ThenByDescending(r => r)
            .FirstOrDefaultAsync(ct);
        var receipt = TwoStageRules.NextReceipt(prefix, last);
        conceptNote.Submit(receipt, now);
        db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(), AuditActions.ConceptNoteSubmitted, nameof(Application), conceptNote.Id.ToString(CultureInfo.InvariantCulture),
            before: JsonSerializer.Serialize(new { Status = nameof(ApplicationStatus.Draft) }),
            after: JsonSerializer.Serialize(new { Status = nameof(ApplicationStatus.Submitted), ReceiptNumber = receipt })));
        await QueueConfirmationAsync(db, user, conceptNote, call, now, ct);
        await db.SaveChangesAsync(ct);
        return Result.Done(new SubmissionReceipt(receipt, AlreadySubmitted: false));
    }

    private async Task QueueConfirmationAsync(PortalDbContext db, CurrentUser user, Application conceptNote, Call call, Instant now, CancellationToken ct)
    {
        var person = await db.Users.AsNoTracking()
            .Where(u => u.Id == user.UserId)
            .Select(u => new { u.Email, u.DisplayName, u.PreferredLanguage })
            .SingleOrDefaultAsync(ct);
        if (person?.Email is null)
        {
            return;
        }

        var receipt = conceptNote.ReceiptNumber!;
        MailOutbox.Add(db, now, MailPurposes.ApplicationSubmitted, new MailRecipient(person.DisplayName, person.Email, person.PreferredLanguage), () => (
            localizer["TwoStage_SubmittedMailSubject", receipt].Value,
            localizer["TwoStage_SubmittedMailBody", person.DisplayName, conceptNote.ProjectTitle, call.Title(Languages.Current), receipt,
                links.To(PortalPaths.ConceptNote(conceptNote.Id))].Value));
    }
}
