using System.Data.Common;
using GrantPortal.Core;
using GrantPortal.Core.Data;
using GrantPortal.Demo;
using GrantPortal.Testing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace GrantPortal.Benchmarks;

/// <summary>
/// Core's services on a real, freshly migrated database (a SQLite file, or a throwaway PostgreSQL cluster),
/// with every SQL command counted. The same wiring the portal uses, minus the web host.
/// </summary>
internal sealed class BenchmarkHost : IAsyncDisposable
{
    private readonly string folder;
    private readonly ThrowawayPostgres? postgres;

    private BenchmarkHost(DatabaseProvider provider, string connectionString, string folder, ThrowawayPostgres? postgres)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.folder = folder;
        this.postgres = postgres;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Smtp:PickupDirectory"] = Path.Combine(folder, "mail") })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddPortalCore(provider, connectionString);
        services.ConfigureDbContext<PortalDbContext>(options => options.AddInterceptors(Commands));
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.AddPortalMail(folder);
        services.AddPortalApplications(folder);
        services.AddPortalDemo();
        Services = services.BuildServiceProvider();
        DbFactory = Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
    }

    public DatabaseProvider Provider { get; }

    /// <summary>The database's connection string, for a benchmark's bare-SQL floor on the same database.</summary>
    public string ConnectionString { get; }

    public ServiceProvider Services { get; }

    public IDbContextFactory<PortalDbContext> DbFactory { get; }

    public CommandCounter Commands { get; } = new();

    public string MailFolder => Path.Combine(folder, "mail");

    public static async Task<BenchmarkHost> StartAsync(string provider)
    {
        var folder = Directory.CreateTempSubdirectory("grantportal-bench-").FullName;
        BenchmarkHost host;
        switch (provider.ToLowerInvariant())
        {
            case "sqlite":
                host = new BenchmarkHost(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "portal.db")};Default Timeout=60", folder, null);
                break;
            case "postgres" or "postgresql":
                var cluster = new ThrowawayPostgres();
                await cluster.StartAsync();
                var connectionString = await cluster.CreateDatabaseAsync("bench") + ";Maximum Pool Size=100";
                host = new BenchmarkHost(DatabaseProvider.PostgreSql, connectionString, folder, cluster);
                break;
            default:
                throw new ArgumentException($"Unknown provider '{provider}': use sqlite or postgres.", nameof(provider));
        }

        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        if (postgres is not null)
        {
            await postgres.StopAsync();
        }

        if (Environment.GetEnvironmentVariable("GRANTPORTAL_BENCH_KEEP") == "1")
        {
            // For a look at the data afterwards (a query plan, a size); the folder is the benchmark's to delete otherwise.
            Console.WriteLine($"kept {folder}");
            return;
        }

        Directory.Delete(folder, recursive: true);
    }
}

/// <summary>Counts the SQL commands the portal sends, to report commands per page and catch N+1 queries.</summary>
internal sealed class CommandCounter : DbCommandInterceptor
{
    private long count;

    public long Count => Interlocked.Read(ref count);

    public void Reset() => Interlocked.Exchange(ref count, 0);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref count);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref count);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref count);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }
}
