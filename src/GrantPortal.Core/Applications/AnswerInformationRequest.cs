namespace GrantPortal.Core.Applications;

/// <summary>
/// The organization answers a request for more information: it changes only the reopened questions and resubmits
/// under the same receipt number. Every other field is locked here, whatever a page sends. The request keeps the
/// application as it was before and as resubmitted; the officer who asked hears of the answer by mail.
/// </summary>
public sealed class AnswerInformationRequest(
    IDbContextFactory<PortalDbContext> dbFactory,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    PortalLinks links,
    ILogger<AnswerInformationRequest> logger)
{
    public async Task<Result> ResubmitAsync(CurrentUser user, int applicationId, InformationAnswer answer, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(answer);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.FindOwnedAsync(user, applicationId, ct) is null)
        {
            return Result.NotFound();
        }

        // Under the application's row lock: a second click, or a colleague's answer, finds the request already answered.
        var result = await db.InTransactionAsync(RowLock.On<Application>(applicationId), () => ResubmitUnderLockAsync(db, user, applicationId, answer, ct), ct);
        if (result.Succeeded)
        {
            logger.LogInformation("Application {ApplicationId} resubmitted with more information by {UserId}", applicationId, user.UserId);
        }

        return result;
    }

    private async Task<Result> ResubmitUnderLockAsync(PortalDbContext db, CurrentUser user, int applicationId, InformationAnswer answer, CancellationToken ct)
    {
        var request = await db.InformationRequests.SingleOrDefaultAsync(r => r.ApplicationId == applicationId && r.AnsweredAt == null, ct);
        if (request is null)
        {
            return Result.Refused(localizer["InformationRequest_NoneOpen"]);
        }

        var application = await db.Applications
            .Include(a => a.BudgetLines)
            .Include(a => a.Attachments)
            .Include(a => a.Call!).ThenInclude(c => c.BudgetYear)
            .AsSplitQuery()
            .SingleAsync(a => a.Id == applicationId, ct);
        if (application.Status is not (ApplicationStatus.Submitted or ApplicationStatus.UnderReview))
        {
            return Result.Refused(localizer["InformationRequest_NotSubmitted"]);
        }

        var form = await InformationRequestRules.FormOfAsync(db, application.FormVersionId, ct);
        var items = InformationRequestRules.Items(request.QuestionKeys, form);
        if (LockedChange(request, application, answer) is { } locked)
        {
            var label = new ReopenedItem(locked, form.Find(locked)).Label(Languages.Current, localizer);
            return Result.Refused(localizer["InformationRequest_Locked", label]);
        }

        Apply(request, application, answer, form, new FieldLimits(db));
        var errors = Validate(request, application, form);
        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }

        var now = clock.GetCurrentInstant();
        application.MarkResubmitted(now);
        request.Answer(application, user.UserId, now);
        db.AuditEvents.Add(AuditEvent.Record(
            now,
            user.AsActor(),
            AuditActions.ApplicationInformationAnswered,
            nameof(Application),
            application.Id.ToString(CultureInfo.InvariantCulture),
            before: JsonColumns.Write(Changed(request.Before, items)),
            after: JsonColumns.Write(Changed(request.After, items))));
        await QueueOfficerMailAsync(db, request, application, now, ct);
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

    /// <summary>The first field or question the answer changes that the request did not reopen; null when it changes only reopened ones.</summary>
    private static string? LockedChange(InformationRequest request, Application application, InformationAnswer answer)
    {
        var changes = new List<string>();
        if (answer.ProjectTitle is { } title && title.Trim() != application.ProjectTitle)
        {
            changes.Add(ReopenableFields.ProjectTitle);
        }

        if (answer.Summary is { } summary && summary.Trim() != application.Summary)
        {
            changes.Add(ReopenableFields.Summary);
        }

        if ((answer.StartDate is { } start && start != application.StartDate) || (answer.EndDate is { } end && end != application.EndDate))
        {
            changes.Add(ReopenableFields.ProjectDates);
        }

        if (answer.BudgetLines is { } lines && !lines.Select(Line).SequenceEqual(application.BudgetLines.OrderBy(l => l.Order).Select(l => Line(BudgetLineDraftOf(l)))))
        {
            changes.Add(ReopenableFields.BudgetLines);
        }

        changes.AddRange(answer.Answers.Where(a => a.Value != application.Answers.GetValueOrDefault(a.Key, "")).Select(a => a.Key));
        return changes.FirstOrDefault(key => !request.Reopens(key));

        static (BudgetCategory, string, Krw, string, bool) Line(BudgetLineDraft l) => (l.Category, l.Item.Trim(), l.Amount, l.Justification.Trim(), l.IsOwnContribution);
    }

    private static BudgetLineDraft BudgetLineDraftOf(BudgetLine line) =>
        new() { Category = line.Category, Item = line.Item, Amount = line.Amount, Justification = line.Justification, IsOwnContribution = line.IsOwnContribution };

    /// <summary>Writes the reopened fields; the locked ones were checked to be unchanged, so only reopened ones differ.</summary>
    private static void Apply(InformationRequest request, Application application, InformationAnswer answer, FormDefinition form, FieldLimits limits)
    {
        if (request.Reopens(ReopenableFields.ProjectTitle) && answer.ProjectTitle is { } title)
        {
            application.ProjectTitle = limits.Clip(title, nameof(Application.ProjectTitle));
        }

        if (request.Reopens(ReopenableFields.Summary) && answer.Summary is { } summary)
        {
            application.Summary = limits.Clip(summary, nameof(Application.Summary));
        }

        if (request.Reopens(ReopenableFields.ProjectDates))
        {
            application.StartDate = answer.StartDate ?? application.StartDate;
            application.EndDate = answer.EndDate ?? application.EndDate;
        }

        if (request.Reopens(ReopenableFields.BudgetLines) && answer.BudgetLines is { } lines)
        {
            application.BudgetLines.Clear();
            var order = 0;
            foreach (var line in lines)
            {
                application.BudgetLines.Add(new BudgetLine
                {
                    Order = order++,
                    Category = line.Category,
                    Item = limits.Clip(line.Item, nameof(BudgetLine.Item), typeof(BudgetLine)),
                    Amount = line.Amount,
                    Justification = limits.Clip(line.Justification, nameof(BudgetLine.Justification), typeof(BudgetLine)),
                    IsOwnContribution = line.IsOwnContribution,
                });
            }
        }

        // A new dictionary, so the JSON column is seen as changed. A file question has no answer string: its files changed as they were uploaded.
        var answers = new Dictionary<string, string>(application.Answers, StringComparer.Ordinal);
        foreach (var (key, value) in answer.Answers.Where(a => request.Reopens(a.Key) && form.Find(a.Key) is not { Type: QuestionType.File }))
        {
            answers[key] = value;
        }

        application.Answers = answers;
    }

    /// <summary>The submission rules, for the reopened fields only: a locked field cannot be corrected, so it is not held against the answer.</summary>
    private List<FieldError> Validate(InformationRequest request, Application application, FormDefinition form)
    {
        var call = application.Call!;
        var year = call.BudgetYear?.Year ?? Seoul.ToLocal(call.ClosesAt).Year;
        var errors = ApplicationRules.Validate(ApplicationDraft.From(application), call, year, organizationVerified: true, localizer)
            .Where(e => ReopenableFields.Of(e.Field) is { } field && request.Reopens(field))
            .ToList();
        errors.AddRange(InformationRequestRules.CheckReopened(form, application, request.QuestionKeys.Where(k => !ReopenableFields.IsBuiltIn(k)), Languages.Current, localizer));
        return errors;
    }

    /// <summary>Only what the request reopened, for the audit trail's before and after.</summary>
    private Dictionary<string, string> Changed(ApplicationSnapshot snapshot, IReadOnlyList<ReopenedItem> items) =>
        items.ToDictionary(i => i.Key, i => InformationRequestRules.Text(snapshot, i, Languages.Current, localizer), StringComparer.Ordinal);

    private async Task QueueOfficerMailAsync(PortalDbContext db, InformationRequest request, Application application, Instant now, CancellationToken ct)
    {
        var officer = await db.Users.AsNoTracking()
            .Where(u => u.Id == request.RequestedById && u.Email != null)
            .Select(u => new { u.DisplayName, u.Email, u.PreferredLanguage })
            .SingleOrDefaultAsync(ct);
        if (officer is null)
        {
            return;
        }

        var to = new MailRecipient(officer.DisplayName, officer.Email!, Languages.Normalize(officer.PreferredLanguage));
        var receipt = application.ReceiptNumber ?? "";
        MailOutbox.Add(db, now, MailPurposes.InformationAnswered, to, () => (
            localizer["InformationRequest_AnsweredMailSubject", receipt, application.ProjectTitle].Value,
            localizer["InformationRequest_AnsweredMailBody", to.DisplayName, application.ProjectTitle, receipt, links.To(PortalPaths.Application(application.Id))].Value));
    }
}

/// <summary>
/// The applicant's answer: the reopened fields' new values. A built-in field left null is not sent; a field or answer
/// that is sent with a different value but was not reopened refuses the whole answer.
/// </summary>
public sealed record InformationAnswer
{
    public string? ProjectTitle { get; init; }

    public string? Summary { get; init; }

    public LocalDate? StartDate { get; init; }

    public LocalDate? EndDate { get; init; }

    public IReadOnlyList<BudgetLineDraft>? BudgetLines { get; init; }

    public IReadOnlyDictionary<string, string> Answers { get; init; } = new Dictionary<string, string>();
}
