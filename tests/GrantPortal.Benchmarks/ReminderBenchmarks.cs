using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Applications;
using GrantPortal.Core.Calls;
using GrantPortal.Core.Localization;
using GrantPortal.Core.Money;
using GrantPortal.Core.Notifications;
using GrantPortal.Core.Organizations;
using GrantPortal.Core.Reviews;
using GrantPortal.Core.Time;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using netDumbster.smtp;
using NodaTime;

namespace GrantPortal.Benchmarks;

/// <summary>The reminders' figures: one reminder pass over 10,000 due reminders for 2,000 recipients, to SMTP on loopback.</summary>
internal static class ReminderBenchmarks
{
    /// <summary>
    /// 2,000 reviewers with 5 unsubmitted reviews each, due in two days: 10,000 reminders, one digest of five items per
    /// reviewer. Runs the pass, then a second pass that must send nothing.
    /// </summary>
    public static async Task<int> ReminderPassAsync(string[] args)
    {
        var provider = args.FirstOrDefault() ?? "sqlite";
        var recipients = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2000;
        const int perRecipient = 5;
        await using var host = await BenchmarkHost.StartAsync(provider);
        var now = SystemClock.Instance.GetCurrentInstant();
        var prepared = Stopwatch.GetTimestamp();
        await PrepareAsync(host, recipients, perRecipient, now);
        Console.WriteLine($"prepared {recipients * perRecipient} review assignments in {Measure.Ms(Measure.Milliseconds(prepared))}");

        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var smtp = SimpleSmtpServer.Start(port);
        var smtpOptions = new SmtpOptions { Host = "127.0.0.1", Port = port };
        var service = new ReminderService(
            host.DbFactory,
            SystemClock.Instance,
            new MailKitSender(Options.Create(smtpOptions), SystemClock.Instance, NullLogger<MailKitSender>.Instance),
            host.Services.GetRequiredService<IStringLocalizer<Strings>>(),
            Options.Create(new ReminderOptions()),
            NullLogger<ReminderService>.Instance);

        var started = Stopwatch.GetTimestamp();
        var first = await service.RunAsync(CancellationToken.None);
        var firstMs = Measure.Milliseconds(started);
        started = Stopwatch.GetTimestamp();
        var second = await service.RunAsync(CancellationToken.None);
        var secondMs = Measure.Milliseconds(started);

        Console.WriteLine("| provider | due reminders | recipients | pass | find / record / compose+send | digests | connections | messages per connection | received | second pass | sent again | peak memory |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        var t = first.Timings;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {host.Provider} | {first.Due} | {recipients} | {Measure.Ms(firstMs)} | {t.Find.TotalSeconds:0.0} s / {t.Claim.TotalSeconds:0.0} s / {t.Send.TotalSeconds:0.0} s | {first.Messages} | {first.Batches} | " +
            $"{(first.Batches == 0 ? 0 : first.Messages / first.Batches)} | {smtp.ReceivedEmailCount} | {Measure.Ms(secondMs)} | {second.Sent} | {Measure.PeakMemory()} |"));
        return first.Sent == recipients * perRecipient && second.Sent == 0 && smtp.ReceivedEmailCount == recipients ? 0 : 1;
    }

    private static async Task PrepareAsync(BenchmarkHost host, int recipients, int perRecipient, Instant now)
    {
        await using (var db = await host.DbFactory.CreateDbContextAsync())
        {
            var year = BudgetYear.Open(2026, new Krw(1_800_000_000));
            db.BudgetYears.Add(year);
            await db.SaveChangesAsync();
            var call = new Call
            {
                BudgetYearId = year.Id,
                Code = "BENCH",
                TitleEnglish = "Benchmark call",
                TitleKorean = "성능 측정 공모",
                Envelope = new Krw(900_000_000),
                MinimumRequest = new Krw(1_000_000),
                MaximumRequest = new Krw(100_000_000),
                OpensAt = now - Duration.FromDays(30),
                ClosesAt = now - Duration.FromDays(10),
                ReviewDueOn = Seoul.ToLocal(now).Date.PlusDays(2),
            };
            call.Publish(now - Duration.FromDays(30));
            db.Calls.Add(call);
            var organization = Organization.Register("Bench Forum", "벤치포럼", "220-82-22225", OrganizationType.Foundation, "Bench", "bench@bench.example", now);
            organization.Verify("officer", now);
            db.Organizations.Add(organization);
            await db.SaveChangesAsync();
            for (var i = 0; i < recipients; i++)
            {
                var application = Application.StartDraft(call, organization.Id, "bench-applicant", now);
                application.ProjectTitle = $"Project {i:D5}";
                application.Submit($"2026-BENCH-{i:D5}", now);
                db.Applications.Add(application);
                var email = $"reviewer{i:D5}@bench.example";
                db.Users.Add(new PortalUser
                {
                    Id = $"reviewer-{i:D5}",
                    UserName = email,
                    NormalizedUserName = email.ToUpperInvariant(),
                    Email = email,
                    NormalizedEmail = email.ToUpperInvariant(),
                    DisplayName = $"Reviewer {i:D5}",
                    PreferredLanguage = i % 2 == 0 ? "ko" : "en",
                    CreatedAt = now,
                    SecurityStamp = Guid.NewGuid().ToString(),
                });
            }

            await db.SaveChangesAsync();
        }

        await using (var db = await host.DbFactory.CreateDbContextAsync())
        {
            var applicationIds = db.Applications.OrderBy(a => a.Id).Select(a => a.Id).ToList();
            var dueOn = Seoul.ToLocal(now).Date.PlusDays(2);
            for (var r = 0; r < recipients; r++)
            {
                for (var k = 0; k < perRecipient; k++)
                {
                    db.ReviewAssignments.Add(new ReviewAssignment
                    {
                        ApplicationId = applicationIds[(r + (k * 7)) % applicationIds.Count],
                        ReviewerId = $"reviewer-{r:D5}",
                        AssignedAt = now,
                        DueOn = dueOn,
                    });
                }
            }

            await db.SaveChangesAsync();
        }
    }
}
