using System.Globalization;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Data;
using GrantPortal.Core.Notifications;
using GrantPortal.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using netDumbster.smtp;
using NodaTime;

namespace GrantPortal.IntegrationTests.Notifications;

/// <summary>Mail recorded with its change and sent by the outbox job over real loopback SMTP.</summary>
public abstract class OutboxTests : ProviderTest
{
    protected OutboxTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

    [Fact]
    public async Task Mail_is_recorded_with_the_change_and_sent_by_the_job()
    {
        Host.Outbox.Hold = true;
        await AccountAsync("minji@walking.or.kr");

        await Host.Services.GetRequiredService<PasswordLinks>().RequestResetAsync("minji@walking.or.kr");

        // The request is over: its audit event and its mail are in the database, and nothing has been sent.
        await using (var db = await Host.CreateDbContextAsync())
        {
            var queued = Assert.Single(await db.OutboxMessages.ToListAsync());
            Assert.Equal((MailPurposes.PasswordReset, "minji@walking.or.kr", Languages.Korean, OutboxStatus.Queued, 0), (queued.Purpose, queued.RecipientEmail, queued.Language, queued.Status, queued.Attempts));
            Assert.Equal("GrantPortal 비밀번호 재설정", queued.Subject);
            Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "user.password-reset-requested"));
        }

        Assert.Equal(1, Host.Outbox.Signals);
        Assert.False(Directory.Exists(Host.MailPickupDirectory) && Directory.EnumerateFiles(Host.MailPickupDirectory).Any());

        using var smtp = SimpleSmtpServer.Start(Loopback.FreePort());
        var first = await Sender(smtp.Configuration.Port).SendDueAsync(CancellationToken.None);
        var again = await Sender(smtp.Configuration.Port).SendDueAsync(CancellationToken.None);

        Assert.Equal(new OutboxRunResult(1, 0, 0, 1), first);
        Assert.Equal(new OutboxRunResult(0, 0, 0, 0), again);
        var received = Assert.Single(ReminderScenario.Parse(smtp));
        Assert.Equal("GrantPortal 비밀번호 재설정", received.Subject);
        Assert.Equal("minji@walking.or.kr", received.To.Mailboxes.Single().Address);
        await using var after = await Host.CreateDbContextAsync();
        var sent = Assert.Single(await after.OutboxMessages.ToListAsync());
        Assert.Equal((OutboxStatus.Sent, 1, (string?)null, Host.Clock.GetCurrentInstant()), (sent.Status, sent.Attempts, sent.LastError, sent.SentAt));
    }

    [Fact]
    public async Task A_refused_change_queues_no_mail()
    {
        var to = new MailRecipient("김민지", "minji@walking.or.kr", Languages.Korean);
        await using (var db = await Host.CreateDbContextAsync())
        {
            // Saved inside the transaction, then refused: the refusal takes the mail with it.
            var refused = await db.InTransactionAsync(
                async () =>
                {
                    MailOutbox.Add(db, Host.Clock.GetCurrentInstant(), MailPurposes.ReportDecided, to, () => ("Subject", "Body"));
                    await db.SaveChangesAsync();
                    return Result.Refused("The report was decided by someone else.");
                },
                CancellationToken.None);
            Assert.Equal(Outcome.Refused, refused.Outcome);

            // A change that fails after saving its mail leaves no mail either.
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.InTransactionAsync<Result>(
                async () =>
                {
                    MailOutbox.Add(db, Host.Clock.GetCurrentInstant(), MailPurposes.ReportDecided, to, () => ("Subject", "Body"));
                    await db.SaveChangesAsync();
                    throw new InvalidOperationException("The change broke after its save.");
                },
                CancellationToken.None));
        }

        await using var after = await Host.CreateDbContextAsync();
        Assert.Empty(await after.OutboxMessages.ToListAsync());
        Assert.Equal(0, Host.Outbox.Signals);
        Assert.False(Directory.Exists(Host.MailPickupDirectory) && Directory.EnumerateFiles(Host.MailPickupDirectory).Any());
    }

    [Fact]
    public async Task Transient_smtp_failure_is_retried_later()
    {
        Host.Outbox.Hold = true;
        await QueueAsync(3);
        var port = Loopback.FreePort();

        var down = await Sender(port).SendDueAsync(CancellationToken.None);
        var tooSoon = await Sender(port).SendDueAsync(CancellationToken.None);

        Assert.Equal(new OutboxRunResult(0, 3, 0, 1), down);
        Assert.Equal(0, tooSoon.Batches);
        await using (var db = await Host.CreateDbContextAsync())
        {
            Assert.All(await db.OutboxMessages.ToListAsync(), m =>
            {
                Assert.Equal((OutboxStatus.Queued, 1), (m.Status, m.Attempts));
                Assert.Contains("127.0.0.1", m.LastError, StringComparison.Ordinal);
                Assert.Equal(Host.Clock.GetCurrentInstant() + Duration.FromMinutes(1), m.NextAttemptAt);
            });
        }

        // Still down a minute later: the wait doubles.
        Host.Clock.Advance(Duration.FromMinutes(1));
        Assert.Equal(new OutboxRunResult(0, 3, 0, 1), await Sender(port).SendDueAsync(CancellationToken.None));
        await using (var db = await Host.CreateDbContextAsync())
        {
            Assert.All(await db.OutboxMessages.ToListAsync(), m => Assert.Equal(Host.Clock.GetCurrentInstant() + Duration.FromMinutes(2), m.NextAttemptAt));
        }

        Host.Clock.Advance(Duration.FromMinutes(2));
        using var smtp = SimpleSmtpServer.Start(port);
        var up = await Sender(port).SendDueAsync(CancellationToken.None);

        Assert.Equal(new OutboxRunResult(3, 0, 0, 1), up);
        Assert.Equal(3, smtp.ReceivedEmailCount);
        await using var after = await Host.CreateDbContextAsync();
        Assert.All(await after.OutboxMessages.ToListAsync(), m => Assert.Equal((OutboxStatus.Sent, 3, (string?)null), (m.Status, m.Attempts, m.LastError)));
    }

    [Fact]
    public async Task Mail_still_undeliverable_after_every_attempt_is_recorded_as_failed()
    {
        Host.Outbox.Hold = true;
        await QueueAsync(1);
        var port = Loopback.FreePort();

        Assert.Equal(new OutboxRunResult(0, 1, 0, 1), await Sender(port, maxAttempts: 2).SendDueAsync(CancellationToken.None));
        Host.Clock.Advance(Duration.FromMinutes(1));
        Assert.Equal(new OutboxRunResult(0, 0, 1, 1), await Sender(port, maxAttempts: 2).SendDueAsync(CancellationToken.None));

        await using var db = await Host.CreateDbContextAsync();
        var failed = Assert.Single(await db.OutboxMessages.ToListAsync());
        Assert.Equal((OutboxStatus.Failed, 2), (failed.Status, failed.Attempts));
        Assert.StartsWith("Gave up after 2 attempt(s): ", failed.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refused_recipient_fails_for_good_and_the_others_are_sent()
    {
        Host.Outbox.Hold = true;
        await QueueAsync(3);
        await using var server = new RefusingSmtpServer("person1@walking.or.kr");

        var result = await Sender(server.Port).SendDueAsync(CancellationToken.None);
        Host.Clock.Advance(Duration.FromHours(1));
        var later = await Sender(server.Port).SendDueAsync(CancellationToken.None);

        Assert.Equal(new OutboxRunResult(2, 0, 1, 1), result);
        Assert.Equal(0, later.Batches);
        Assert.Equal(2, server.AcceptedMessages.Count);
        await using var db = await Host.CreateDbContextAsync();
        var refused = await db.OutboxMessages.SingleAsync(m => m.Status == OutboxStatus.Failed);
        Assert.Equal("person1@walking.or.kr", refused.RecipientEmail);
        Assert.StartsWith("550 ", refused.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_workers_never_send_one_message_twice()
    {
        Host.Outbox.Hold = true;
        await QueueAsync(60);
        using var smtp = SimpleSmtpServer.Start(Loopback.FreePort());

        // Four passes at once, a few messages per connection, so they keep choosing the same rows.
        var passes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Sender(smtp.Configuration.Port, messagesPerConnection: 7).SendDueAsync(CancellationToken.None))));

        Assert.Equal(60, passes.Sum(p => p.Sent));
        Assert.Equal(60, smtp.ReceivedEmailCount);
        Assert.Equal(60, ReminderScenario.Parse(smtp).Select(m => m.To.Mailboxes.Single().Address).Distinct().Count());
        await using var db = await Host.CreateDbContextAsync();
        Assert.All(await db.OutboxMessages.ToListAsync(), m => Assert.Equal((OutboxStatus.Sent, 1), (m.Status, m.Attempts)));
    }

    [Fact]
    public async Task Message_abandoned_by_a_crashed_pass_is_sent_after_the_lease()
    {
        Host.Outbox.Hold = true;
        await QueueAsync(1);
        await using (var db = await Host.CreateDbContextAsync())
        {
            // As a pass leaves it when the process dies between its claim and the server's answer.
            await db.OutboxMessages.ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Sending)
                .SetProperty(m => m.ClaimToken, Guid.NewGuid())
                .SetProperty(m => m.ClaimedAt, Host.Clock.GetCurrentInstant())
                .SetProperty(m => m.Attempts, 1));
        }

        using var smtp = SimpleSmtpServer.Start(Loopback.FreePort());
        Assert.Equal(0, (await Sender(smtp.Configuration.Port).SendDueAsync(CancellationToken.None)).Batches);

        Host.Clock.Advance(Duration.FromMinutes(11));
        Assert.Equal(1, (await Sender(smtp.Configuration.Port).SendDueAsync(CancellationToken.None)).Sent);
        Assert.Equal(1, smtp.ReceivedEmailCount);
    }

    [Fact]
    public async Task Mail_queued_by_a_change_leaves_when_the_change_commits()
    {
        await AccountAsync("minji@walking.or.kr");

        await Host.Services.GetRequiredService<PasswordLinks>().RequestResetAsync("minji@walking.or.kr");

        Assert.Equal(1, Host.Outbox.Signals);
        var mail = Assert.Single(await Mail.ReadAllAsync(Host.MailPickupDirectory));
        Assert.Equal("GrantPortal 비밀번호 재설정", mail.Subject);
        await using var db = await Host.CreateDbContextAsync();
        Assert.Equal(OutboxStatus.Sent, (await db.OutboxMessages.SingleAsync()).Status);
    }

    private OutboxSender Sender(int smtpPort, int messagesPerConnection = 200, int maxAttempts = 10)
    {
        var smtp = new SmtpOptions { Host = "127.0.0.1", Port = smtpPort, RetryCount = 0, TimeoutSeconds = 10 };
        var sender = new MailKitSender(Options.Create(smtp), Host.Clock, NullLogger<MailKitSender>.Instance);
        var outbox = new OutboxOptions { MessagesPerConnection = messagesPerConnection, MaxAttempts = maxAttempts };
        return new OutboxSender(Host.DbFactory, Host.Clock, sender, Options.Create(outbox), NullLogger<OutboxSender>.Instance);
    }

    private async Task AccountAsync(string email) =>
        await Host.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<PortalUser>>();
            var user = new PortalUser { UserName = email, Email = email, DisplayName = "김민지", PreferredLanguage = Languages.Korean, CreatedAt = Host.Clock.GetCurrentInstant() };
            Assert.True((await users.CreateAsync(user, "the passphrase I forgot")).Succeeded);
        });

    private async Task QueueAsync(int count)
    {
        await using var db = await Host.CreateDbContextAsync();
        for (var i = 0; i < count; i++)
        {
            var to = new MailRecipient($"Person {i}", $"person{i}@walking.or.kr", i % 2 == 0 ? Languages.Korean : Languages.English);
            MailOutbox.Add(db, Host.Clock.GetCurrentInstant(), MailPurposes.OrganizationNotice, to, () => ($"Notice {i}", $"Body {i}"));
        }

        await db.SaveChangesAsync();
    }
}

public sealed class OutboxTests_on_Sqlite : OutboxTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartSqliteAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class OutboxTests_on_PostgreSql(PostgresCluster cluster) : OutboxTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartPostgreSqlAsync(cluster);
}
