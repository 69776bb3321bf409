namespace GrantPortal.Core.Applications;

/// <summary>
/// A program officer asks an organization for more information (보완 요청) on its submitted application: a message,
/// the questions that reopen, and the Seoul day the answer is due. The organization's members hear of it by mail in
/// their own language; the request is audited. One request is open per application at a time.
/// </summary>
public sealed class RequestMoreInformation(
    IDbContextFactory<PortalDbContext> dbFactory,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    OrganizationMail mail,
    PortalLinks links,
    ILogger<RequestMoreInformation> logger)
{
    public async Task<Result<int>> RequestAsync(CurrentUser user, int applicationId, InformationRequestForm form, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(form);
        if (!user.IsIn(Roles.ProgramOfficer))
        {
            return Result.NotFound();
        }

        var errors = Check(form, Seoul.Today(clock));
        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Applications.AnyAsync(a => a.Id == applicationId && a.Status != ApplicationStatus.Draft, ct))
        {
            return Result.NotFound();
        }

        // The application's row lock makes "one open request" hold when two officers ask at once.
        var result = await db.InTransactionAsync(RowLock.On<Application>(applicationId), () => RequestUnderLockAsync(db, user, applicationId, form, ct), ct);
        if (result.Succeeded)
        {
            logger.LogInformation("More information requested on application {ApplicationId} by {UserId}", applicationId, user.UserId);
        }

        return result;
    }

    private List<FieldError> Check(InformationRequestForm form, LocalDate today)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(form.Message))
        {
            errors.Add(new FieldError(nameof(form.Message), localizer["InformationRequest_MessageRequired"]));
        }
        else if (form.Message.Trim().Length > InformationRequest.MessageMaxLength)
        {
            errors.Add(new FieldError(nameof(form.Message), localizer["InformationRequest_MessageTooLong", InformationRequest.MessageMaxLength]));
        }

        if (form.QuestionKeys.Count == 0)
        {
            errors.Add(new FieldError(nameof(form.QuestionKeys), localizer["InformationRequest_QuestionsRequired"]));
        }

        var latest = today.PlusDays(InformationRequestRules.MaxDueDays);
        if (form.DueOn is not { } due)
        {
            errors.Add(new FieldError(nameof(form.DueOn), localizer["InformationRequest_DueRequired"]));
        }
        else if (due <= today || due > latest)
        {
            errors.Add(new FieldError(nameof(form.DueOn), localizer["InformationRequest_DueOutOfRange", AnswerFormat.WriteDate(today.PlusDays(1)), AnswerFormat.WriteDate(latest)]));
        }

        return errors;
    }

    private async Task<Result<int>> RequestUnderLockAsync(PortalDbContext db, CurrentUser user, int applicationId, InformationRequestForm form, CancellationToken ct)
    {
        var application = await db.Applications
            .Include(a => a.BudgetLines)
            .Include(a => a.Attachments)
            .Include(a => a.Call)
            .AsSplitQuery()
            .SingleAsync(a => a.Id == applicationId, ct);
        if (application.Status is not (ApplicationStatus.Submitted or ApplicationStatus.UnderReview))
        {
            return Result.Refused(localizer["InformationRequest_NotSubmitted"]);
        }

        if (await db.InformationRequests.AnyAsync(r => r.ApplicationId == applicationId && r.AnsweredAt == null, ct))
        {
            return Result.Refused(localizer["InformationRequest_AlreadyOpen"]);
        }

        var formDefinition = await InformationRequestRules.FormOfAsync(db, application.FormVersionId, ct);
        var reopenable = InformationRequestRules.Reopenable(formDefinition, application.Answers).Select(i => i.Key).ToHashSet(StringComparer.Ordinal);
        if (form.QuestionKeys.FirstOrDefault(k => !reopenable.Contains(k)) is { } unknown)
        {
            return Result.Invalid(nameof(form.QuestionKeys), localizer["InformationRequest_UnknownQuestion", unknown]);
        }

        var now = clock.GetCurrentInstant();
        var request = InformationRequest.Open(application, form.Message!, form.QuestionKeys, form.DueOn!.Value, user, now);
        db.InformationRequests.Add(request);
        db.AuditEvents.Add(AuditEvent.Record(
            now,
            user.AsActor(),
            AuditActions.ApplicationInformationRequested,
            nameof(Application),
            application.Id.ToString(CultureInfo.InvariantCulture),
            after: JsonSerializer.Serialize(new { request.Message, request.QuestionKeys, DueOn = AnswerFormat.WriteDate(request.DueOn) }),
            reason: request.Message));

        var items = InformationRequestRules.Items(request.QuestionKeys, formDefinition);
        var link = links.To(PortalPaths.Application(application.Id));
        var receipt = application.ReceiptNumber ?? "";
        var due = AnswerFormat.WriteDate(request.DueOn);
        await mail.QueueAsync(db, application.OrganizationId, MailPurposes.InformationRequested, member => (
            localizer["InformationRequest_MailSubject", receipt, application.ProjectTitle].Value,
            localizer["InformationRequest_MailBody", member.DisplayName, application.ProjectTitle, receipt, request.Message,
                string.Join(", ", items.Select(i => i.Label(member.Language, localizer))), due, link].Value), ct);
        await db.SaveChangesAsync(ct);
        return Result.Done(request.Id);
    }
}

/// <summary>What the officer fills in to ask for more information.</summary>
public sealed record InformationRequestForm
{
    public string? Message { get; set; }

    public IReadOnlyList<string> QuestionKeys { get; set; } = [];

    public LocalDate? DueOn { get; set; }
}
