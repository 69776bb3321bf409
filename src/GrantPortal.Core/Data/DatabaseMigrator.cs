namespace GrantPortal.Core.Data;

/// <summary>Brings a database to the current schema and makes sure the roles exist.</summary>
public sealed class DatabaseMigrator(IDbContextFactory<PortalDbContext> dbFactory, RoleSetup roleSetup, ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (db.Database.IsSqlite())
        {
            // Write-ahead logging lets readers continue while one writer commits; the setting is stored in the file.
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migrations: {Migrations}", pending.Count, pending);
        }

        await db.Database.MigrateAsync(ct);
        await roleSetup.EnsureRolesAsync();
    }
}
