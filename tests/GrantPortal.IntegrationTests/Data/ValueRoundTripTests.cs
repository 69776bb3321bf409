using GrantPortal.Core.Calls;
using GrantPortal.Core.Money;
using GrantPortal.Core.Time;
using GrantPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace GrantPortal.IntegrationTests.Data;

/// <summary>
/// Money and time come back exactly as saved. Instants use whole seconds: PostgreSQL keeps microseconds,
/// SQLite's text and SQL Server's datetime2 keep 100 ns, so whole seconds are exact everywhere.
/// </summary>
public abstract class ValueRoundTripTests : ProviderTest
{
    [Fact]
    public async Task Call_money_and_deadlines_come_back_exactly_as_saved()
    {
        var opens = Seoul.ToInstant(new LocalDateTime(2026, 11, 2, 9, 0));
        var closes = Seoul.ToInstant(new LocalDateTime(2026, 12, 4, 18, 0, 59));
        var published = Instant.FromUtc(2026, 10, 31, 23, 59, 58);
        int callId;
        await using (var db = await Host.CreateDbContextAsync())
        {
            var year = BudgetYear.Open(2026, Krw.Ceiling);
            var call = new Call
            {
                BudgetYear = year,
                Code = "NKHR",
                TitleEnglish = "North Korean human rights CSO projects",
                TitleKorean = "북한인권 민간단체 지원사업",
                Envelope = new Krw(1_800_000_000),
                MinimumRequest = new Krw(5_000),
                MaximumRequest = new Krw(long.MaxValue / 2),
                OpensAt = opens,
                ClosesAt = closes,
                ReviewDueOn = new LocalDate(2026, 12, 31),
            };
            call.Publish(published);
            db.Calls.Add(call);
            await db.SaveChangesAsync();
            callId = call.Id;
        }

        await using var reader = await Host.CreateDbContextAsync();
        var stored = await reader.Calls.Include(c => c.BudgetYear).SingleAsync(c => c.Id == callId);
        Assert.Equal(Krw.Ceiling, stored.BudgetYear!.Envelope);
        Assert.Equal(new Krw(1_800_000_000), stored.Envelope);
        Assert.Equal(new Krw(5_000), stored.MinimumRequest);
        Assert.Equal(new Krw(long.MaxValue / 2), stored.MaximumRequest);
        Assert.Equal(opens, stored.OpensAt);
        Assert.Equal(closes, stored.ClosesAt);
        Assert.Equal(published, stored.PublishedAt);
        Assert.Equal(new LocalDate(2026, 12, 31), stored.ReviewDueOn);
        Assert.Equal("북한인권 민간단체 지원사업", stored.TitleKorean);
        Assert.Equal("2026-12-04 18:00:59 KST", Seoul.FormatWithSeconds(stored.ClosesAt));
    }

    [Fact]
    public async Task Calls_are_found_by_deadline_in_the_database()
    {
        var closes = Seoul.ToInstant(new LocalDateTime(2026, 12, 4, 18, 0));
        await using (var db = await Host.CreateDbContextAsync())
        {
            var year = BudgetYear.Open(2026, new Krw(1_800_000_000));
            db.Calls.Add(new Call { BudgetYear = year, Code = "EARLY", OpensAt = closes - Duration.FromDays(30), ClosesAt = closes - Duration.FromSeconds(1) });
            db.Calls.Add(new Call { BudgetYear = year, Code = "EXACT", OpensAt = closes - Duration.FromDays(30), ClosesAt = closes });
            db.Calls.Add(new Call { BudgetYear = year, Code = "LATE", OpensAt = closes - Duration.FromDays(30), ClosesAt = closes + Duration.FromSeconds(1) });
            await db.SaveChangesAsync();
        }

        // The comparison runs in SQL, so it proves the stored form orders like the instants themselves.
        await using var reader = await Host.CreateDbContextAsync();
        var stillOpen = await reader.Calls.Where(c => c.ClosesAt >= closes).Select(c => c.Code).OrderBy(c => c).ToListAsync();
        Assert.Equal(["EXACT", "LATE"], stillOpen);
    }
}

public sealed class ValueRoundTripTests_on_Sqlite : ValueRoundTripTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartSqliteAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class ValueRoundTripTests_on_PostgreSql(PostgresCluster cluster) : ValueRoundTripTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartPostgreSqlAsync(cluster);
}
