namespace GrantPortal.Core.Disbursements;

/// <summary>The report a tranche waits for: its payments may be recorded ahead of it, approved only once it is approved.</summary>
internal sealed record ReportGate(ReportKind Kind, ReportStatus Status, LocalDate DueOn)
{
    public bool Open => Status == ReportStatus.Approved;

    public string Due => AwardRules.Day(DueOn);

    /// <summary>The gate of a tranche, or null when the tranche waits for no report.</summary>
    public static Task<ReportGate?> OfTrancheAsync(PortalDbContext db, int trancheId, CancellationToken ct) =>
        db.Tranches.AsNoTracking().Where(t => t.Id == trancheId && t.GatingReportId != null)
            .Select(t => new ReportGate(t.GatingReport!.Kind, t.GatingReport.Status, t.GatingReport.DueOn))
            .SingleOrDefaultAsync(ct);
}
