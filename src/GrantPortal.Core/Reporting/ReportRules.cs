namespace GrantPortal.Core.Reporting;

/// <summary>
/// What every report use case agrees on: who may see a report (officers all of them, applicants their own
/// organization's, everyone else none, as if it did not exist), when the grantee may still change it, and how a
/// change is saved against the version the page was built from.
/// </summary>
internal static class ReportRules
{
    public static bool IsEditable(ReportStatus status) => status is ReportStatus.Due or ReportStatus.Draft or ReportStatus.Returned;

    public static IQueryable<ProjectReport> VisibleTo(PortalDbContext db, CurrentUser user)
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

    /// <summary>The payment tranches that wait for the report, in their order.</summary>
    public static async Task<IReadOnlyList<GatedTranche>> GatedTranchesAsync(PortalDbContext db, int reportId, CancellationToken ct)
    {
        var tranches = await db.Tranches.AsNoTracking()
            .Where(t => t.GatingReportId == reportId)
            .OrderBy(t => t.Sequence)
            .Select(t => new { t.Sequence, t.Amount, t.PlannedOn })
            .ToListAsync(ct);
        return tranches.Select(t => new GatedTranche(t.Sequence, t.Amount, t.PlannedOn)).ToList();
    }

    /// <summary>Saves the report (and its audit event) unless someone saved it since its version was read.</summary>
    public static async Task<Result<SavedReport>> SaveAsync(PortalDbContext db, ProjectReport report, AuditEvent? audit, IStringLocalizer<Strings> localizer, CancellationToken ct)
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
            return Result.Conflict(localizer["Error_Concurrency"]);
        }

        return Result.Done(new SavedReport(report.Version, []));
    }

    public static string Date(LocalDate day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A count as messages show it, grouped in the reader's culture: 1,200.</summary>
    public static string Count(long value) => value.ToString("#,0", CultureInfo.CurrentCulture);

    public static string EntityId(int reportId) => reportId.ToString(CultureInfo.InvariantCulture);
}
