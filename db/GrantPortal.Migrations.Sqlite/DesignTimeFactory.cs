using GrantPortal.Core.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace GrantPortal.Migrations.Sqlite;

/// <summary>Lets dotnet-ef build the model for this provider without starting the portal or reaching a server.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args) =>
        new(PortalDatabase.CreateOptions(DatabaseProvider.Sqlite, "Data Source=design-time.db"));
}
