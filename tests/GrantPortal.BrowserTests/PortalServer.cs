using System.Net;
using GrantPortal.Core.Data;
using GrantPortal.Demo;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace GrantPortal.BrowserTests;

/// <summary>
/// The real portal on a real loopback port, on a fresh SQLite file seeded with the demo data,
/// exactly as `dotnet run` serves it in Development; <paramref name="settings"/> override configuration for a test's own portal,
/// and <paramref name="services"/> adds test services to it (such as a SQL command counter).
/// </summary>
public sealed class PortalServer(
    IClock? clock = null, IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    private readonly string folder = Directory.CreateTempSubdirectory("grantportal-browser-").FullName;

    public string BaseAddress { get; private set; } = "";

    public string MailFolder => Path.Combine(folder, "mail");

    /// <summary>What the portal logged at Error or above, for tests to show when a page does not react.</summary>
    public ServerErrors Errors { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Portal", $"Data Source={Path.Combine(folder, "portal.db")};Default Timeout=30");

        // The fixture migrates and seeds once, before the first browser opens a page.
        builder.UseSetting("Database:MigrateOnStartup", "false");
        builder.UseSetting("Smtp:PickupDirectory", MailFolder);
        builder.ConfigureLogging(logging => logging.AddProvider(Errors));

        // The suite signs the demo accounts in hundreds of times from one address within minutes: the shared server
        // allows it. The rate limits' own tests start a server of their own with low limits (the settings below).
        foreach (var policy in new[] { "SignIn", "SignInPerAccount", "TwoFactor", "Registration", "PasswordLinks", "OpenData", "Downloads" })
        {
            builder.UseSetting($"RateLimits:{policy}:PermitLimit", "100000");
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        if (clock is not null)
        {
            // A test that lets days pass gives the whole portal its clock: services, jobs and the demo seeder.
            builder.ConfigureTestServices(collection => collection.AddSingleton(clock));
        }

        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }

    public async Task StartAsync()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        BaseAddress = ClientOptions.BaseAddress.ToString().TrimEnd('/');
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the temp folder is cleaned by the OS later.
        }
    }
}
