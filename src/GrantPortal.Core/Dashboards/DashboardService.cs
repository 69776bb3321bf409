using GrantPortal.Core.Reviews;

namespace GrantPortal.Core.Dashboards;

public sealed record ApplicantDashboard(
    OrganizationName OrganizationName,
    VerificationState Verification,
    string? RejectionReason,
    int Drafts,
    int Submitted,
    int Awarded,
    Krw AwardedTotal,
    Instant? NextCallDeadline,
    int ReportsDue,
    LocalDate? NextReportDue);

public sealed record ReviewerDashboard(int Assigned, int Pending, int Submitted, LocalDate? NextDue, int Overdue);

public sealed record OfficerDashboard(
    int Year,
    Krw Envelope,
    Krw AllocatedToCalls,
    Krw Committed,
    Krw Disbursed,
    int OpenCalls,
    int SubmittedInOpenCalls,
    int UnderReview,
    int PendingOrganizations,
    int ReportsAwaitingReview)
{
    /// <summary>Change requests (변경승인) waiting for an officer's decision.</summary>
    public int ChangeRequestsWaiting { get; init; }
}

/// <summary>The tranche counts are those of <see cref="TranchesDue"/>, the same lists <c>/finance</c> shows.</summary>
public sealed record FinanceDashboard(int AwaitingApproval, Krw AwaitingApprovalTotal, int TranchesDueThisMonth, int TranchesOverdue, Krw PaidThisYear, int Year);

public sealed record AdministratorDashboard(int Users, int LockedOut, int AuditEventsLastDay, int FailedDeliveries);

/// <summary>
/// The numbers each role sees first, read straight from the database. Each method answers only a person
/// who holds its role (null otherwise), so no page can show one role's figures to another.
/// </summary>
public sealed class DashboardService(IDbContextFactory<PortalDbContext> dbFactory, IClock clock)
{
    public async Task<ApplicantDashboard?> ForApplicantAsync(CurrentUser user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsIn(Roles.Applicant) || user.OrganizationId is not { } organizationId)
        {
            return null;
        }

        var now = clock.GetCurrentInstant();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var applications = db.Applications.FullProposals().Where(a => a.OrganizationId == organizationId);
        var openReports = db.ProjectReports
            .Where(r => r.Status != ReportStatus.Approved && r.Status != ReportStatus.Submitted)
            .Where(r => db.Awards.Any(a => a.Id == r.AwardId && a.OrganizationId == organizationId && a.Status == AwardStatus.Active));

        // One query whatever the number of the organization's applications, awards and reports.
        var dashboard = await db.Organizations
            .Where(o => o.Id == organizationId)
            .Select(o => new ApplicantDashboard(
                new OrganizationName(o.NameKorean, o.Name),
                o.Verification,
                o.RejectionReason,
                applications.Count(a => a.Status == ApplicationStatus.Draft),
                applications.Count(a => a.Status == ApplicationStatus.Submitted || a.Status == ApplicationStatus.UnderReview),
                applications.Count(a => a.Status == ApplicationStatus.Awarded),
                new Krw(db.Awards.Where(a => a.OrganizationId == organizationId && a.Status != AwardStatus.Cancelled).Sum(a => (long)a.Amount)),
                db.Calls
                    .OpenAt(now)
                    .OrderBy(c => c.ClosesAt)
                    .Select(c => (Instant?)c.ClosesAt)
                    .FirstOrDefault(),
                openReports.Count(),
                openReports.OrderBy(r => r.DueOn).Select(r => (LocalDate?)r.DueOn).FirstOrDefault()))
            .SingleOrDefaultAsync(ct);
        return dashboard;
    }

    public async Task<ReviewerDashboard?> ForReviewerAsync(CurrentUser user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsIn(Roles.Reviewer))
        {
            return null;
        }

        var today = Seoul.Today(clock);
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        // Conflicted assignments never count: the reviewer must not even learn they exist.
        var assignments = db.ReviewAssignments.Where(a => a.ReviewerId == user.UserId)
            .Where(a => !db.Conflicts.Any(c => c.ApplicationId == a.ApplicationId && c.ReviewerId == user.UserId && c.LiftedAt == null));
        var pending = assignments.Where(a => a.Review == null || a.Review.Status != ReviewStatus.Submitted);
        return new ReviewerDashboard(
            await assignments.CountAsync(ct),
            await pending.CountAsync(ct),
            await assignments.CountAsync(a => a.Review != null && a.Review.Status == ReviewStatus.Submitted, ct),
            await pending.OrderBy(a => a.DueOn).Select(a => (LocalDate?)a.DueOn).FirstOrDefaultAsync(ct),
            await pending.CountAsync(a => a.DueOn < today, ct));
    }

    public async Task<OfficerDashboard?> ForOfficerAsync(CurrentUser user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsIn(Roles.ProgramOfficer))
        {
            return null;
        }

        var now = clock.GetCurrentInstant();
        var year = Seoul.Today(clock).Year;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var yearCalls = db.Calls.Where(c => c.BudgetYear!.Year == year);
        var yearAwards = db.Awards.Where(a => a.Status != AwardStatus.Cancelled && yearCalls.Any(c => c.Id == a.CallId));

        // The year's money in one query and the applications' two counts in another: the dashboard's cost stays the
        // same whatever the number of awards and applications.
        var budget = await db.BudgetYears
            .Where(y => y.Year == year)
            .Select(y => new
            {
                y.Envelope,
                Allocated = yearCalls.Sum(c => (long)c.Envelope),
                Committed = yearAwards.Sum(a => (long)a.Amount),
                Disbursed = db.Payments.Where(p => p.Status == PaymentStatus.Paid && yearAwards.Any(a => a.Id == p.AwardId)).Sum(p => (long)p.Amount),
            })
            .SingleOrDefaultAsync(ct);
        var openCalls = db.Calls.OpenAt(now);
        var applications = await db.Applications
            .GroupBy(a => 1)
            .Select(g => new
            {
                SubmittedInOpenCalls = g.Count(a => a.Stage == FormStage.Full && a.Status == ApplicationStatus.Submitted && openCalls.Any(c => c.Id == a.CallId)),
                UnderReview = g.Count(a => a.Status == ApplicationStatus.UnderReview),
            })
            .SingleOrDefaultAsync(ct);

        return new OfficerDashboard(
            year,
            budget?.Envelope ?? Krw.Zero,
            new Krw(budget?.Allocated ?? 0),
            new Krw(budget?.Committed ?? 0),
            new Krw(budget?.Disbursed ?? 0),
            await openCalls.CountAsync(ct),
            applications?.SubmittedInOpenCalls ?? 0,
            applications?.UnderReview ?? 0,
            await db.Organizations.CountAsync(o => o.Verification == VerificationState.Pending, ct),
            await db.ProjectReports.CountAsync(r => r.Status == ReportStatus.Submitted, ct))
        {
            ChangeRequestsWaiting = await db.ChangeRequests.CountAsync(r => r.Status == ChangeStatus.Pending, ct),
        };
    }

    public async Task<FinanceDashboard?> ForFinanceAsync(CurrentUser user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsIn(Roles.Finance))
        {
            return null;
        }

        var today = Seoul.Today(clock);
        var yearStart = new LocalDate(today.Year, 1, 1);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var awaiting = db.Payments.Where(p => p.Status == PaymentStatus.AwaitingApproval);
        return new FinanceDashboard(
            await awaiting.CountAsync(ct),
            new Krw(await awaiting.SumAsync(p => (long)p.Amount, ct)),
            await TranchesDue.ThisMonth(db, today).CountAsync(ct),
            await TranchesDue.Overdue(db, today).CountAsync(ct),
            new Krw(await db.Payments.Where(p => p.Status == PaymentStatus.Paid && p.PaidOn >= yearStart).SumAsync(p => (long)p.Amount, ct)),
            today.Year);
    }

    public async Task<AdministratorDashboard?> ForAdministratorAsync(CurrentUser user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsIn(Roles.Administrator))
        {
            return null;
        }

        var now = clock.GetCurrentInstant();
        var dayAgo = now - Duration.FromDays(1);
        var nowOffset = now.ToDateTimeOffset();
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        // SQLite cannot compare DateTimeOffset in SQL; the few lockout ends are compared here.
        var lockoutEnds = await db.Users.Where(u => u.LockoutEnd != null).Select(u => u.LockoutEnd!.Value).ToListAsync(ct);
        return new AdministratorDashboard(
            await db.Users.CountAsync(ct),
            lockoutEnds.Count(end => end > nowOffset),
            await db.AuditEvents.CountAsync(e => e.OccurredAt >= dayAgo, ct),
            await db.ReminderDeliveries.CountAsync(d => d.Status == DeliveryStatus.Failed, ct));
    }
}
