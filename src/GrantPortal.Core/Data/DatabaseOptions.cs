using System.ComponentModel.DataAnnotations;

namespace GrantPortal.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    PostgreSql,
}

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    [EnumDataType(typeof(DatabaseProvider))]
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Applies migrations (and, in Development, demo data) when the portal starts.</summary>
    public bool MigrateOnStartup { get; set; }

    public bool SeedDemoDataOnStartup { get; set; }
}

/// <summary>The database the portal runs on, resolved once from configuration.</summary>
public sealed record PortalDatabaseSettings(DatabaseProvider Provider, string ConnectionString);

/// <summary>The provider switch: one place that knows how each database is configured.</summary>
public static class PortalDatabase
{
    public static string MigrationsAssembly(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => "GrantPortal.Migrations.Sqlite",
        DatabaseProvider.SqlServer => "GrantPortal.Migrations.SqlServer",
        DatabaseProvider.PostgreSql => "GrantPortal.Migrations.PostgreSql",
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var assembly = MigrationsAssembly(provider);
        return provider switch
        {
            DatabaseProvider.Sqlite => builder.UseSqlite(connectionString, o => o.MigrationsAssembly(assembly)),
            DatabaseProvider.SqlServer => builder.UseSqlServer(connectionString, o => o.MigrationsAssembly(assembly).EnableRetryOnFailure()),
            DatabaseProvider.PostgreSql => builder.UseNpgsql(connectionString, o => o.MigrationsAssembly(assembly).UseNodaTime()),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
        };
    }

    public static DbContextOptions<PortalDbContext> CreateOptions(DatabaseProvider provider, string connectionString) =>
        ((DbContextOptionsBuilder<PortalDbContext>)Configure(new DbContextOptionsBuilder<PortalDbContext>(), provider, connectionString)).Options;
}
