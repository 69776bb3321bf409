using GrantPortal.Core.Accounts;
using GrantPortal.Demo;
using GrantPortal.Core.Notifications;
using GrantPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using netDumbster.smtp;
using NodaTime;

namespace GrantPortal.IntegrationTests.Notifications;

/// <summary>Reminder passes over a real database and a real SMTP server on loopback.</summary>
public abstract class ReminderTests : ProviderTest
{
    private static readonly CurrentUser Admin = new("admin-1", "Admin", null, new HashSet<string> { Roles.Administrator });

    [Fact]
    public async Task One_digest_per_recipient_lists_all_their_items()
    {
        var scenario = await ReminderScenario.CreateAsync(Host);
        using var smtp = SimpleSmtpServer.Start(Loopback.FreePort());

        var result = await scenario.Reminders(smtp.Configuration.Port).RunAsync(CancellationToken.None);

        Assert.Equal((5, 5, 4, 1), (result.Sent, result.Claimed, result.Messages, result.Batches));
        var received = ReminderScenario.Parse(smtp);
        Assert.Equal(
            ["finance2@ministry.example", "jiwon@opendoors.example", "min@hana.example", "reviewer@ministry.example"],
            received.Select(m => m.To.Mailboxes.Single().Address).Order(StringComparer.Ordinal));
        var leeMin = received.Single(m => m.To.Mailboxes.Single().Address == "min@hana.example");
        Assert.Contains("Oral history archive", leeMin.TextBody, StringComparison.Ordinal);
        Assert.Contains("Interim report: Human rights film week", leeMin.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Digests_sent_over_parallel_connections_reach_each_recipient_once()
    {
        var scenario = await ReminderScenario.CreateAsync(Host);
        using var smtp = SimpleSmtpServer.Start(Loopback.FreePort());

        // One digest per connection: the four recipients' digests go over four connections, up to four at once.
        var result = await ReminderScenario.Reminders(Host, smtp.Configuration.Port, messagesPerConnection: 1).RunAsync(CancellationToken.None);
        var again = await ReminderScenario.Reminders(Host, smtp.Configuration.Port, messagesPerConnection: 1).RunAsync(CancellationToken.None);

        Assert.Equal((5, 4, 4, 0, 0), (result.Sent, result.Messages, result.Batches, result.Deferred, result.Failed));
        Assert.Equal(4, ReminderScenario.Parse(smtp).Select(m => m.To.Mailboxes.Single().Address).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(4, smtp.ReceivedEmailCount);
        Assert.Equal(0, again.Sent);
        await using var db = await Host.CreateDbContextAsync();
        Assert.Equal(5, await db.ReminderDeliveries.CountAsync(d => d.Status == DeliveryStatus.Sent));
    }

    [Fact]
    public async Task Member_removed_by_their_organization_gets_no_reminders_and_a_colleague_does()
    {
        await ReminderScenario.CreateAsync(Host);
        await using (var db = await Host.CreateDbContextAsync())
        {
            var openDoors = await db.Users.Where(u => u.Id == "applicant-a").Select(u => u.OrganizationId).SingleAsync();
            var now = Host.Clock.GetCurrentInstant();
            var left = ReminderScenario.User("applicant-left", "left@opendoors.example", "Left", "en", openDoors, now);
            left.RemovedAt = now;
            db.Users.AddRange(left, ReminderScenario.User("applicant-new", "new@opendoors.example", "New", "en", openDoors, now));
            await db.SaveChangesAsync();
        }

        using var smtp = SimpleSmtpServer.Start(Loopback.FreePort());
        await ReminderScenario.Reminders(Host, smtp.Configuration.Port).RunAsync(CancellationToken.None);

        var recipients = ReminderScenario.Parse(smtp).Select(m => m.To.Mailboxes.Single().Address).ToList();
        Assert.Contains("new@opendoors.example", recipients);
        Assert.DoesNotContain("left@opendoors.example", recipients);
    }

    [Fact]
    public async Task Three_consecutive_runs_send_each_reminder_once()
    {
        var scenario = await ReminderScenario.CreateAsync(Host);
        using var smtp = SimpleSmtpServer.Start(Loopback.FreePort());
        var reminders = scenario.Reminders(smtp.Configuration.Port);

        var first = await reminders.RunAsync(CancellationToken.None);
        Host.Clock.Advance(Duration.FromMinutes(1));
        var second = await reminders.RunAsync(CancellationToken.None);
        Host.Clock.Advance(Duration.FromHours(1));
        var third = await reminders.RunAsync(CancellationToken.None);

        Assert.Equal([5, 0, 0], new[] { first.Sent, second.Sent, third.Sent });
        Assert.Equal([5, 5], new[] { second.AlreadyHandled, third.AlreadyHandled });
        Assert.Equal(4, smtp.ReceivedEmailCount);
        await using var db = await Host.CreateDbContextAsync();
        Assert.Equal(5, await db.ReminderDeliveries.CountAsync(d => d.Status == DeliveryStatus.Sent));
        Assert.Equal(5, await db.ReminderDeliveries.CountAsync());
    }

    [Fact]
    public async Task Passes_of_two_instances_at_once_send_each_reminder_once()
    {
        await ReminderScenario.CreateAsync(Host);
        using var smtp = SimpleSmtpServer.Start(Loopback.FreePort());
        var instances = Enumerable.Range(0, 4).Select(_ => ReminderScenario.Reminders(Host, smtp.Configuration.Port)).ToList();

        var results = await Task.WhenAll(instances.Select(r => Task.Run(() => r.RunAsync(CancellationToken.None))));

        Assert.Equal(5, results.Sum(r => r.Sent));
        Assert.Equal(4, smtp.ReceivedEmailCount);
        Assert.Equal(4, ReminderScenario.Parse(smtp).Select(m => m.To.Mailboxes.Single().Address).Distinct().Count());
    }

    [Fact]
    public async Task Later_step_is_sent_once_the_earlier_one_is_not_resent_and_a_missed_run_catches_up()
    {
        var scenario = await ReminderScenario.CreateAsync(Host);
        using var smtp = SimpleSmtpServer.Start(Loopback.FreePort());
        var reminders = scenario.Reminders(smtp.Configuration.Port);
        await reminders.RunAsync(CancellationToken.None);
        smtp.ClearReceivedEmail();

        // Every hourly run from 2026-03-01 10:00 to 2026-03-05 05:00 KST was missed.
        Host.Clock.Reset(ReminderScenario.ClosesAt - Duration.FromHours(12));
        var late = await reminders.RunAsync(CancellationToken.None);

        await using var db = await Host.CreateDbContextAsync();
        var newKeys = await db.ReminderDeliveries.Where(d => d.CreatedAt == Host.Clock.GetCurrentInstant()).Select(d => d.Rule + "/" + d.RecipientId + "/" + d.LeadTime).ToListAsync();
        Assert.Equal(
            ["call-closing/applicant-a/1d", "call-closing/applicant-b/1d", "payment-approval/finance-2/day-2026-03-05", "review-due/reviewer-1/overdue"],
            newKeys.Order(StringComparer.Ordinal));
        Assert.Equal(4, late.Sent);
        Assert.Equal(1, late.AlreadyHandled); // the report's 14-day reminder, still the current step, is not sent again
        Assert.Equal(4, smtp.ReceivedEmailCount);
    }

    [Fact]
    public async Task Smtp_down_loses_nothing_and_a_later_run_sends_it()
    {
        var scenario = await ReminderScenario.CreateAsync(Host);
        var port = Loopback.FreePort();

        var down = await scenario.Reminders(port, retryCount: 1).RunAsync(CancellationToken.None);

        Assert.Equal((0, 5), (down.Sent, down.Deferred));
        await using (var db = await Host.CreateDbContextAsync())
        {
            var deferred = await db.ReminderDeliveries.ToListAsync();
            Assert.All(deferred, d => Assert.Equal(DeliveryStatus.Deferred, d.Status));
            Assert.All(deferred, d => Assert.Contains("127.0.0.1", d.LastError, StringComparison.Ordinal));
        }

        Host.Clock.Advance(Duration.FromHours(1));
        using var smtp = SimpleSmtpServer.Start(port);
        var up = await scenario.Reminders(port).RunAsync(CancellationToken.None);
        var again = await scenario.Reminders(port).RunAsync(CancellationToken.None);

        Assert.Equal((5, 5, 0), (up.Retried, up.Sent, up.Claimed));
        Assert.Equal(0, again.Sent);
        Assert.Equal(4, smtp.ReceivedEmailCount);
        await using var after = await Host.CreateDbContextAsync();
        Assert.All(await after.ReminderDeliveries.ToListAsync(), d => Assert.Equal((DeliveryStatus.Sent, 2, (string?)null), (d.Status, d.Attempts, d.LastError)));
    }

    [Fact]
    public async Task Refused_recipient_is_recorded_as_failed_and_shown_in_the_log()
    {
        await ReminderScenario.CreateAsync(Host);
        await using var server = new RefusingSmtpServer("reviewer@ministry.example");

        var result = await ReminderScenario.Reminders(Host, server.Port).RunAsync(CancellationToken.None);
        var retry = await ReminderScenario.Reminders(Host, server.Port).RunAsync(CancellationToken.None);

        Assert.Equal((4, 1), (result.Sent, result.Failed));
        Assert.Equal(0, retry.Sent + retry.Failed + retry.Retried);
        Assert.Equal(3, server.AcceptedMessages.Count);
        var log = Host.Services.GetRequiredService<NotificationLog>();
        var failed = await log.ListAsync(Admin, "reviewer@", DeliveryStatus.Failed, 0, 25, CancellationToken.None);
        var row = Assert.Single(failed.Rows);
        Assert.Equal(ReminderRules.ReviewDue, row.Rule);
        Assert.StartsWith("550 ", row.LastError, StringComparison.Ordinal);
        Assert.Equal(new NotificationCounts(4, 0, 0, 1, 0), await log.CountAsync(Admin, CancellationToken.None));
        var applicant = new CurrentUser("applicant-a", "Kim", 1, new HashSet<string> { Roles.Applicant });
        Assert.Equal(0, (await log.ListAsync(applicant, null, null, 0, 25, CancellationToken.None)).Total);
    }

    [Fact]
    public async Task Opted_out_person_gets_only_deadline_critical_reminders_which_say_so()
    {
        var scenario = await ReminderScenario.CreateAsync(Host);
        await using (var db = await Host.CreateDbContextAsync())
        {
            await db.Users.Where(u => u.Id == "applicant-a").ExecuteUpdateAsync(s => s.SetProperty(u => u.OptOutOfNonEssentialReminders, true));
        }

        using var smtp = SimpleSmtpServer.Start(Loopback.FreePort());
        var reminders = scenario.Reminders(smtp.Configuration.Port);
        var early = await reminders.RunAsync(CancellationToken.None);
        Assert.Equal(1, early.OptedOut);
        Assert.DoesNotContain(ReminderScenario.Parse(smtp), m => m.To.Mailboxes.Single().Address == "jiwon@opendoors.example");

        Host.Clock.Reset(ReminderScenario.ClosesAt - Duration.FromHours(20));
        await reminders.RunAsync(CancellationToken.None);

        var critical = Assert.Single(ReminderScenario.Parse(smtp), m => m.To.Mailboxes.Single().Address == "jiwon@opendoors.example");
        Assert.Contains("  마감 필수 알림", critical.TextBody, StringComparison.Ordinal);
        Assert.Contains("마감 필수 알림은 선택 알림 수신을 거부하셨더라도 발송됩니다.", critical.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Claim_held_by_a_running_pass_is_left_alone_and_one_abandoned_by_a_crash_is_retried_after_the_lease()
    {
        var scenario = await ReminderScenario.CreateAsync(Host);
        var now = Host.Clock.GetCurrentInstant();
        var key = ReminderDelivery.MakeKey(ReminderRules.CallClosing, "Application", scenario.DraftA, "applicant-a", ReminderScenario.ClosesAt, "7d");
        await using (var db = await Host.CreateDbContextAsync())
        {
            // As another instance leaves it between recording the key and sending the mail.
            db.ReminderDeliveries.Add(new ReminderDelivery
            {
                Key = key, Rule = ReminderRules.CallClosing, ItemType = "Application", ItemId = scenario.DraftA, RecipientId = "applicant-a",
                RecipientEmail = "jiwon@opendoors.example", Deadline = ReminderScenario.ClosesAt, LeadTime = "7d", Status = DeliveryStatus.Pending,
                Attempts = 1, CreatedAt = now, ClaimedAt = now,
            });
            await db.SaveChangesAsync();
        }

        using var smtp = SimpleSmtpServer.Start(Loopback.FreePort());
        var reminders = scenario.Reminders(smtp.Configuration.Port);
        Host.Clock.Advance(Duration.FromMinutes(29));
        var whileHeld = await reminders.RunAsync(CancellationToken.None);
        Host.Clock.Advance(Duration.FromMinutes(2));
        var afterLease = await reminders.RunAsync(CancellationToken.None);

        Assert.Equal((4, 0), (whileHeld.Sent, whileHeld.Retried));
        Assert.Equal((1, 1), (afterLease.Sent, afterLease.Retried));
        Assert.Single(ReminderScenario.Parse(smtp), m => m.To.Mailboxes.Single().Address == "jiwon@opendoors.example");
    }

    [Fact]
    public async Task Deferred_reminder_whose_item_was_done_meanwhile_is_superseded_not_sent()
    {
        var scenario = await ReminderScenario.CreateAsync(Host);
        await scenario.Reminders(Loopback.FreePort()).RunAsync(CancellationToken.None);
        await using (var db = await Host.CreateDbContextAsync())
        {
            await db.Payments.Where(p => p.Id == scenario.PaymentId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, Core.Disbursements.PaymentStatus.Approved));
        }

        using var smtp = SimpleSmtpServer.Start(Loopback.FreePort());
        var later = await scenario.Reminders(smtp.Configuration.Port).RunAsync(CancellationToken.None);

        Assert.Equal((4, 1), (later.Sent, later.Superseded));
        Assert.DoesNotContain(ReminderScenario.Parse(smtp), m => m.To.Mailboxes.Single().Address == "finance2@ministry.example");
    }

    [Fact]
    public async Task Digest_snapshot_in_English()
    {
        var scenario = await ReminderScenario.CreateAsync(Host);
        using var smtp = SimpleSmtpServer.Start(Loopback.FreePort());
        await scenario.Reminders(smtp.Configuration.Port).RunAsync(CancellationToken.None);

        var mail = ReminderScenario.Parse(smtp).Single(m => m.To.Mailboxes.Single().Address == "min@hana.example");

        Assert.Equal("[GrantPortal] 2 reminder(s) · next deadline 2026-03-05 18:00 KST", mail.Subject);
        Assert.Equal("Lee Min", mail.To.Mailboxes.Single().Name);
        Assert.Equal("no-reply@grantportal.local", mail.From.Mailboxes.Single().Address);
        Assert.Equal(
            [
                "Dear Lee Min,",
                "The following deadlines need your attention:",
                "- Application not yet submitted: Oral history archive (North Korean human rights 2026)",
                "  Deadline: 2026-03-05 18:00 KST · 4 day(s) left",
                $"  {ReminderScenario.PortalUrl}/applications/{scenario.DraftB}",
                "- Project report to submit: Interim report: Human rights film week",
                "  Deadline: 2026-03-12, end of day (KST) · 11 day(s) left",
                $"  {ReminderScenario.PortalUrl}/reports/{scenario.ReportId}",
                $"You can turn off non-essential reminders in your profile: {ReminderScenario.PortalUrl}/Account/Profile",
                "GrantPortal sent this message automatically; replies are not read.",
            ],
            Lines(mail));
        Assert.Contains($"<a href=\"{ReminderScenario.PortalUrl}/reports/{scenario.ReportId}\">Interim report: Human rights film week</a>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", mail.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Digest_snapshot_in_Korean()
    {
        var scenario = await ReminderScenario.CreateAsync(Host);
        using var smtp = SimpleSmtpServer.Start(Loopback.FreePort());
        await scenario.Reminders(smtp.Configuration.Port).RunAsync(CancellationToken.None);

        var mail = ReminderScenario.Parse(smtp).Single(m => m.To.Mailboxes.Single().Address == "reviewer@ministry.example");

        Assert.Equal("[GrantPortal] 마감 알림 1건 · 가장 가까운 마감 2026-03-03 자정(KST)까지", mail.Subject);
        Assert.Equal(
            [
                "박심사님, 안녕하세요.",
                "다음 마감을 확인해 주시기 바랍니다.",
                "- 제출할 심사: 2026-NKHR-0001 탈북민 증언집 (2026 북한인권 증진 사업)",
                "  마감: 2026-03-03 자정(KST)까지 · 2일 남음",
                "  마감 필수 알림",
                $"  {ReminderScenario.PortalUrl}/reviews/{scenario.AssignmentId}",
                "마감 필수 알림은 선택 알림 수신을 거부하셨더라도 발송됩니다.",
                "이 메일은 GrantPortal에서 자동으로 발송되었으며, 회신은 확인하지 않습니다.",
            ],
            Lines(mail));
        Assert.Contains("<html lang=\"ko\">", mail.HtmlBody, StringComparison.Ordinal);
        var payments = ReminderScenario.Parse(smtp).Single(m => m.To.Mailboxes.Single().Address == "finance2@ministry.example");
        Assert.Equal("[GrantPortal] 1 payment(s) awaiting your approval", payments.Subject);
    }

    [Fact]
    public async Task First_pass_after_demo_seeding_reminds_under_every_rule()
    {
        await Host.InScopeAsync(services => services.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None));
        using var smtp = SimpleSmtpServer.Start(Loopback.FreePort());

        var result = await ReminderScenario.Reminders(Host, smtp.Configuration.Port).RunAsync(CancellationToken.None);

        Assert.Equal(0, result.Deferred + result.Failed);
        await using var db = await Host.CreateDbContextAsync();
        var rules = await db.ReminderDeliveries.Where(d => d.Status == DeliveryStatus.Sent).Select(d => d.Rule).Distinct().ToListAsync();
        Assert.Equal(ReminderRules.All.Order(StringComparer.Ordinal), rules.Order(StringComparer.Ordinal));
        Assert.Equal(result.Messages, smtp.ReceivedEmailCount);
    }

    private static List<string> Lines(MimeMessage mail) =>
        (mail.TextBody ?? "").ReplaceLineEndings("\n").Split('\n').Where(l => l.Length > 0).ToList();
}

public sealed class ReminderTests_on_Sqlite : ReminderTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartSqliteAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class ReminderTests_on_PostgreSql(PostgresCluster cluster) : ReminderTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartPostgreSqlAsync(cluster);
}
