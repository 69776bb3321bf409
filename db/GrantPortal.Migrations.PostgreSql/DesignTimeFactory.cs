using GrantPortal.Core.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace GrantPortal.Migrations.PostgreSql;

/// <summary>Lets dotnet-ef build the model for this provider without starting the portal or reaching a server.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args) =>
        new(PortalDatabase.CreateOptions(DatabaseProvider.PostgreSql, "Host=localhost;Database=grantportal;Username=postgres"));
}
