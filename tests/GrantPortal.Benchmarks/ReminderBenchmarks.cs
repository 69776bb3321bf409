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
using Microsoft.EntityFrameworkCore;
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
        var sender = new TimedMailSender(new MailKitSender(Options.Create(smtpOptions), SystemClock.Instance, NullLogger<MailKitSender>.Instance));
        var service = new ReminderService(
            host.DbFactory,
            SystemClock.Instance,
            sender,
            host.Services.GetRequiredService<IStringLocalizer<Strings>>(),
            Options.Create(new ReminderOptions()),
            NullLogger<ReminderService>.Instance);

        var started = Stopwatch.GetTimestamp();
        var first = await service.RunAsync(CancellationToken.None);
        var firstMs = Measure.Milliseconds(started);
        started = Stopwatch.GetTimestamp();
        var second = await service.RunAsync(CancellationToken.None);
        var secondMs = Measure.Milliseconds(started);

        Console.WriteLine("| provider | due reminders | recipients | pass | find / record / compose+send (composing; SMTP, summed over connections) | digests | connections | messages per connection | received | second pass | sent again | peak memory |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        var t = first.Timings;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {host.Provider} | {first.Due} | {recipients} | {Measure.Ms(firstMs)} | {t.Find.TotalSeconds:0.0} s / {t.Claim.TotalSeconds:0.0} s / {t.Send.TotalSeconds:0.0} s ({t.Compose.TotalSeconds:0.0} s; {sender.Elapsed.TotalSeconds:0.0} s) | {first.Messages} | {first.Batches} | " +
            $"{(first.Batches == 0 ? 0 : first.Messages / first.Batches)} | {smtp.ReceivedEmailCount} | {Measure.Ms(secondMs)} | {second.Sent} | {Measure.PeakMemory()} |"));
        var floor = await FloorAsync(host, sender.Messages, port, now, connections: new ReminderOptions().SendConnections);
        Console.WriteLine();
        Console.WriteLine("| provider | floor: read due / write keys / send digests | floor pass | portal pass | portal as a share of the floor's rate | received |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- |");
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {host.Provider} | {floor.Read.TotalSeconds:0.0} s / {floor.Write.TotalSeconds:0.0} s / {floor.Send.TotalSeconds:0.0} s | {Measure.Ms(floor.Total.TotalMilliseconds)} | {Measure.Ms(firstMs)} | {floor.Total.TotalMilliseconds / firstMs:0.00} | {smtp.ReceivedEmailCount} |"));
        return first.Sent == recipients * perRecipient && second.Sent == 0 && smtp.ReceivedEmailCount == recipients * 2 && floor.Rows == recipients * perRecipient ? 0 : 1;
    }

    private sealed record Floor(int Rows, TimeSpan Read, TimeSpan Write, TimeSpan Send)
    {
        public TimeSpan Total => Read + Write + Send;
    }

    /// <summary>
    /// The same work without the portal around it: one bare SELECT of the unsubmitted reviews due with their reviewers,
    /// one INSERT batch per recipient writing its keys as sent (one connection, one transaction: the fastest way to write
    /// them on either provider), and the
    /// pass's own digests handed to the same SMTP server over the same number of plain MailKit connections.
    /// </summary>
    private static async Task<Floor> FloorAsync(BenchmarkHost host, IReadOnlyList<MimeKit.MimeMessage> messages, int port, Instant now, int connections)
    {
        var due = new List<(int AssignmentId, string ReviewerId, string Email, string Title, DateOnly DueOn)>();
        var started = Stopwatch.GetTimestamp();
        await using (var db = await host.DbFactory.CreateDbContextAsync())
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT ra."Id", ra."ReviewerId", u."Email", a."ProjectTitle", ra."DueOn"
                FROM "ReviewAssignments" ra
                JOIN "AspNetUsers" u ON u."Id" = ra."ReviewerId"
                JOIN "Applications" a ON a."Id" = ra."ApplicationId"
                WHERE NOT EXISTS (SELECT 1 FROM "Reviews" r WHERE r."AssignmentId" = ra."Id" AND r."SubmittedAt" IS NOT NULL)
                """;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                due.Add((reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), DateOnly.FromDateTime(reader.GetDateTime(4))));
            }
        }

        var read = Stopwatch.GetElapsedTime(started);
        started = Stopwatch.GetTimestamp();
        var createdAt = now.ToDateTimeUtc();
        await using (var db = await host.DbFactory.CreateDbContextAsync())
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            foreach (var recipient in due.GroupBy(d => d.ReviewerId))
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                var values = new List<string>();
                var i = 0;
                foreach (var item in recipient)
                {
                    values.Add($"(@k{i}, 'review', 'ReviewAssignment', @i{i}, @r{i}, @e{i}, @d{i}, 'P2D', 'Sent', 1, @c{i}, @c{i}, @c{i}, @t{i})");
                    Add(command, $"k{i}", $"floor|review|{item.AssignmentId}|{item.ReviewerId}");
                    Add(command, $"i{i}", item.AssignmentId);
                    Add(command, $"r{i}", item.ReviewerId);
                    Add(command, $"e{i}", item.Email);
                    Add(command, $"d{i}", item.DueOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
                    Add(command, $"c{i}", createdAt);
                    Add(command, $"t{i}", item.Title);
                    i++;
                }

                command.CommandText = """
                    INSERT INTO "ReminderDeliveries" ("Key", "Rule", "ItemType", "ItemId", "RecipientId", "RecipientEmail", "Deadline", "LeadTime", "Status", "Attempts", "CreatedAt", "ClaimedAt", "SentAt", "ItemTitle")
                    VALUES
                    """ + string.Join(", ", values);
                await command.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }

        var write = Stopwatch.GetElapsedTime(started);

        started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(
            messages.Chunk((messages.Count / connections) + 1),
            new ParallelOptions { MaxDegreeOfParallelism = connections },
            async (batch, ct) =>
            {
                using var client = new MailKit.Net.Smtp.SmtpClient();
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync(IPAddress.Loopback, port, ct);
                await client.ConnectAsync(socket, "127.0.0.1", port, MailKit.Security.SecureSocketOptions.None, ct);
                foreach (var message in batch)
                {
                    await client.SendAsync(message, ct);
                }

                await client.DisconnectAsync(quit: true, ct);
            });
        return new Floor(due.Count, read, write, Stopwatch.GetElapsedTime(started));
    }

    private static void Add(System.Data.Common.DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
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

/// <summary>The time the pass spends handing mail to the SMTP server, summed over the connections that send at once.</summary>
internal sealed class TimedMailSender(IMailSender inner) : IMailSender
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<MimeKit.MimeMessage> messages = new();
    private long ticks;

    /// <summary>Every message handed over, for the floor to send again.</summary>
    public IReadOnlyList<MimeKit.MimeMessage> Messages => messages.ToList();

    public TimeSpan Elapsed => TimeSpan.FromTicks(Interlocked.Read(ref ticks));

    public async Task SendAsync(IReadOnlyList<MimeKit.MimeMessage> batch, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await inner.SendAsync(batch, ct);
            foreach (var message in batch)
            {
                this.messages.Enqueue(message);
            }
        }
        finally
        {
            Interlocked.Add(ref ticks, Stopwatch.GetElapsedTime(started).Ticks);
        }
    }
}
