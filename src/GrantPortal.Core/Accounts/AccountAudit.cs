namespace GrantPortal.Core.Accounts;

internal static class AccountAudit
{
    /// <summary>
    /// Saves one audit event in a context of its own: account changes are saved by Identity's user manager, whose
    /// context the event cannot join.
    /// </summary>
    public static async Task RecordAsync(this IDbContextFactory<PortalDbContext> dbFactory, AuditEvent audit, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditEvents.Add(audit);
        await db.SaveChangesAsync(ct);
    }
}
