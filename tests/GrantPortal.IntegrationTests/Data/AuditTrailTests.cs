using GrantPortal.Core.Auditing;
using GrantPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.IntegrationTests.Data;

public abstract class AuditTrailTests : ProviderTest
{
    [Fact]
    public async Task Saved_audit_event_cannot_be_changed()
    {
        var id = await RecordPaymentApprovalAsync();

        await using var db = await Host.CreateDbContextAsync();
        var saved = await db.AuditEvents.SingleAsync(e => e.Id == id);
        db.Entry(saved).Property(e => e.Reason).CurrentValue = "Nothing happened here.";

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        await using var check = await Host.CreateDbContextAsync();
        Assert.Equal("Second approval by a different user.", (await check.AuditEvents.SingleAsync(e => e.Id == id)).Reason);
    }

    [Fact]
    public async Task Saved_audit_event_cannot_be_deleted()
    {
        var id = await RecordPaymentApprovalAsync();

        await using var db = await Host.CreateDbContextAsync();
        db.AuditEvents.Remove(await db.AuditEvents.SingleAsync(e => e.Id == id));

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        await using var check = await Host.CreateDbContextAsync();
        Assert.True(await check.AuditEvents.AnyAsync(e => e.Id == id));
    }

    private async Task<long> RecordPaymentApprovalAsync()
    {
        await using var db = await Host.CreateDbContextAsync();
        var audit = AuditEvent.Record(
            Host.Clock.GetCurrentInstant(),
            new Actor("finance-2", "finance2@demo.local"),
            "payment.approved",
            "Payment",
            "42",
            before: """{"status":"AwaitingApproval"}""",
            after: """{"status":"Approved"}""",
            reason: "Second approval by a different user.");
        db.AuditEvents.Add(audit);
        await db.SaveChangesAsync();
        return audit.Id;
    }
}

public sealed class AuditTrailTests_on_Sqlite : AuditTrailTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartSqliteAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class AuditTrailTests_on_PostgreSql(PostgresCluster cluster) : AuditTrailTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartPostgreSqlAsync(cluster);
}
