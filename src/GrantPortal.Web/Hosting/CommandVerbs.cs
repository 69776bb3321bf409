using GrantPortal.Core.Auditing;
using GrantPortal.Core.Data;
using GrantPortal.Core.Localization;
using Microsoft.Extensions.Localization;
using GrantPortal.Demo;

namespace GrantPortal.Web.Hosting;

/// <summary>Tasks an operator runs on the same executable, after the same start-up as the portal.</summary>
public static class CommandVerbs
{
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(args);
        // A verb comes first; options such as --urls follow the usual ASP.NET Core rules.
        var verb = args.Length > 0 && !args[0].StartsWith('-') && !args[0].Contains('=', StringComparison.Ordinal) ? args[0] : null;
        if (verb is null)
        {
            return false;
        }

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CommandVerbs));
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        switch (verb)
        {
            case "migrate":
                await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellation.Token);
                PortalKeyRing.EnsureKey(services);
                logger.LogInformation("Database is at the current schema");
                return true;
            case "seed-demo":
                await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellation.Token);
                PortalKeyRing.EnsureKey(services);
                var seeded = await services.GetRequiredService<DemoSeeder>().SeedAsync(cancellation.Token);
                if (seeded)
                {
                    logger.LogInformation("Demo data seeded");
                }
                else
                {
                    logger.LogInformation("Database already holds data; demo data not seeded");
                }

                return true;
            case "create-admin" when args.Length >= 2:
                await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellation.Token);
                PortalKeyRing.EnsureKey(services);
                var created = await services.GetRequiredService<AdministratorSetup>().CreateAsync(
                    args[1], args.Length >= 3 ? args[2] : args[1], Environment.GetEnvironmentVariable("GRANTPORTAL_ADMIN_PASSWORD"));
                logger.LogInformation("{Email} is an administrator", created.Email);
                if (created.GeneratedPassword is not null)
                {
                    // Printed once, to the operator's terminal only; never logged.
                    await Console.Out.WriteLineAsync($"Generated password for {created.Email}: {created.GeneratedPassword}");
                }

                return true;
            case "send-reminders":
                // One pass in this process, whatever the schedule: keys recorded before sending keep it from repeating a running job's work.
                var pass = await services.GetRequiredService<ReminderService>().RunAsync(cancellation.Token);
                logger.LogInformation(
                    "Reminders: {Due} due, {Sent} sent in {Messages} digest(s), {Deferred} deferred, {Failed} refused",
                    pass.Due, pass.Sent, pass.Messages, pass.Deferred, pass.Failed);
                if (pass.Deferred > 0 || pass.Failed > 0)
                {
                    Environment.ExitCode = 1;
                }

                return true;
            case "verify-audit":
                await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellation.Token);
                var verification = await services.GetRequiredService<AuditVerifier>().VerifyAsync(cancellation.Token);

                // Printed in English for the operator's scripts, whatever the machine's language.
                CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(Languages.English);
                await Console.Out.WriteLineAsync(verification.Describe(services.GetRequiredService<IStringLocalizer<Strings>>()));
                Environment.ExitCode = verification.Intact ? 0 : 1;
                return true;
            default:
                logger.LogError("Unknown command {Verb}. Known: migrate, seed-demo, send-reminders, create-admin EMAIL [NAME], verify-audit", verb);
                Environment.ExitCode = 2;
                return true;
        }
    }
}
