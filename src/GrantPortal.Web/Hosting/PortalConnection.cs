using GrantPortal.Core.Data;

namespace GrantPortal.Web.Hosting;

public static class PortalConnection
{
    /// <summary>Reads the database choice when the container is built, after every configuration source has been added.</summary>
    public static PortalDatabaseSettings FromConfiguration(IServiceProvider services)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var environment = services.GetRequiredService<IWebHostEnvironment>();
        var provider = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()?.Provider ?? DatabaseProvider.Sqlite;
        return new PortalDatabaseSettings(provider, Resolve(provider, configuration.GetConnectionString("Portal"), environment.ContentRootPath));
    }

    /// <summary>
    /// The configured connection string, or for the embedded default a SQLite file under App_Data.
    /// A relative SQLite path is taken from the content root, not the working directory.
    /// </summary>
    public static string Resolve(DatabaseProvider provider, string? configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        if (provider != DatabaseProvider.Sqlite)
        {
            throw new InvalidOperationException($"ConnectionStrings:Portal is required for the {provider} provider.");
        }

        var folder = Path.Combine(contentRoot, "App_Data");
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "grantportal.db")};Default Timeout=30";
    }
}
