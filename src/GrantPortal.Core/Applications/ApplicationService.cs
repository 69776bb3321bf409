using System.Globalization;
using System.Text.Json;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Auditing;
using GrantPortal.Core.Calls;
using GrantPortal.Core.Data;
using GrantPortal.Core.Localization;
using GrantPortal.Core.Money;
using GrantPortal.Core.Notifications;
using GrantPortal.Core.Organizations;
using GrantPortal.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace GrantPortal.Core.Applications;

/// <summary>
/// An organization's applications from first draft to submission or withdrawal. Every method checks who is
/// asking: an applicant sees only their own organization's applications, a program officer sees all, and
/// anyone else gets "not found".
/// </summary>
public sealed partial class ApplicationService(
    IDbContextFactory<PortalDbContext> dbFactory,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    PortalLinks links,
    IOptions<AttachmentOptions> attachmentOptions,
    ILogger<ApplicationService> logger)
{
    public async Task<StartDraftResult> StartDraftAsync(CurrentUser user, int callId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsIn(Roles.Applicant) || user.OrganizationId is not { } organizationId)
        {
            return new StartDraftResult(null, localizer["Application_OnlyApplicants"]);
        }

        var now = clock.GetCurrentInstant();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var call = await db.Calls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == callId && c.IsPublished, ct);
        if (call is null)
        {
            return new StartDraftResult(null, localizer["Application_CallNotFound"]);
        }

        if (!call.IsOpenAt(now))
        {
            return new StartDraftResult(null, localizer["Application_CallNotOpen", Seoul.Format(call.OpensAt), Seoul.Format(call.ClosesAt)]);
        }

        // The same rule the call pages show: only a verified organization applies.
        var verification = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => (VerificationState?)o.Verification).SingleOrDefaultAsync(ct);
        var step = ApplyState.Decide(now, call.OpensAt, call.ClosesAt, ApplyReader.Applicant, verification, hasDraft: false);
        if (step == ApplyStep.OrganizationPending)
        {
            return new StartDraftResult(null, localizer["Apply_BlockedPending"]);
        }

        if (step == ApplyStep.OrganizationRejected)
        {
            return new StartDraftResult(null, localizer["Apply_BlockedRejected"]);
        }

        // One draft per organization and call: a second click on "apply", even at the same instant, returns to
        // the draft already begun. The check and the insert run under the call's row lock (a write that leaves
        // its version unchanged), so two requests cannot both find nothing and both create.
        var strategy = db.Database.CreateExecutionStrategy();
        var (applicationId, created) = await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.Calls.Where(c => c.Id == callId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Version, c => c.Version), ct);
            var existing = await db.Applications
                .Where(a => a.CallId == callId && a.OrganizationId == organizationId && a.Status == ApplicationStatus.Draft && a.RevisesId == null)
                .OrderBy(a => a.Id)
                .Select(a => (int?)a.Id)
                .FirstOrDefaultAsync(ct);
            if (existing is { } existingId)
            {
                return (existingId, false);
            }

            var application = Application.StartDraft(call, organizationId, user.UserId, now);
            db.Applications.Add(application);
            await db.SaveChangesAsync(ct);
            db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(), "application.draft-started", nameof(Application), Id(application.Id), after: JsonSerializer.Serialize(new { callId, organizationId })));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return (application.Id, true);
        });

        if (created)
        {
            logger.LogInformation("Organization {OrganizationId} started application {ApplicationId} in call {CallId}", organizationId, applicationId, callId);
        }

        return new StartDraftResult(applicationId, null);
    }

    public async Task<ApplicationView?> GetAsync(CurrentUser user, int id, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var application = await db.Applications.AsNoTracking().VisibleTo(user)
            .Include(a => a.Call!).ThenInclude(c => c.BudgetYear)
            .Include(a => a.Organization)
            .Include(a => a.BudgetLines)
            .Include(a => a.Attachments)
            .AsSplitQuery()
            .SingleOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
        {
            return null;
        }

        var call = application.Call!;
        var now = clock.GetCurrentInstant();
        var isOwner = IsOwner(user, application.OrganizationId);
        var revises = application.RevisesId is { } revisedId
            ? await db.Applications.AsNoTracking().Where(a => a.Id == revisedId).Select(a => a.ReceiptNumber).SingleOrDefaultAsync(ct)
            : null;
        var revisionInProgress = isOwner && application.Status == ApplicationStatus.Submitted
            ? await db.Applications.AsNoTracking().Where(a => a.RevisesId == application.Id && a.Status == ApplicationStatus.Draft).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct)
            : null;
        return new ApplicationView(
            application.Id,
            call.Id,
            call.Code,
            call.TitleEnglish,
            call.TitleKorean,
            call.ClosesAt,
            call.Categories,
            call.MinimumRequest,
            call.MaximumRequest,
            call.BudgetYear?.Year ?? Seoul.ToLocal(call.ClosesAt).Year,
            application.OrganizationId,
            new OrganizationName(application.Organization?.NameKorean ?? "", application.Organization?.Name ?? ""),
            application.Status,
            application.ReceiptNumber,
            application.SubmittedAt,
            application.LastSavedAt,
            application.WithdrawalReason,
            application.Version,
            ToDraft(application),
            application.Attachments.Where(f => f.ApplicationId == application.Id).OrderBy(f => f.Id).Select(ToView).ToList(),
            CanEdit: isOwner && application.Status == ApplicationStatus.Draft,
            CanWithdraw: isOwner && application.Status == ApplicationStatus.Submitted && !call.HasClosedAt(now))
        {
            RevisesReceipt = revises,
            RevisionInProgressId = revisionInProgress,
        };
    }

    /// <summary>
    /// Saves the whole form. <paramref name="expectedVersion"/> is the version the person's screen was built
    /// from; if someone saved since (another tab), the save is refused rather than overwriting their work.
    /// </summary>
    public async Task<DraftSaveResult> SaveDraftAsync(CurrentUser user, int id, ApplicationDraft form, int expectedVersion, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(form);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var application = await db.Applications.VisibleTo(user).Include(a => a.BudgetLines).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (application is null || !IsOwner(user, application.OrganizationId))
        {
            return Refused(expectedVersion, "", localizer["Application_NotFound"]);
        }

        if (application.Status != ApplicationStatus.Draft)
        {
            return Refused(application.Version, "", localizer["Application_NotEditable"]);
        }

        for (var i = 0; i < form.BudgetLines.Count; i++)
        {
            var amount = form.BudgetLines[i].Amount;
            if (amount.IsNegative || amount > Krw.Ceiling)
            {
                return Refused(application.Version, $"BudgetLines[{i}].Amount", localizer["Application_AmountOutOfRange", Krw.Ceiling.ForReader()]);
            }
        }

        if (application.Version != expectedVersion)
        {
            return Stale(application.Version);
        }

        // The screen's version is the concurrency check, not whatever was just read.
        db.Entry(application).Property(a => a.Version).OriginalValue = expectedVersion;
        var limits = new FieldLimits(db);
        application.ProjectTitle = limits.Clip(form.ProjectTitle, nameof(Application.ProjectTitle));
        application.Summary = limits.Clip(form.Summary, nameof(Application.Summary));
        application.Objectives = limits.Clip(form.Objectives, nameof(Application.Objectives));
        application.Activities = limits.Clip(form.Activities, nameof(Application.Activities));
        application.Beneficiaries = limits.Clip(form.Beneficiaries, nameof(Application.Beneficiaries));
        application.StartDate = form.StartDate;
        application.EndDate = form.EndDate;
        application.Category = form.Category;
        application.DeclarationAccepted = form.DeclarationAccepted;

        // Budget lines are replaced as a set: the form is the truth.
        db.BudgetLines.RemoveRange(application.BudgetLines);
        application.BudgetLines.Clear();
        var order = 0;
        foreach (var line in form.BudgetLines)
        {
            application.BudgetLines.Add(new BudgetLine
            {
                Order = order++,
                Category = line.Category,
                Item = limits.Clip(line.Item, nameof(BudgetLine.Item), typeof(BudgetLine)),
                Amount = line.Amount,
                Justification = limits.Clip(line.Justification, nameof(BudgetLine.Justification), typeof(BudgetLine)),
            });
        }

        var now = clock.GetCurrentInstant();
        application.MarkSaved(now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var check = await dbFactory.CreateDbContextAsync(ct);
            var current = await check.Applications.Where(a => a.Id == id).Select(a => a.Version).SingleOrDefaultAsync(ct);
            return Stale(current);
        }

        return new DraftSaveResult(true, application.Version, now, false, []);
    }

    /// <summary>
    /// Submits a draft once. Parallel or repeated requests for the same draft wait for each other on the call's
    /// row; the first gives the receipt number and every later one gets that same number back.
    /// </summary>
    public async Task<SubmitResult> SubmitAsync(CurrentUser user, int id, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var target = await db.Applications.AsNoTracking().VisibleTo(user)
            .Where(a => a.Id == id)
            .Select(a => new { a.CallId, a.OrganizationId })
            .SingleOrDefaultAsync(ct);
        if (target is null || !IsOwner(user, target.OrganizationId))
        {
            return new SubmitResult(null, false, [new FieldError("", localizer["Application_NotFound"])]);
        }

        // SQL Server retries transient failures; a user-started transaction must run inside that strategy.
        var strategy = db.Database.CreateExecutionStrategy();
        var outcome = await strategy.ExecuteAsync(() => SubmitInTransactionAsync(db, user, id, target.CallId, ct));
        if (outcome.Result.Succeeded && !outcome.Result.AlreadySubmitted)
        {
            logger.LogInformation("Application {ApplicationId} submitted as {ReceiptNumber}", id, outcome.Result.ReceiptNumber);
        }

        return outcome.Result;
    }

    private async Task<SubmitOutcome> SubmitInTransactionAsync(PortalDbContext db, CurrentUser user, int id, int callId, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        // Lock the call's row first, so submissions to one call run one at a time: the receipt sequence
        // cannot repeat and a second request for the same draft sees the first one's result. The write
        // leaves the version as it is, so an officer editing the call during a deadline rush is not refused.
        await db.Calls.Where(c => c.Id == callId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Version, c => c.Version), ct);

        var now = clock.GetCurrentInstant();
        var application = await db.Applications
            .Include(a => a.BudgetLines)
            .Include(a => a.Call!).ThenInclude(c => c.BudgetYear)
            .Include(a => a.Organization)
            .SingleAsync(a => a.Id == id, ct);
        var call = application.Call!;
        if (application.ReceiptNumber is { } existingReceipt && application.Status != ApplicationStatus.Withdrawn)
        {
            return new SubmitOutcome(new SubmitResult(existingReceipt, true, []), call, application.ProjectTitle);
        }

        if (application.Status != ApplicationStatus.Draft)
        {
            return Failed(call, new FieldError("", localizer["Application_NotEditable"]));
        }

        if (!call.IsOpenAt(now))
        {
            return Failed(call, new FieldError("Deadline", localizer["Application_DeadlinePassed", Seoul.Format(call.ClosesAt)]));
        }

        var year = call.BudgetYear?.Year ?? Seoul.ToLocal(call.ClosesAt).Year;
        var errors = ApplicationRules.Validate(ToDraft(application), call, year, application.Organization?.CanSubmitApplications == true, localizer);
        if (errors.Count > 0)
        {
            return new SubmitOutcome(new SubmitResult(null, false, errors), call, application.ProjectTitle);
        }

        var prefix = string.Create(CultureInfo.InvariantCulture, $"{year}-{call.Code}-");
        var last = await db.Applications
            .Where(a => a.CallId == callId && a.ReceiptNumber != null && a.ReceiptNumber.StartsWith(prefix))
            .Select(a => a.ReceiptNumber!)
            .OrderByDescending(r => r.Length).ThenByDescending(r => r)
            .FirstOrDefaultAsync(ct);
        var sequence = last is not null && int.TryParse(last.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n + 1 : 1;
        var receipt = string.Create(CultureInfo.InvariantCulture, $"{prefix}{sequence:0000}");

        if (application.RevisesId is { } revisedId)
        {
            // A revision replaces the application it revises, in the same transaction: never both in force, never neither.
            var revised = await db.Applications.SingleAsync(a => a.Id == revisedId, ct);
            if (revised.Status != ApplicationStatus.Submitted)
            {
                return Failed(call, new FieldError("", localizer["Application_RevisedNoLongerSubmitted", revised.ReceiptNumber ?? ""]));
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
        await transaction.CommitAsync(ct);
        return new SubmitOutcome(new SubmitResult(receipt, false, []), call, application.ProjectTitle);

        SubmitOutcome Failed(Call c, FieldError error) => new(new SubmitResult(null, false, [error]), c, application.ProjectTitle);
    }

    public async Task<WithdrawResult> WithdrawAsync(CurrentUser user, int id, string? reason, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var application = await db.Applications.VisibleTo(user).Include(a => a.Call).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (application is null || !IsOwner(user, application.OrganizationId))
        {
            return new WithdrawResult(false, localizer["Application_NotFound"]);
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return new WithdrawResult(false, localizer["Application_WithdrawReasonRequired"]);
        }

        var now = clock.GetCurrentInstant();
        if (application.Call!.HasClosedAt(now))
        {
            return new WithdrawResult(false, localizer["Application_WithdrawAfterDeadline", Seoul.Format(application.Call.ClosesAt)]);
        }

        if (!ApplicationStatusMachine.CanMove(application.Status, ApplicationStatus.Withdrawn))
        {
            return new WithdrawResult(false, localizer["Application_CannotWithdraw"]);
        }

        var limits = new FieldLimits(db);
        application.Withdraw(limits.Clip(reason, nameof(Application.WithdrawalReason)), now);
        db.AuditEvents.Add(AuditEvent.Record(
            now,
            user.AsActor(),
            "application.withdrawn",
            nameof(Application),
            Id(application.Id),
            before: JsonSerializer.Serialize(new { Status = nameof(ApplicationStatus.Submitted) }),
            after: JsonSerializer.Serialize(new { Status = nameof(ApplicationStatus.Withdrawn) }),
            reason: application.WithdrawalReason));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new WithdrawResult(false, localizer["Error_Concurrency"]);
        }

        logger.LogInformation("Application {ApplicationId} withdrawn by {UserId}", id, user.UserId);
        return new WithdrawResult(true, null);
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

    internal static bool IsOwner(CurrentUser user, int organizationId) =>
        user.IsIn(Roles.Applicant) && user.OrganizationId == organizationId;

    private DraftSaveResult Stale(int currentVersion) =>
        new(false, currentVersion, null, true, [new FieldError("", localizer["Application_StaleDraft"])]);

    private static DraftSaveResult Refused(int version, string field, string message) =>
        new(false, version, null, false, [new FieldError(field, message)]);

    private static ApplicationDraft ToDraft(Application application) => new()
    {
        ProjectTitle = application.ProjectTitle,
        Summary = application.Summary,
        Objectives = application.Objectives,
        Activities = application.Activities,
        Beneficiaries = application.Beneficiaries,
        StartDate = application.StartDate,
        EndDate = application.EndDate,
        Category = application.Category,
        DeclarationAccepted = application.DeclarationAccepted,
        BudgetLines = application.BudgetLines.OrderBy(l => l.Order).Select(l => new BudgetLineDraft
        {
            Category = l.Category,
            Item = l.Item,
            Amount = l.Amount,
            Justification = l.Justification,
        }).ToList(),
    };

    internal static AttachmentView ToView(Attachment file) =>
        new(file.Id, file.DisplayName, file.Kind, file.SizeBytes, file.Sha256, file.UploadedAt);

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private sealed record SubmitOutcome(SubmitResult Result, Call Call, string ProjectTitle);

    /// <summary>Text is cut to the column's length, so a long paste saves instead of failing.</summary>
    private sealed class FieldLimits(PortalDbContext db)
    {
        public string Clip(string? value, string property, Type? entity = null)
        {
            var text = (value ?? "").Trim();
            var max = db.Model.FindEntityType(entity ?? typeof(Application))?.FindProperty(property)?.GetMaxLength();
            return max is { } limit && text.Length > limit ? text[..limit] : text;
        }
    }
}

/// <summary>What a submission must satisfy, in the order the form shows the fields.</summary>
public static class ApplicationRules
{
    public static IReadOnlyList<FieldError> Validate(ApplicationDraft form, Call call, int budgetYear, bool organizationVerified, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(localizer);
        var errors = new List<FieldError>();
        void Require(string value, string field, string key)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add(new FieldError(field, localizer[key]));
            }
        }

        Require(form.ProjectTitle, nameof(form.ProjectTitle), "Application_TitleRequired");
        Require(form.Summary, nameof(form.Summary), "Application_SummaryRequired");
        Require(form.Objectives, nameof(form.Objectives), "Application_ObjectivesRequired");
        Require(form.Activities, nameof(form.Activities), "Application_ActivitiesRequired");
        Require(form.Beneficiaries, nameof(form.Beneficiaries), "Application_BeneficiariesRequired");
        var yearText = budgetYear.ToString(CultureInfo.InvariantCulture);
        CheckDate(form.StartDate, nameof(form.StartDate), "Application_StartDateRequired");
        CheckDate(form.EndDate, nameof(form.EndDate), "Application_EndDateRequired");
        if (form.StartDate is { } start && form.EndDate is { } end && start.Year == budgetYear && end.Year == budgetYear && end < start)
        {
            errors.Add(new FieldError(nameof(form.EndDate), localizer["Application_EndBeforeStart"]));
        }

        if (form.Category == ProjectCategories.None)
        {
            errors.Add(new FieldError(nameof(form.Category), localizer["Application_CategoryRequired"]));
        }
        else if (!call.Allows(form.Category) || !Enum.IsDefined(form.Category) || form.Category == ProjectCategories.All)
        {
            errors.Add(new FieldError(nameof(form.Category), localizer["Application_CategoryNotAllowed"]));
        }

        if (form.BudgetLines.Count == 0)
        {
            errors.Add(new FieldError(nameof(form.BudgetLines), localizer["Application_BudgetRequired"]));
        }
        else
        {
            for (var i = 0; i < form.BudgetLines.Count; i++)
            {
                var line = form.BudgetLines[i];
                if (string.IsNullOrWhiteSpace(line.Item))
                {
                    errors.Add(new FieldError($"BudgetLines[{i}].Item", localizer["Application_BudgetItemRequired", i + 1]));
                }

                if (line.Amount <= Krw.Zero || line.Amount > Krw.Ceiling)
                {
                    errors.Add(new FieldError($"BudgetLines[{i}].Amount", localizer["Application_BudgetAmountInvalid", i + 1]));
                }
            }

            var total = SafeTotal(form);
            if (total is null || !call.IsWithinRequestLimits(total.Value))
            {
                errors.Add(new FieldError(
                    nameof(form.BudgetLines),
                    localizer["Application_TotalOutsideLimits", call.MinimumRequest.ForReader(), call.MaximumRequest.ForReader(), (total ?? Krw.Ceiling).ForReader()]));
            }
        }

        if (!form.DeclarationAccepted)
        {
            errors.Add(new FieldError(nameof(form.DeclarationAccepted), localizer["Application_DeclarationRequired"]));
        }

        if (!organizationVerified)
        {
            errors.Add(new FieldError("Organization", localizer["Application_OrganizationNotVerified"]));
        }

        return errors;

        void CheckDate(LocalDate? date, string field, string requiredKey)
        {
            if (date is null)
            {
                errors.Add(new FieldError(field, localizer[requiredKey]));
            }
            else if (date.Value.Year != budgetYear)
            {
                errors.Add(new FieldError(field, localizer["Application_DateOutsideYear", yearText]));
            }
        }
    }

    private static Krw? SafeTotal(ApplicationDraft form)
    {
        try
        {
            return form.RequestedTotal;
        }
        catch (OverflowException)
        {
            return null;
        }
    }
}

internal static class ApplicationAccess
{
    /// <summary>Officers see every application; applicants their organization's; anyone else none.</summary>
    public static IQueryable<Application> VisibleTo(this IQueryable<Application> applications, CurrentUser user)
    {
        if (user.IsIn(Roles.ProgramOfficer))
        {
            return applications;
        }

        if (user.IsIn(Roles.Applicant) && user.OrganizationId is { } organizationId)
        {
            return applications.Where(a => a.OrganizationId == organizationId);
        }

        return applications.Where(a => false);
    }
}
