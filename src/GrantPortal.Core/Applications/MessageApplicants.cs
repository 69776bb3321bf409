namespace GrantPortal.Core.Applications;

/// <summary>What a program officer writes to the applicants of the selected applications.</summary>
public sealed record ApplicantMessage(string Subject, string Body);

/// <summary>
/// A program officer sends one message to the applicants of several submitted applications. For each application the
/// organization's members get the message through the outbox, with a line naming the application, saved together
/// with the application's own audit event; an organization with nobody to receive it is reported. The page gives each
/// batch a key, and an application already sent this batch's message is skipped, so sending twice mails once.
/// </summary>
public sealed class MessageApplicants(
    IDbContextFactory<PortalDbContext> dbFactory,
    OrganizationMail mail,
    PortalLinks links,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    ILogger<MessageApplicants> logger)
{
    public const int SubjectMaxLength = 200;

    public const int BodyMaxLength = 5000;

    public async Task<Result<BatchSummary>> SendAsync(CurrentUser user, IReadOnlyCollection<int> applicationIds, ApplicantMessage message, Guid batchKey, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(message);
        if (!user.IsIn(Roles.ProgramOfficer))
        {
            return Result.NotFound();
        }

        if (Batch.Check(applicationIds, localizer) is { } invalid)
        {
            return invalid;
        }

        if (Validate(message) is { Count: > 0 } errors)
        {
            return Result.Invalid(errors);
        }

        var subject = message.Subject.Trim();
        var body = message.Body.Trim();
        var key = batchKey.ToString("N");
        return Result.Done(await Batch.EachAsync(applicationIds, id => SendOneAsync(user, id, subject, body, key, ct)));
    }

    private async Task<BatchItem> SendOneAsync(CurrentUser user, int applicationId, string subject, string body, string batchKey, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Officers see submitted applications, never drafts: a draft reads as not found, as on the intake list.
        var application = await db.Applications.FullProposals().AsNoTracking()
            .Where(a => a.Id == applicationId && a.Status != ApplicationStatus.Draft)
            .Select(a => new { a.ReceiptNumber, a.ProjectTitle, a.OrganizationId })
            .SingleOrDefaultAsync(ct);
        if (application is null)
        {
            return Batch.Fail(applicationId, Batch.Unknown(applicationId), localizer["Applications_MessageNotFound"]);
        }

        var entityId = applicationId.ToString(CultureInfo.InvariantCulture);
        var label = (application.ReceiptNumber ?? "") + " · " + application.ProjectTitle;
        if (await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.ApplicationMessageSent && e.EntityType == nameof(Application) && e.EntityId == entityId && e.After != null && e.After.Contains(batchKey), ct))
        {
            return Batch.Skip(applicationId, label, localizer["Applications_MessageAlreadySent"]);
        }

        var link = links.To(PortalPaths.Application(applicationId));
        var sent = await mail.QueueAsync(db, application.OrganizationId, MailPurposes.OfficerMessage,
            _ => (subject, body + "\n\n" + localizer["Applications_MessageAbout", application.ReceiptNumber ?? "", application.ProjectTitle, link].Value), ct);
        if (sent == 0)
        {
            return Batch.Fail(applicationId, label, localizer["Applications_MessageNoRecipients"]);
        }

        // The event keeps the batch's key, so a second send of the same batch finds it.
        db.AuditEvents.Add(AuditEvent.Record(clock.GetCurrentInstant(), user.AsActor(), AuditActions.ApplicationMessageSent, nameof(Application), entityId,
            after: JsonSerializer.Serialize(new { Subject = subject, Recipients = sent, Batch = batchKey })));
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Officer {UserId} sent a message about application {ApplicationId} to {Count} applicants", user.UserId, applicationId, sent);
        return new BatchItem(applicationId, label, BatchItemState.Done, null);
    }

    private List<FieldError> Validate(ApplicantMessage message)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(message.Subject))
        {
            errors.Add(new FieldError(nameof(ApplicantMessage.Subject), localizer["Applications_MessageSubjectRequired"]));
        }
        else if (message.Subject.Trim().Length > SubjectMaxLength)
        {
            errors.Add(new FieldError(nameof(ApplicantMessage.Subject), localizer["Applications_MessageSubjectTooLong", SubjectMaxLength]));
        }

        if (string.IsNullOrWhiteSpace(message.Body))
        {
            errors.Add(new FieldError(nameof(ApplicantMessage.Body), localizer["Applications_MessageBodyRequired"]));
        }
        else if (message.Body.Trim().Length > BodyMaxLength)
        {
            errors.Add(new FieldError(nameof(ApplicantMessage.Body), localizer["Applications_MessageBodyTooLong", BodyMaxLength]));
        }

        return errors;
    }
}
