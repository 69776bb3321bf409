using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GrantPortal.Benchmarks;

/// <summary>
/// One real portal instance on PostgreSQL on a loopback port, in this process, configured as an operator runs it
/// (Database:Provider=PostgreSql, as tests/scale-out.sh does), in Development so the static web assets resolve.
/// The factory is named by the portal's root component: this project's own top-level statements make a Program too,
/// and any type of the portal's assembly finds its entry point.
/// </summary>
internal sealed class BurstPortal(string connectionString, string folder) : WebApplicationFactory<GrantPortal.Web.Components.App>
{
    public string BaseAddress { get; private set; } = "";

    public string MailFolder => Path.Combine(folder, "mail");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", "PostgreSql");
        builder.UseSetting("ConnectionStrings:Portal", connectionString);

        // The benchmark migrates and seeds its own applicants; no demo data.
        builder.UseSetting("Database:MigrateOnStartup", "false");
        builder.UseSetting("Database:SeedDemoDataOnStartup", "false");
        builder.UseSetting("Attachments:Directory", Path.Combine(folder, "attachments"));
        builder.UseSetting("Smtp:Host", "");
        builder.UseSetting("Smtp:PickupDirectory", MailFolder);

        // The outbox job sends the confirmations soon after the burst, as the deployed portal would within its cron.
        builder.UseSetting("Outbox:Cron", "*/5 * * * * *");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Error");

        // Every session signs in from the same loopback address within a minute or two: as PortalServer does, the
        // limits meant for one attacker's address are raised.
        foreach (var policy in new[] { "SignIn", "SignInPerAccount", "TwoFactor", "Registration", "PasswordLinks", "OpenData", "Downloads" })
        {
            builder.UseSetting($"RateLimits:{policy}:PermitLimit", "100000");
        }
    }

    public void Start()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        BaseAddress = ClientOptions.BaseAddress.ToString().TrimEnd('/');
    }
}
