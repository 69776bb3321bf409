using GrantPortal.Core;
using GrantPortal.Core.Data;
using GrantPortal.Web.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NodaTime;
using NodaTime.Testing;

namespace GrantPortal.Web.Tests;

/// <summary>
/// What several instances on one database rely on, over a real SQLite file: readiness waits for the migrations, and
/// the migrate step's key is the one key every instance protects and reads cookies with.
/// </summary>
public sealed class ScaleOutHostingTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "grantportal-scaleout-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly string connectionString;

    public ScaleOutHostingTests()
    {
        Directory.CreateDirectory(directory);
        connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "portal.db") }.ConnectionString;
    }

    [Fact]
    public async Task Readiness_check_fails_until_every_migration_is_applied()
    {
        await using var instance = Instance();
        var check = ActivatorUtilities.CreateInstance<MigrationsApplied>(instance);

        var before = await check.CheckHealthAsync(new HealthCheckContext());
        await MigrateAsync(instance);
        var after = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, before.Status);
        Assert.Contains("pending", before.Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Healthy, after.Status);
    }

    [Fact]
    public async Task The_migrate_step_makes_one_key_and_a_cookie_protected_on_one_instance_reads_on_the_other()
    {
        await using var migrate = Instance();
        await MigrateAsync(migrate);

        var created = PortalKeyRing.EnsureKey(migrate);
        var createdAgain = PortalKeyRing.EnsureKey(migrate);

        await using var instanceA = Instance();
        await using var instanceB = Instance();
        var cookie = Protector(instanceA).Protect("signed in as applicant1");
        var read = Protector(instanceB).Unprotect(cookie);
        await using var db = await migrate.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();

        Assert.True(created);
        Assert.False(createdAgain);
        Assert.Equal("signed in as applicant1", read);
        Assert.Equal(1, await db.DataProtectionKeys.CountAsync());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static IDataProtector Protector(IServiceProvider instance) =>
        instance.GetRequiredService<IDataProtectionProvider>().CreateProtector("Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationMiddleware");

    private static async Task MigrateAsync(IServiceProvider instance)
    {
        await using var scope = instance.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
    }

    /// <summary>One portal instance's container: its own key ring cache, the shared database, data protection as the host sets it up.</summary>
    private ServiceProvider Instance()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IClock>(new FakeClock(Instant.FromUtc(2026, 3, 1, 0, 0)));
        services.AddPortalCore(DatabaseProvider.Sqlite, connectionString);
        services.AddDataProtection().SetApplicationName("GrantPortal").PersistKeysToDbContext<PortalDbContext>();
        return services.BuildServiceProvider();
    }
}
