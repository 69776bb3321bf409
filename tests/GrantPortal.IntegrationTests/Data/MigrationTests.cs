using GrantPortal.Core.Accounts;
using GrantPortal.Core.Data;
using GrantPortal.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrantPortal.IntegrationTests.Data;

public abstract class MigrationTests : ProviderTest
{
    [Fact]
    public async Task Migrations_apply_to_an_empty_database()
    {
        await using var db = await Host.CreateDbContextAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());

        var expectedTables = db.Model.GetEntityTypes()
            .Select(e => e.GetTableName())
            .OfType<string>()
            .Distinct()
            .Order(StringComparer.Ordinal);
        var actualTables = await TableNamesAsync(db);
        Assert.Empty(expectedTables.Except(actualTables, StringComparer.Ordinal));

        var roles = await db.Roles.Select(r => r.Name).ToListAsync();
        Assert.Equal(Roles.All.Order(StringComparer.Ordinal), roles.OfType<string>().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Migrating_again_on_start_up_changes_nothing()
    {
        await Host.InScopeAsync(services => services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None));

        await using var db = await Host.CreateDbContextAsync();
        Assert.Equal(Roles.All.Count, await db.Set<IdentityRole>().CountAsync());
    }

    private static async Task<List<string>> TableNamesAsync(PortalDbContext db)
    {
        var sql = db.Database.IsSqlite()
            ? "SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'table'"
            : "SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = 'public'";
        return await db.Database.SqlQueryRaw<string>(sql).ToListAsync();
    }
}

public sealed class MigrationTests_on_Sqlite : MigrationTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartSqliteAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class MigrationTests_on_PostgreSql(PostgresCluster cluster) : MigrationTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartPostgreSqlAsync(cluster);
}
