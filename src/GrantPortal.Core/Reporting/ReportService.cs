using System.Globalization;
using System.Text.Json;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Applications;
using GrantPortal.Core.Auditing;
using GrantPortal.Core.Awards;
using GrantPortal.Core.Calls;
using GrantPortal.Core.Data;
using GrantPortal.Core.Localization;
using GrantPortal.Core.Notifications;
using GrantPortal.Core.Organizations;
using GrantPortal.Core.Money;
using GrantPortal.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace GrantPortal.Core.Reporting;

/// <summary>
/// Project reports: the grantee drafts (autosaved) and submits; the program officer approves or returns with a
/// comment, and the grantee resubmits. Every step writes an audit event, which is also the report's history.
/// Applicants see only their own organization's reports; everyone but officers and the owning applicants is
/// told the report does not exist.
/// </summary>
public sealed class ReportService(
    IDbContextFactory<PortalDbContext> dbFactory,
    OrganizationMail mail,
    PortalLinks links,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    ILogger<ReportService> logger)
{
    private static readonly string[] HistoryActions = ["report.submitted", "report.returned", "report.approved"];

    /// <summary>The applicant's organization's reports, due first; empty for anyone else.</summary>
    public async Task<IReadOnlyList<ReportRow>> ListForOrganizationAsync(CurrentUser user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsIn(Roles.Applicant) || user.OrganizationId is null)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await Rows(db, VisibleTo(db, user)).ToListAsync(ct);
        return rows.OrderBy(r => r.Status is ReportStatus.Approved or ReportStatus.Submitted)
            .ThenBy(r => r.DueOn)
            .ToList();
    }

    /// <summary>The officer's queue: reports in a status (all when none), oldest submission first, a page at a time.</summary>
    public async Task<ReportPage?> SearchAsync(CurrentUser user, ReportQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(query);
        if (!user.IsIn(Roles.ProgramOfficer))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var reports = db.ProjectReports.AsNoTracking();
        if (query.Status is { } status)
        {
            reports = reports.Where(r => r.Status == status);
        }

        if (query.Year is { } year)
        {
            reports = reports.Where(r => db.Awards.Any(a => a.Id == r.AwardId && db.Calls.Any(c => c.Id == a.CallId && c.BudgetYear!.Year == year)));
        }

        var total = await reports.CountAsync(ct);
        var size = Math.Clamp(query.PageSize, 1, 100);
        var page = await Rows(db, reports.OrderBy(r => r.SubmittedAt == null).ThenBy(r => r.SubmittedAt).ThenBy(r => r.DueOn).ThenBy(r => r.Id))
            .Skip(Math.Max(0, query.Page) * size)
            .Take(size)
            .ToListAsync(ct);
        return new ReportPage(page, total);
    }

    /// <summary>Count of reports waiting for the officer.</summary>
    public async Task<int> CountAwaitingReviewAsync(CurrentUser user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsIn(Roles.ProgramOfficer))
        {
            return 0;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ProjectReports.CountAsync(r => r.Status == ReportStatus.Submitted, ct);
    }

    public async Task<ReportView?> GetAsync(CurrentUser user, int id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var report = await VisibleTo(db, user).AsNoTracking()
            .Include(r => r.SpendingLines)
            .Include(r => r.Receipts)
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
        {
            return null;
        }

        var award = await db.Awards.AsNoTracking()
            .Where(a => a.Id == report.AwardId)
            .Select(a => new
            {
                a.Amount,
                a.OrganizationId,
                a.Application!.ProjectTitle,
                a.Application.Organization!.NameKorean,
                a.Application.Organization.Name,
                Call = a.Application.Call!.Code,
                a.Application.Call.BudgetYear!.Year,
                a.Application.Call.ReceiptsRequired,
                a.Application.StartDate,
                a.Application.EndDate,
            })
            .SingleAsync(ct);
        var baseline = SpendingBaseline.For(report.Kind, award.StartDate, award.EndDate, report.DueOn);
        var lines = (report.SpendingLines.Count > 0
                ? report.SpendingLines.OrderBy(l => l.Id).Select(ToDraft).ToList()
                : await ApprovedBudgetAsync(db, report.AwardId, ct))
            .Select(l => baseline.IsWholeBudget ? l : l with { Expected = baseline.Expected(l.Budgeted) })
            .ToList();
        var form = new ReportDraft
        {
            ActivitiesCarriedOut = report.ActivitiesCarriedOut,
            Outcomes = report.Outcomes,
            EventsAndPublications = report.EventsAndPublications,
            Lessons = report.Lessons,
            Participants = report.Participants,
            Beneficiaries = report.Beneficiaries,
            EventsHeld = report.EventsHeld,
            Publications = report.Publications,
            MediaReach = report.MediaReach,
            SpendingLines = lines,
        };
        var entityId = id.ToString(CultureInfo.InvariantCulture);
        var history = await db.AuditEvents.AsNoTracking()
            .Where(e => e.EntityType == nameof(ProjectReport) && e.EntityId == entityId && HistoryActions.Contains(e.Action))
            .OrderBy(e => e.Id)
            .Select(e => new ReportHistoryEntry(e.OccurredAt, e.Action, e.ActorName, e.Reason))
            .ToListAsync(ct);
        var tranches = await GatedTranchesAsync(db, id, ct);
        var isOwner = user.IsIn(Roles.Applicant) && user.OrganizationId == award.OrganizationId;
        return new ReportView(
            report.Id,
            report.AwardId,
            report.Kind,
            report.Status,
            report.DueOn,
            award.ProjectTitle,
            new OrganizationName(award.NameKorean, award.Name),
            award.Call,
            award.Year,
            award.Amount,
            report.Version,
            form,
            report.SubmittedAt,
            report.ReviewedAt,
            report.OfficerComment,
            report.SubmissionCount,
            report.Receipts.OrderBy(r => r.UploadedAt).Select(AttachmentView.From).ToList(),
            history,
            tranches,
            CanEdit: isOwner && IsEditable(report.Status),
            CanReview: user.IsIn(Roles.ProgramOfficer) && report.Status == ReportStatus.Submitted,
            baseline,
            award.ReceiptsRequired.AppliesTo(report.Kind));
    }

    /// <summary>Autosave: keeps whatever the grantee typed, complete or not, if the report is still theirs to edit.</summary>
    public async Task<ReportResult> SaveDraftAsync(CurrentUser user, int id, int expectedVersion, ReportDraft draft, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(draft);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (report, refusal) = await LoadForOwnerAsync(db, user, id, expectedVersion, ct);
        if (report is null)
        {
            return refusal!;
        }

        var errors = ValidateNumbers(draft);
        if (errors.Count > 0)
        {
            return new ReportResult(ReportOutcome.Invalid, report.Version, errors, []);
        }

        await ApplyAsync(db, report, draft, ct);
        if (report.Status == ReportStatus.Due)
        {
            report.Status = ReportStatus.Draft;
        }

        return await SaveAsync(db, report, null, ct);
    }

    /// <summary>Saves and hands the report to the officer; the narrative must be complete and large variances explained.</summary>
    public async Task<ReportResult> SubmitAsync(CurrentUser user, int id, int expectedVersion, ReportDraft draft, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(draft);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (report, refusal) = await LoadForOwnerAsync(db, user, id, expectedVersion, ct);
        if (report is null)
        {
            return refusal!;
        }

        await ApplyAsync(db, report, draft, ct);
        var errors = ValidateNumbers(draft);
        errors.AddRange(await ValidateForSubmissionAsync(db, report, ct));
        if (errors.Count > 0)
        {
            return new ReportResult(ReportOutcome.Invalid, expectedVersion, errors, []);
        }

        var now = clock.GetCurrentInstant();
        var before = report.Status;
        report.Status = ReportStatus.Submitted;
        report.SubmittedAt = now;
        report.SubmissionCount++;
        var audit = AuditEvent.Record(
            now,
            user.AsActor(),
            "report.submitted",
            nameof(ProjectReport),
            id.ToString(CultureInfo.InvariantCulture),
            JsonSerializer.Serialize(new { Status = before.ToString() }),
            Snapshot(report));
        var result = await SaveAsync(db, report, audit, ct);
        if (result.Succeeded)
        {
            logger.LogInformation("Report {ReportId} submitted by {UserId} (submission {Count})", id, user.UserId, report.SubmissionCount);
        }

        return result;
    }

    /// <summary>Approves a submitted report; the tranches that waited for it may then be paid.</summary>
    public Task<ReportResult> ApproveAsync(CurrentUser user, int id, int expectedVersion, string? comment, CancellationToken ct) =>
        ReviewAsync(user, id, expectedVersion, approve: true, comment, ct);

    /// <summary>Sends a submitted report back to the grantee with the officer's comment, which is required.</summary>
    public Task<ReportResult> ReturnAsync(CurrentUser user, int id, int expectedVersion, string comment, CancellationToken ct) =>
        ReviewAsync(user, id, expectedVersion, approve: false, comment, ct);

    /// <summary>Attaches a receipt to a report the grantee can still edit, under the same rules as application attachments.</summary>
    public async Task<Result<AttachmentView>> UploadReceiptAsync(CurrentUser user, int id, string fileName, Stream content, AttachmentStore store, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(store);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var report = await VisibleTo(db, user).AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (report is null || !user.IsIn(Roles.Applicant))
        {
            return Result.NotFound();
        }

        if (!IsEditable(report.Status))
        {
            return Result.Refused(localizer["Reports_NotEditable"]);
        }

        return await store.UploadReceiptAsync(user, id, fileName, content, ct);
    }

    /// <summary>Receipt ids the reader may download: the same visibility as the report.</summary>
    public async Task<bool> CanReadReceiptAsync(CurrentUser user, int attachmentId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visible = VisibleTo(db, user).Select(r => (int?)r.Id);
        return await db.Attachments.AnyAsync(a => a.Id == attachmentId && visible.Contains(a.ProjectReportId), ct);
    }

    public static bool IsEditable(ReportStatus status) => status is ReportStatus.Due or ReportStatus.Draft or ReportStatus.Returned;

    /// <summary>
    /// The award's budget as approved: the application's lines scaled to the awarded amount, in whole 10,000 won,
    /// the last line taking the remainder so the lines add up to the award exactly.
    /// </summary>
    public static List<SpendingLineDraft> ScaleBudget(IReadOnlyList<BudgetLine> lines, Krw awarded)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var requested = lines.Sum(l => l.Amount.Won);
        var result = new List<SpendingLineDraft>(lines.Count);
        var allocated = 0L;
        for (var i = 0; i < lines.Count; i++)
        {
            var budgeted = i == lines.Count - 1 || requested == 0
                ? awarded.Won - allocated
                : lines[i].Amount.Won * awarded.Won / requested / 10_000 * 10_000;
            allocated += budgeted;
            result.Add(new SpendingLineDraft { BudgetLineId = lines[i].Id, Category = lines[i].Category, Item = lines[i].Item, Budgeted = new Krw(budgeted) });
        }

        return result;
    }

    private async Task<ReportResult> ReviewAsync(CurrentUser user, int id, int expectedVersion, bool approve, string? comment, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsIn(Roles.ProgramOfficer))
        {
            return NotFound();
        }

        var trimmed = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (!approve && trimmed is null)
        {
            return new ReportResult(ReportOutcome.Invalid, expectedVersion, [new FieldError("Comment", localizer["Reports_CommentRequired"])], []);
        }

        if (trimmed is { Length: > 4000 })
        {
            return new ReportResult(ReportOutcome.Invalid, expectedVersion, [new FieldError("Comment", localizer["Reports_TooLong", localizer["Reports_Comment"], 4000])], []);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var report = await db.ProjectReports.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
        {
            return NotFound();
        }

        if (report.Version != expectedVersion)
        {
            return Stale(report.Version);
        }

        if (report.Status != ReportStatus.Submitted)
        {
            return new ReportResult(ReportOutcome.NotEditable, report.Version, [new FieldError("", localizer["Reports_NotSubmitted"])], []);
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
            id.ToString(CultureInfo.InvariantCulture),
            JsonSerializer.Serialize(new { Status = nameof(ReportStatus.Submitted) }),
            JsonSerializer.Serialize(new { Status = report.Status.ToString(), report.SubmissionCount }),
            trimmed);
        var result = await SaveAsync(db, report, audit, ct);
        if (!result.Succeeded)
        {
            return result;
        }

        logger.LogInformation("Report {ReportId} {Decision} by {UserId}", id, approve ? "approved" : "returned", user.UserId);
        await TellGranteeAsync(db, report, ct);
        return approve ? result with { UnlockedTranches = await GatedTranchesAsync(db, id, ct) } : result;
    }

    /// <summary>The grantee's people hear of an approval, or of a return with the officer's comment, by mail.</summary>
    private async Task TellGranteeAsync(PortalDbContext db, ProjectReport report, CancellationToken ct)
    {
        var award = await db.Awards.AsNoTracking().Where(a => a.Id == report.AwardId)
            .Select(a => new { a.OrganizationId, a.Application!.ProjectTitle })
            .SingleAsync(ct);
        var link = links.To(PortalPaths.Report(report.Id));

        // A returned report may still be within its deadline: the mail says "is due" or "was due" as the calendar says.
        var deadlinePassed = report.DueOn < Seoul.Today(clock);
        await mail.SendAsync(award.OrganizationId, member =>
        {
            var kind = localizer["Reports_Kind_" + report.Kind].Value;
            var deadline = localizer[deadlinePassed ? "Reports_MailDuePassed" : "Reports_MailDueAhead", Date(report.DueOn)].Value;
            return report.Status == ReportStatus.Approved
                ? (localizer["Reports_MailApprovedSubject", kind, award.ProjectTitle].Value,
                    localizer["Reports_MailApprovedBody", member.DisplayName, kind, award.ProjectTitle, report.OfficerComment ?? "", link].Value)
                : (localizer["Reports_MailReturnedSubject", kind, award.ProjectTitle].Value,
                    localizer["Reports_MailReturnedBody", member.DisplayName, kind, award.ProjectTitle, report.OfficerComment ?? "", deadline, link].Value);
        }, ct);
    }

    private async Task<(ProjectReport? Report, ReportResult? Refusal)> LoadForOwnerAsync(PortalDbContext db, CurrentUser user, int id, int expectedVersion, CancellationToken ct)
    {
        if (!user.IsIn(Roles.Applicant) || user.OrganizationId is null)
        {
            return (null, NotFound());
        }

        var report = await VisibleTo(db, user).Include(r => r.SpendingLines).SingleOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
        {
            return (null, NotFound());
        }

        if (!IsEditable(report.Status))
        {
            return (null, new ReportResult(ReportOutcome.NotEditable, report.Version, [new FieldError("", localizer["Reports_NotEditable"])], []));
        }

        if (report.Version != expectedVersion)
        {
            return (null, Stale(report.Version));
        }

        return (report, null);
    }

    /// <summary>Copies the form onto the report; spending is matched to the approved budget lines, whose budgets the grantee cannot change.</summary>
    private static async Task ApplyAsync(PortalDbContext db, ProjectReport report, ReportDraft draft, CancellationToken ct)
    {
        report.ActivitiesCarriedOut = draft.ActivitiesCarriedOut.Trim();
        report.Outcomes = draft.Outcomes.Trim();
        report.EventsAndPublications = draft.EventsAndPublications.Trim();
        report.Lessons = draft.Lessons.Trim();
        report.Participants = draft.Participants;
        report.Beneficiaries = draft.Beneficiaries;
        report.EventsHeld = draft.EventsHeld;
        report.Publications = draft.Publications;
        report.MediaReach = draft.MediaReach;
        if (report.SpendingLines.Count == 0)
        {
            foreach (var line in await ApprovedBudgetAsync(db, report.AwardId, ct))
            {
                report.SpendingLines.Add(new SpendingLine { BudgetLineId = line.BudgetLineId, Category = line.Category, Item = line.Item, Budgeted = line.Budgeted });
            }
        }

        foreach (var line in report.SpendingLines)
        {
            var typed = draft.SpendingLines.FirstOrDefault(l => l.BudgetLineId == line.BudgetLineId && l.Item == line.Item);
            if (typed is null)
            {
                continue;
            }

            line.Spent = typed.Spent;
            line.VarianceExplanation = string.IsNullOrWhiteSpace(typed.VarianceExplanation) ? null : typed.VarianceExplanation.Trim();
        }
    }

    private List<FieldError> ValidateNumbers(ReportDraft draft)
    {
        var errors = new List<FieldError>();
        if (draft.Participants < 0 || draft.Beneficiaries < 0 || draft.EventsHeld < 0 || draft.Publications < 0 || draft.MediaReach < 0)
        {
            errors.Add(new FieldError("Indicators", localizer["Reports_NegativeIndicator"]));
        }

        if (draft.SpendingLines.Any(l => l.Spent.IsNegative || l.Spent > Krw.Ceiling))
        {
            errors.Add(new FieldError("Spending", localizer["Reports_SpentInvalid"]));
        }

        foreach (var (value, key, limit) in new[]
                 {
                     (draft.ActivitiesCarriedOut, "Reports_Activities", 8000),
                     (draft.Outcomes, "Reports_Outcomes", 8000),
                     (draft.EventsAndPublications, "Reports_EventsAndPublications", 8000),
                     (draft.Lessons, "Reports_Lessons", 8000),
                 })
        {
            if (value.Trim().Length > limit)
            {
                errors.Add(new FieldError(key, localizer["Reports_TooLong", localizer[key], limit]));
            }
        }

        if (draft.SpendingLines.Any(l => l.VarianceExplanation is { Length: > 2000 }))
        {
            errors.Add(new FieldError("Spending", localizer["Reports_TooLong", localizer["Reports_VarianceExplanation"], 2000]));
        }

        return errors;
    }

    private async Task<List<FieldError>> ValidateForSubmissionAsync(PortalDbContext db, ProjectReport report, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        foreach (var (value, key) in new[]
                 {
                     (report.ActivitiesCarriedOut, "Reports_Activities"),
                     (report.Outcomes, "Reports_Outcomes"),
                     (report.Lessons, "Reports_Lessons"),
                 })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add(new FieldError(key, localizer["Reports_Required", localizer[key]]));
            }
        }

        // The expected amounts are worked out here from the award, never taken from what the page sent.
        var terms = await db.Awards.AsNoTracking().Where(a => a.Id == report.AwardId)
            .Select(a => new { a.Application!.StartDate, a.Application.EndDate, a.Application.Call!.ReceiptsRequired })
            .SingleAsync(ct);
        var baseline = SpendingBaseline.For(report.Kind, terms.StartDate, terms.EndDate, report.DueOn);
        foreach (var line in report.SpendingLines.Where(l => SpendingBaseline.NeedsExplanation(baseline.Expected(l.Budgeted), l.Spent) && string.IsNullOrWhiteSpace(l.VarianceExplanation)))
        {
            errors.Add(new FieldError("Spending", baseline.IsWholeBudget
                ? localizer["Reports_ExplainVariance", line.Item]
                : localizer["Reports_ExplainInterimVariance", line.Item, baseline.Expected(line.Budgeted).ForReader(), Date(baseline.PeriodEnd!.Value)]));
        }

        if (terms.ReceiptsRequired.AppliesTo(report.Kind) && !await db.Attachments.AnyAsync(a => a.ProjectReportId == report.Id, ct))
        {
            errors.Add(new FieldError("Receipts", localizer["Reports_ReceiptsRequired", localizer["Awards_Report" + report.Kind]]));
        }

        return errors;
    }

    private static string Date(LocalDate day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<ReportResult> SaveAsync(PortalDbContext db, ProjectReport report, AuditEvent? audit, CancellationToken ct)
    {
        if (audit is not null)
        {
            db.AuditEvents.Add(audit);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Stale(report.Version);
        }

        return new ReportResult(ReportOutcome.Saved, report.Version, [], []);
    }

    private static async Task<List<SpendingLineDraft>> ApprovedBudgetAsync(PortalDbContext db, int awardId, CancellationToken ct)
    {
        var award = await db.Awards.AsNoTracking().Where(a => a.Id == awardId).Select(a => new { a.Amount, a.ApplicationId }).SingleAsync(ct);
        var lines = await db.BudgetLines.AsNoTracking().Where(l => l.ApplicationId == award.ApplicationId).OrderBy(l => l.Order).ToListAsync(ct);
        return ScaleBudget(lines, award.Amount);
    }

    private static async Task<IReadOnlyList<GatedTranche>> GatedTranchesAsync(PortalDbContext db, int reportId, CancellationToken ct)
    {
        var tranches = await db.Tranches.AsNoTracking()
            .Where(t => t.GatingReportId == reportId)
            .OrderBy(t => t.Sequence)
            .Select(t => new { t.Sequence, t.Amount, t.PlannedOn })
            .ToListAsync(ct);
        return tranches.Select(t => new GatedTranche(t.Sequence, t.Amount, t.PlannedOn)).ToList();
    }

    private static IQueryable<ProjectReport> VisibleTo(PortalDbContext db, CurrentUser user)
    {
        if (user.IsIn(Roles.ProgramOfficer))
        {
            return db.ProjectReports;
        }

        if (user.IsIn(Roles.Applicant) && user.OrganizationId is { } organizationId)
        {
            return db.ProjectReports.Where(r => db.Awards.Any(a => a.Id == r.AwardId && a.OrganizationId == organizationId));
        }

        return db.ProjectReports.Where(r => false);
    }

    private static IQueryable<ReportRow> Rows(PortalDbContext db, IQueryable<ProjectReport> reports) =>
        from r in reports
        join a in db.Awards on r.AwardId equals a.Id
        select new ReportRow(
            r.Id,
            r.AwardId,
            r.Kind,
            r.Status,
            r.DueOn,
            a.Application!.ProjectTitle,
            new OrganizationName(a.Application.Organization!.NameKorean, a.Application.Organization.Name),
            a.Application.Call!.Code,
            a.Application.Call.BudgetYear!.Year,
            r.SubmittedAt,
            r.SubmissionCount);

    private static SpendingLineDraft ToDraft(SpendingLine line) => new()
    {
        BudgetLineId = line.BudgetLineId,
        Category = line.Category,
        Item = line.Item,
        Budgeted = line.Budgeted,
        Spent = line.Spent,
        VarianceExplanation = line.VarianceExplanation,
    };

    private static string Snapshot(ProjectReport report) => JsonSerializer.Serialize(new
    {
        Status = report.Status.ToString(),
        report.SubmissionCount,
        report.ActivitiesCarriedOut,
        report.Outcomes,
        report.EventsAndPublications,
        report.Lessons,
        report.Participants,
        report.Beneficiaries,
        report.EventsHeld,
        report.Publications,
        report.MediaReach,
        Spending = report.SpendingLines.Select(l => new { l.Item, Budgeted = l.Budgeted.Won, Spent = l.Spent.Won, l.VarianceExplanation }),
    });

    private ReportResult NotFound() => new(ReportOutcome.NotFound, 0, [new FieldError("", localizer["Reports_NotFound"])], []);

    private ReportResult Stale(int version) => new(ReportOutcome.Stale, version, [new FieldError("", localizer["Error_Concurrency"])], []);
}
