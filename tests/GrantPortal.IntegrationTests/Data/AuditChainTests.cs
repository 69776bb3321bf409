using GrantPortal.Core.Auditing;
using GrantPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrantPortal.IntegrationTests.Data;

/// <summary>The audit trail's hash chain on a real database: raw SQL edits and deletions are found and named.</summary>
public abstract class AuditChainTests : ProviderTest
{
    private AuditVerifier Verifier => Host.Services.GetRequiredService<AuditVerifier>();

    [Fact]
    public async Task Untouched_trail_is_intact_through_its_last_event()
    {
        var ids = await RecordAsync(5);

        var verification = await Verifier.VerifyAsync();

        Assert.True(verification.Intact);
        Assert.Equal(ids[^1], verification.ThroughEventId);
        Assert.Equal(await CountAsync(), verification.CheckedEvents);
    }

    [Fact]
    public async Task Event_changed_with_raw_sql_is_named()
    {
        var ids = await RecordAsync(5);
        Assert.True((await Verifier.VerifyAsync()).Intact);

        await using (var db = await Host.CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"AuditEvents\" SET \"Reason\" = {"Nothing to see."} WHERE \"Id\" = {ids[2]}");
        }

        var verification = await Verifier.VerifyAsync();
        Assert.Equal((AuditBreak.Changed, ids[2]), (verification.Break, verification.EventId));
        Assert.Equal(ids[1], verification.ThroughEventId);
    }

    [Fact]
    public async Task Event_changed_with_its_hash_recomputed_is_still_found_by_the_next_one()
    {
        var ids = await RecordAsync(4);
        Assert.True((await Verifier.VerifyAsync()).Intact);

        // A forger who knows the scheme rewrites the event and its own hash: the next event's hash still names the break.
        await using (var db = await Host.CreateDbContextAsync())
        {
            var forged = await db.AuditEvents.AsNoTracking().SingleAsync(e => e.Id == ids[1]);
            var previous = await db.AuditEvents.AsNoTracking().Where(e => e.ChainPosition == forged.ChainPosition - 1).Select(e => e.ChainHash).SingleOrDefaultAsync() ?? AuditChain.Genesis;
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"AuditEvents\" SET \"ActorName\" = {"someone else"} WHERE \"Id\" = {ids[1]}");
            var rewritten = await db.AuditEvents.AsNoTracking().SingleAsync(e => e.Id == ids[1]);
            var hash = AuditChain.Hash(previous, rewritten.ChainPosition!.Value, rewritten);
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"AuditEvents\" SET \"ChainHash\" = {hash} WHERE \"Id\" = {ids[1]}");
        }

        var verification = await Verifier.VerifyAsync();
        Assert.Equal((AuditBreak.Changed, ids[2]), (verification.Break, verification.EventId));
    }

    [Fact]
    public async Task Event_deleted_with_raw_sql_is_named_by_the_one_after_it()
    {
        var ids = await RecordAsync(5);
        Assert.True((await Verifier.VerifyAsync()).Intact);

        await using (var db = await Host.CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM \"AuditEvents\" WHERE \"Id\" = {ids[2]}");
        }

        var verification = await Verifier.VerifyAsync();
        Assert.Equal((AuditBreak.PredecessorMissing, ids[3]), (verification.Break, verification.EventId));
    }

    [Fact]
    public async Task Last_event_deleted_with_raw_sql_is_named()
    {
        var ids = await RecordAsync(3);
        Assert.True((await Verifier.VerifyAsync()).Intact);

        await using (var db = await Host.CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM \"AuditEvents\" WHERE \"Id\" = {ids[^1]}");
        }

        var verification = await Verifier.VerifyAsync();
        Assert.Equal((AuditBreak.EndMissing, ids[^1]), (verification.Break, verification.EventId));
    }

    [Fact]
    public async Task Sealers_running_at_once_build_one_unbroken_chain()
    {
        var sealer = Host.Services.GetRequiredService<AuditSealer>();
        var recording = Enumerable.Range(0, 4).Select(_ => RecordAsync(30));
        var sealing = Enumerable.Range(0, 4).Select(_ => sealer.SealAsync());
        await Task.WhenAll(recording.Cast<Task>().Concat(sealing));

        var verification = await Verifier.VerifyAsync();

        Assert.True(verification.Intact, verification.Break.ToString());
        Assert.Equal(await CountAsync(), verification.CheckedEvents);
        await using var db = await Host.CreateDbContextAsync();
        Assert.Equal(verification.CheckedEvents, await db.AuditEvents.Select(e => e.ChainPosition).Distinct().CountAsync());
    }

    [Fact]
    public async Task Only_administrators_may_check_the_trail()
    {
        await RecordAsync(1);

        Assert.Null(await Verifier.VerifyAsync(new CurrentUser("officer-1", "Officer", null, new HashSet<string> { Roles.ProgramOfficer })));
        Assert.True((await Verifier.VerifyAsync(new CurrentUser("admin-1", "Admin", null, new HashSet<string> { Roles.Administrator })))!.Intact);
    }

    private async Task<long> CountAsync()
    {
        await using var db = await Host.CreateDbContextAsync();
        return await db.AuditEvents.LongCountAsync();
    }

    private async Task<List<long>> RecordAsync(int count)
    {
        var ids = new List<long>();
        for (var i = 0; i < count; i++)
        {
            await using var db = await Host.CreateDbContextAsync();
            var audit = AuditEvent.Record(
                Host.Clock.GetCurrentInstant(),
                new Actor("finance-2", "finance2@demo.local"),
                "payment.approved",
                "Payment",
                (40 + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
                before: """{"status":"AwaitingApproval"}""",
                after: """{"status":"Approved"}""",
                reason: "Second approval by a different user.");
            db.AuditEvents.Add(audit);
            await db.SaveChangesAsync();
            ids.Add(audit.Id);
        }

        return ids;
    }
}

public sealed class AuditChainTests_on_Sqlite : AuditChainTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartSqliteAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class AuditChainTests_on_PostgreSql(PostgresCluster cluster) : AuditChainTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartPostgreSqlAsync(cluster);
}
