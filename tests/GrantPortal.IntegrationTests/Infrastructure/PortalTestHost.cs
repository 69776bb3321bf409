using GrantPortal.Core;
using GrantPortal.Core.Data;
using GrantPortal.Core.Notifications;
using GrantPortal.Demo;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;
using NodaTime.Testing;
using Npgsql;

namespace GrantPortal.IntegrationTests.Infrastructure;

/// <summary>
/// Core's services over a real, freshly migrated database: a SQLite file in a temporary folder or a new
/// database in the run's <see cref="PostgresCluster"/>. Time is a <see cref="FakeClock"/>; mail goes through the
/// outbox, sent as soon as its change commits (<see cref="Outbox"/>), to .eml files in <see cref="MailPickupDirectory"/>.
/// </summary>
public sealed class PortalTestHost : IAsyncDisposable
{
    /// <summary>The clock every host starts at; tests move it with <c>Clock.AdvanceDays(…)</c>.</summary>
    public static readonly Instant Start = Instant.FromUtc(2026, 3, 1, 0, 0);

    private readonly string workDirectory;

    private PortalTestHost(DatabaseProvider provider, string connectionString, string workDirectory)
    {
        Provider = provider;
        this.workDirectory = workDirectory;
        Clock = new FakeClock(Start);
        MailPickupDirectory = Path.Combine(workDirectory, "mail");

        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Smtp:PickupDirectory"] = MailPickupDirectory })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IClock>(Clock);
        services.AddPortalCore(provider, connectionString);

        // Identity's token providers need data protection, which the web host adds; keys stay in memory here.
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.AddPortalMail(workDirectory);
        services.AddSingleton<MailAtOnce>();
        services.AddSingleton<IOutboxSignal>(provider => provider.GetRequiredService<MailAtOnce>());
        services.AddPortalApplications(workDirectory);
        services.AddPortalDemo();
        Services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        DbFactory = Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
    }

    public DatabaseProvider Provider { get; }

    public ServiceProvider Services { get; }

    public IDbContextFactory<PortalDbContext> DbFactory { get; }

    public FakeClock Clock { get; }

    public string MailPickupDirectory { get; }

    /// <summary>The outbox signal: set <see cref="MailAtOnce.Hold"/> to keep queued mail in the outbox.</summary>
    public MailAtOnce Outbox => Services.GetRequiredService<MailAtOnce>();

    /// <summary>A new SQLite file (never in-memory: the portal runs on files, with WAL), migrated.</summary>
    public static async Task<PortalTestHost> StartSqliteAsync()
    {
        var directory = NewWorkDirectory();
        // As in the app: concurrent writers wait for SQLite's write lock instead of failing at once with SQLITE_BUSY.
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "portal.db"), DefaultTimeout = 30 }.ConnectionString;
        return await StartAsync(DatabaseProvider.Sqlite, connectionString, directory);
    }

    /// <summary>A new database in the shared cluster, migrated.</summary>
    public static async Task<PortalTestHost> StartPostgreSqlAsync(PostgresCluster cluster, string purpose = "portal")
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var connectionString = await cluster.CreateDatabaseAsync(purpose);
        return await StartAsync(DatabaseProvider.PostgreSql, connectionString, NewWorkDirectory());
    }

    public async Task<PortalDbContext> CreateDbContextAsync() => await DbFactory.CreateDbContextAsync();

    /// <summary>Runs <paramref name="work"/> with services from a new scope, as one request or job would.</summary>
    public async Task InScopeAsync(Func<IServiceProvider, Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = Services.CreateAsyncScope();
        await work(scope.ServiceProvider);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (Provider == DatabaseProvider.Sqlite)
        {
            // Pooled connections keep the file open; release them so the folder can go.
            SqliteConnection.ClearAllPools();
        }
        else
        {
            NpgsqlConnection.ClearAllPools();
        }

        if (Directory.Exists(workDirectory))
        {
            Directory.Delete(workDirectory, recursive: true);
        }
    }

    private static async Task<PortalTestHost> StartAsync(DatabaseProvider provider, string connectionString, string workDirectory)
    {
        PortalTestHost host;
        try
        {
            host = new PortalTestHost(provider, connectionString, workDirectory);
        }
        catch
        {
            Directory.Delete(workDirectory, recursive: true);
            throw;
        }

        try
        {
            await host.InScopeAsync(services => services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None));
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    private static string NewWorkDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "grantportal-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        return directory;
    }
}
