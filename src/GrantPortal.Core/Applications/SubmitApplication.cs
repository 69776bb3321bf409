namespace GrantPortal.Core.Applications;

/// <summary>
/// Submits a draft once, with a receipt number of its call (2026-NKHR-0007) and a confirmation mail to the
/// submitter. Parallel or repeated requests for the same draft wait for each other on the call's row; the first
/// gives the receipt number and every later one gets that same number back. A submitted revision replaces the
/// application it revises.
/// </summary>
public sealed class SubmitApplication(
    IDbContextFactory<PortalDbContext> dbFactory,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    PortalLinks links,
    ILogger<SubmitApplication> logger)
{
    public async Task<Result<SubmissionReceipt>> SubmitAsync(CurrentUser user, int id, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.FindOwnedAsync(user, id, ct) is not { } target)
        {
            return Result.NotFound();
        }

        // Submissions to one call run one at a time under the call's row lock: the receipt sequence cannot repeat
        // and a second request for the same draft sees the first one's result. The lock leaves the call's version as
        // it is, so an officer editing the call during a deadline rush is not refused.
        var result = await db.InTransactionAsync(RowLock.On<Call>(target.CallId), () => SubmitUnderLockAsync(db, user, id, ct), ct);
        if (result is { Succeeded: true, Value: { AlreadySubmitted: false } receipt })
        {
            logger.LogInformation("Application {ApplicationId} submitted as {ReceiptNumber}", id, receipt.ReceiptNumber);
        }

        return result;
    }

    private async Task<Result<SubmissionReceipt>> SubmitUnderLockAsync(PortalDbContext db, CurrentUser user, int id, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        var application = await db.Applications
            .Include(a => a.BudgetLines)
            .Include(a => a.IndicatorTargets)
            .Include(a => a.Call!).ThenInclude(c => c.BudgetYear)
            .Include(a => a.Organization)
            .SingleAsync(a => a.Id == id, ct);
        var call = application.Call!;
        if (application.ReceiptNumber is { } existingReceipt && application.Status != ApplicationStatus.Withdrawn)
        {
            return Result.Done(new SubmissionReceipt(existingReceipt, AlreadySubmitted: true));
        }

        if (application.Status != ApplicationStatus.Draft)
        {
            return Result.Refused(localizer["Application_NotEditable"]);
        }

        // Concept notes are submitted by SubmitConceptNote; a two-stage call's full proposal follows an invited one.
        if (application.Stage != FormStage.Full || (call.IsTwoStage && application.ConceptNoteId is null))
        {
            return Result.Refused(localizer["TwoStage_StartWithConceptNote"]);
        }

        // The form shows the deadline beside the submit button, so it is named like a field.
        if (!call.IsOpenAt(now))
        {
            return Result.Invalid("Deadline", localizer["Application_DeadlinePassed", Seoul.Format(call.ClosesAt)]);
        }

        // The call's structural rules again: an officer may have switched one on, or an award come, since the draft began.
        if (await EligibilityGate.CheckAsync(db, call, application.OrganizationId, application.Id, application.RevisesId, localizer, ct) is { } ineligible)
        {
            return ineligible;
        }

        var year = call.BudgetYear?.Year ?? Seoul.ToLocal(call.ClosesAt).Year;
        var errors = ApplicationRules.Validate(ApplicationDraft.From(application), call, year, application.Organization?.CanSubmitApplications == true, localizer).ToList();

        // The answers are checked against the version of the form they answer; answers to hidden questions are dropped.
        var definition = await FormVersions.DefinitionOfAsync(db, application.FormVersionId, ct);
        var fileCounts = await db.Attachments.Where(f => f.ApplicationId == application.Id && f.QuestionKey != null)
            .GroupBy(f => f.QuestionKey!).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        errors.AddRange(AnswerRules.Validate(definition, application.Answers, fileCounts, Languages.Current, localizer));
        errors.AddRange(IndicatorTargetRules.ValidateForSubmission(ApplicationDraft.From(application), await IndicatorTargetRules.OfCallAsync(db, call.Id, ct), localizer));
        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }

        application.Answers = AnswerRules.ForSubmission(definition, application.Answers);

        var receipt = await NextReceiptAsync(db, call, year, ct);
        if (application.RevisesId is { } revisedId)
        {
            // A revision replaces the application it revises, in the same transaction: never both in force, never neither.
            var revised = await db.Applications.SingleAsync(a => a.Id == revisedId, ct);
            if (revised.Status != ApplicationStatus.Submitted)
            {
                return Result.Refused(localizer["Application_RevisedNoLongerSubmitted", revised.ReceiptNumber ?? ""]);
            }

            revised.ReplaceBy(localizer["Application_ReplacedBy", receipt], now);
            db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(), "application.replaced", nameof(Application), Id(revised.Id),
                before: JsonSerializer.Serialize(new { Status = nameof(ApplicationStatus.Submitted), revised.ReceiptNumber }),
                after: JsonSerializer.Serialize(new { Status = nameof(ApplicationStatus.Withdrawn), ReplacedBy = receipt })));
        }

        application.Submit(receipt, now);
        db.AuditEvents.Add(AuditEvent.Record(
            now,
            user.AsActor(),
            "application.submitted",
            nameof(Application),
            Id(application.Id),
            before: JsonSerializer.Serialize(new { Status = nameof(ApplicationStatus.Draft) }),
            after: JsonSerializer.Serialize(new { Status = nameof(ApplicationStatus.Submitted), ReceiptNumber = receipt, RequestedTotal = application.RequestedTotal.Won })));
        await QueueConfirmationAsync(db, user, application, now, ct);
        await db.SaveChangesAsync(ct);
        return Result.Done(new SubmissionReceipt(receipt, AlreadySubmitted: false));
    }

    /// <summary>The call's next receipt number in its budget year; the caller holds the call's row lock.</summary>
    private static async Task<string> NextReceiptAsync(PortalDbContext db, Call call, int year, CancellationToken ct)
    {
        var prefix = string.Create(CultureInfo.InvariantCulture, $"{year}-{call.Code}-");
        var last = await db.Applications.FullProposals()
            .Where(a => a.CallId == call.Id && a.ReceiptNumber != null && a.ReceiptNumber.StartsWith(prefix))
            .Select(a => a.ReceiptNumber!)
            .OrderByDescending(r => r.Length).ThenByDescending(r => r)
            .FirstOrDefaultAsync(ct);
        var sequence = last is not null && int.TryParse(last.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n + 1 : 1;
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}{sequence:0000}");
    }

    /// <summary>The submitter's confirmation, recorded with the submission: it exists exactly when the submission does.</summary>
    private async Task QueueConfirmationAsync(PortalDbContext db, CurrentUser user, Application application, Instant now, CancellationToken ct)
    {
        var person = await db.Users.AsNoTracking()
            .Where(u => u.Id == user.UserId)
            .Select(u => new { u.Email, u.DisplayName, u.PreferredLanguage })
            .SingleOrDefaultAsync(ct);
        if (person?.Email is null)
        {
            return;
        }

        var call = application.Call!;
        var receipt = application.ReceiptNumber!;
        MailOutbox.Add(db, now, MailPurposes.ApplicationSubmitted, new MailRecipient(person.DisplayName, person.Email, person.PreferredLanguage), () => (
            localizer["Application_MailSubject", receipt].Value,
            localizer["Application_MailBody", person.DisplayName, application.ProjectTitle, call.Title(Languages.Current), receipt, Seoul.Format(call.ClosesAt), links.To(PortalPaths.Application(application.Id))].Value));
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
