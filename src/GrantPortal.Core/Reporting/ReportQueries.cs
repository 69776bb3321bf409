namespace GrantPortal.Core.Reporting;

/// <summary>
/// Reading reports: the grantee's own list, the officer's review queue, one report with its history, and who may
/// download a receipt. Applicants see only their own organization's reports; everyone but officers and the owning
/// applicants is told the report does not exist.
/// </summary>
public sealed class ReportQueries(IDbContextFactory<PortalDbContext> dbFactory)
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
        var rows = await Rows(db, ReportRules.VisibleTo(db, user)).ToListAsync(ct);
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

    /// <summary>One report as its reader may see it, with the approved budget when nothing is spent yet; null when it is not theirs.</summary>
    public async Task<ReportView?> GetAsync(CurrentUser user, int id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var report = await ReportRules.VisibleTo(db, user).AsNoTracking()
            .Include(r => r.SpendingLines)
            .Include(r => r.Receipts)
            .Include(r => r.IndicatorActuals)
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
                a.Application.Call.BudgetRules,
                a.Application.StartDate,
                a.Application.EndDate,
            })
            .SingleAsync(ct);
        // A report still being written answers for the plan in force (budget and period); a submitted one keeps what it was given.
        var plan = await BudgetVersions.InForceAsync(db, report.AwardId, ct);
        if (ReportRules.IsEditable(report.Status))
        {
            ApprovedBudget.Follow(report.SpendingLines, plan);
        }

        var baseline = SpendingBaseline.For(report.Kind, plan.StartDate, plan.EndDate, report.DueOn);
        var evidence = report.Receipts.Where(r => r.SpendingLineId != null).OrderBy(r => r.Id).ToLookup(r => r.SpendingLineId!.Value);
        var lines = (report.SpendingLines.Count > 0
                ? report.SpendingLines.OrderBy(l => l.Id).Select(l => ToDraft(l) with
                {
                    Evidence = evidence[l.Id].Select(f => new EvidenceView(AttachmentView.From(f), f.Evidence ?? EvidenceKind.TaxInvoice)).ToList(),
                }).ToList()
                : ApprovedBudget.Of(plan))
            .Select(l => baseline.IsWholeBudget ? l : l with { Expected = baseline.Expected(l.Budgeted) })
            .ToList();
        var form = new ReportDraft
        {
            ActivitiesCarriedOut = report.ActivitiesCarriedOut,
            Outcomes = report.Outcomes,
            EventsAndPublications = report.EventsAndPublications,
            Lessons = report.Lessons,
            Indicators = await ReportIndicators.ForAsync(db, report.AwardId, report.IndicatorActuals, baseline, ct),
            SpendingLines = lines,
            InterestEarned = report.InterestEarned,
        };
        var entityId = ReportRules.EntityId(id);
        var history = await db.AuditEvents.AsNoTracking()
            .Where(e => e.EntityType == nameof(ProjectReport) && e.EntityId == entityId && HistoryActions.Contains(e.Action))
            .OrderBy(e => e.Id)
            .Select(e => new ReportHistoryEntry(e.OccurredAt, e.Action, e.ActorName, e.Reason))
            .ToListAsync(ct);
        var tranches = await ReportRules.GatedTranchesAsync(db, id, ct);
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
            CanEdit: isOwner && ReportRules.IsEditable(report.Status),
            CanReview: user.IsIn(Roles.ProgramOfficer) && report.Status == ReportStatus.Submitted,
            baseline,
            award.ReceiptsRequired.AppliesTo(report.Kind),
            award.BudgetRules.EvidenceThreshold);
    }

    /// <summary>Receipt ids the reader may download: the same visibility as the report.</summary>
    public async Task<bool> CanReadReceiptAsync(CurrentUser user, int attachmentId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visible = ReportRules.VisibleTo(db, user).Select(r => (int?)r.Id);
        return await db.Attachments.AnyAsync(a => a.Id == attachmentId && visible.Contains(a.ProjectReportId), ct);
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
        OwnSpent = line.OwnSpent,
        VarianceExplanation = line.VarianceExplanation,
        SpendingLineId = line.Id,
        IneligibleGrant = line.IneligibleGrant,
        IneligibleReason = line.IneligibleReason,
    };
}
