using System.Globalization;
using GrantPortal.Core.Auditing;
using GrantPortal.Core.Calls;
using GrantPortal.Core.Money;
using GrantPortal.Core.Notifications;
using GrantPortal.Core.Organizations;
using GrantPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using netDumbster.smtp;
using NodaTime;

namespace GrantPortal.IntegrationTests.Notifications;

/// <summary>
/// Call alerts over the reminder pipeline: on top of <see cref="ReminderScenario"/> (whose call was published ten days
/// ago, outside the alert window), a culture-and-arts call published yesterday, and a second member of Open Doors.
/// </summary>
public abstract class CallAlertTests : ProviderTest
{
    private int openDoors;

    private int hanaForum;

    private CurrentUser ApplicantA => new("applicant-a", "김지원", openDoors, new HashSet<string> { Roles.Applicant });

    private CurrentUser ApplicantB => new("applicant-b", "Lee Min", hanaForum, new HashSet<string> { Roles.Applicant });

    [Fact]
    public async Task Publishing_a_call_in_a_followed_category_mails_each_member_once()
    {
        await ArrangeAsync();
        var followed = await Following().SaveMineAsync(ApplicantA, ProjectCategories.CultureAndArts | ProjectCategories.Other);
        var callId = await PublishCallAsync(ProjectCategories.CultureAndArts);
        using var smtp = SimpleSmtpServer.Start(Loopback.FreePort());

        await ReminderScenario.Reminders(Host, smtp.Configuration.Port).RunAsync(CancellationToken.None);

        Assert.True(followed.Succeeded);
        Assert.Equal(["applicant-a", "applicant-a2"], await AlertedAsync(callId));
        var received = ReminderScenario.Parse(smtp);
        var jiwon = Assert.Single(received, m => m.To.Mailboxes.Single().Address == "jiwon@opendoors.example");
        Assert.Contains("- 새 공모: 2026 문화예술 특별공모", jiwon.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{ReminderScenario.PortalUrl}/calls/{callId}", jiwon.TextBody, StringComparison.Ordinal);
        Assert.Contains($"알림을 바꾸거나 끄려면: {ReminderScenario.PortalUrl}/organization#call-alerts", jiwon.TextBody, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{ReminderScenario.PortalUrl}/organization#call-alerts\">", jiwon.HtmlBody, StringComparison.Ordinal);
        var colleague = Assert.Single(received, m => m.To.Mailboxes.Single().Address == "second@opendoors.example");
        Assert.Contains("- New call for proposals: Special call for culture and arts 2026", colleague.TextBody, StringComparison.Ordinal);
        Assert.Contains("To change or stop these alerts: https://grants.example.go.kr/organization#call-alerts", colleague.TextBody, StringComparison.Ordinal);
        var leeMin = Assert.Single(received, m => m.To.Mailboxes.Single().Address == "min@hana.example");
        Assert.DoesNotContain("New call for proposals", leeMin.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("call-alerts", leeMin.TextBody, StringComparison.Ordinal);
        await using var db = await Host.CreateDbContextAsync();
        var audit = await db.AuditEvents.SingleAsync(e => e.Action == AuditActions.OrganizationCallAlertsChanged);
        Assert.Equal(("applicant-a", "Organization", openDoors.ToString(CultureInfo.InvariantCulture)), (audit.ActorId, audit.EntityType, audit.EntityId));
        Assert.Contains("CultureAndArts, Other", audit.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_call_outside_the_followed_categories_sends_no_alert()
    {
        await ArrangeAsync();
        await Following().SaveMineAsync(ApplicantA, ProjectCategories.ResearchAndDocumentation);
        var callId = await PublishCallAsync(ProjectCategories.CultureAndArts);
        using var smtp = SimpleSmtpServer.Start(Loopback.FreePort());

        await ReminderScenario.Reminders(Host, smtp.Configuration.Port).RunAsync(CancellationToken.None);

        Assert.Empty(await AlertedAsync(callId));
        Assert.DoesNotContain(ReminderScenario.Parse(smtp), m => (m.TextBody ?? "").Contains("새 공모", StringComparison.Ordinal) || (m.TextBody ?? "").Contains("New call for proposals", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_call_published_longer_ago_than_the_window_sends_no_alert()
    {
        await ArrangeAsync();
        await Following().SaveMineAsync(ApplicantA, ProjectCategories.CultureAndArts);
        var callId = await PublishCallAsync(ProjectCategories.CultureAndArts);
        Host.Clock.Advance(Duration.FromDays(7));
        using var smtp = SimpleSmtpServer.Start(Loopback.FreePort());

        await ReminderScenario.Reminders(Host, smtp.Configuration.Port).RunAsync(CancellationToken.None);

        Assert.Empty(await AlertedAsync(callId));
    }

    [Fact]
    public async Task Members_who_opted_out_of_non_essential_mail_get_no_call_alert()
    {
        await ArrangeAsync();
        await using (var db = await Host.CreateDbContextAsync())
        {
            await db.Users.Where(u => u.Id == "applicant-a2").ExecuteUpdateAsync(s => s.SetProperty(u => u.OptOutOfNonEssentialReminders, true));
        }

        await Following().SaveMineAsync(ApplicantA, ProjectCategories.CultureAndArts);
        var callId = await PublishCallAsync(ProjectCategories.CultureAndArts);
        using var smtp = SimpleSmtpServer.Start(Loopback.FreePort());

        await ReminderScenario.Reminders(Host, smtp.Configuration.Port).RunAsync(CancellationToken.None);

        Assert.Equal(["applicant-a"], await AlertedAsync(callId));
        Assert.DoesNotContain(ReminderScenario.Parse(smtp), m => m.To.Mailboxes.Single().Address == "second@opendoors.example");
    }

    [Fact]
    public async Task A_second_pass_does_not_send_the_alert_again()
    {
        await ArrangeAsync();
        await Following().SaveMineAsync(ApplicantA, ProjectCategories.CultureAndArts);
        var callId = await PublishCallAsync(ProjectCategories.CultureAndArts);
        using var smtp = SimpleSmtpServer.Start(Loopback.FreePort());
        await ReminderScenario.Reminders(Host, smtp.Configuration.Port).RunAsync(CancellationToken.None);
        var first = smtp.ReceivedEmailCount;

        // A later pass, and one after the officer moved the deadline (the closing moment is part of a reminder's key).
        Host.Clock.Advance(Duration.FromHours(1));
        var again = await ReminderScenario.Reminders(Host, smtp.Configuration.Port).RunAsync(CancellationToken.None);
        await using (var db = await Host.CreateDbContextAsync())
        {
            var call = await db.Calls.SingleAsync(c => c.Id == callId);
            call.ClosesAt += Duration.FromDays(7);
            await db.SaveChangesAsync();
        }

        Host.Clock.Advance(Duration.FromHours(1));
        var moved = await ReminderScenario.Reminders(Host, smtp.Configuration.Port).RunAsync(CancellationToken.None);

        Assert.Equal((0, 0), (again.Sent, moved.Sent));
        Assert.Equal(first, smtp.ReceivedEmailCount);
        Assert.Equal(["applicant-a", "applicant-a2"], await AlertedAsync(callId));
    }

    [Fact]
    public async Task An_applicant_of_another_organization_cannot_change_its_alerts()
    {
        await ArrangeAsync();
        await Following().SaveMineAsync(ApplicantA, ProjectCategories.CultureAndArts);
        var officer = new CurrentUser("officer-1", "Officer", openDoors, new HashSet<string> { Roles.ProgramOfficer });

        var stopByOther = await Following().SaveMineAsync(ApplicantB, ProjectCategories.None);
        var byOfficer = await Following().SaveMineAsync(officer, ProjectCategories.None);

        Assert.Equal(Outcome.NotFound, byOfficer.Outcome);
        Assert.True(stopByOther.Succeeded);
        Assert.Null(await Following().GetMineAsync(officer));
        Assert.Equal(ProjectCategories.None, await Following().GetMineAsync(ApplicantB));
        Assert.Equal(ProjectCategories.CultureAndArts, await Following().GetMineAsync(ApplicantA));
        await using var db = await Host.CreateDbContextAsync();
        var rows = await db.CallAlerts.Select(a => new { a.OrganizationId, a.Followed, a.ChangedById }).ToListAsync();
        var row = Assert.Single(rows);
        Assert.Equal((openDoors, ProjectCategories.CultureAndArts, "applicant-a"), (row.OrganizationId, row.Followed, row.ChangedById));
    }

    [Fact]
    public async Task Stopping_all_call_alerts_is_saved_and_audited_and_a_repeat_changes_nothing()
    {
        await ArrangeAsync();
        await Following().SaveMineAsync(ApplicantA, ProjectCategories.CultureAndArts);

        var stopped = await Following().SaveMineAsync(ApplicantA, ProjectCategories.None);
        var repeated = await Following().SaveMineAsync(ApplicantA, ProjectCategories.None);

        Assert.Equal((true, true), (stopped.Succeeded, repeated.Succeeded));
        Assert.Equal(ProjectCategories.None, await Following().GetMineAsync(ApplicantA));
        await using var db = await Host.CreateDbContextAsync();
        Assert.Equal(2, await db.AuditEvents.CountAsync(e => e.Action == AuditActions.OrganizationCallAlertsChanged));
    }

    private FollowCalls Following() => new(Host.DbFactory, Host.Clock);

    private async Task ArrangeAsync()
    {
        await ReminderScenario.CreateAsync(Host);
        await using var db = await Host.CreateDbContextAsync();
        openDoors = await db.Users.Where(u => u.Id == "applicant-a").Select(u => u.OrganizationId!.Value).SingleAsync();
        hanaForum = await db.Users.Where(u => u.Id == "applicant-b").Select(u => u.OrganizationId!.Value).SingleAsync();
        db.Users.Add(ReminderScenario.User("applicant-a2", "second@opendoors.example", "Second Member", "en", openDoors, Host.Clock.GetCurrentInstant()));
        await db.SaveChangesAsync();
    }

    private async Task<int> PublishCallAsync(ProjectCategories categories)
    {
        var now = Host.Clock.GetCurrentInstant();
        await using var db = await Host.CreateDbContextAsync();
        var call = new Call
        {
            BudgetYearId = await db.BudgetYears.Select(y => y.Id).SingleAsync(),
            Code = "ARTS",
            TitleEnglish = "Special call for culture and arts 2026",
            TitleKorean = "2026 문화예술 특별공모",
            Categories = categories,
            Envelope = new Krw(100_000_000),
            MinimumRequest = new Krw(10_000_000),
            MaximumRequest = new Krw(50_000_000),
            OpensAt = now - Duration.FromDays(1),
            ClosesAt = now + Duration.FromDays(30),
            ReviewDueOn = new LocalDate(2026, 4, 30),
        };
        call.Publish(now - Duration.FromDays(1));
        db.Calls.Add(call);
        await db.SaveChangesAsync();
        return call.Id;
    }

    private async Task<List<string>> AlertedAsync(int callId)
    {
        await using var db = await Host.CreateDbContextAsync();
        return (await db.ReminderDeliveries
                .Where(d => d.Rule == ReminderRules.CallPublished && d.ItemId == callId && d.Status == DeliveryStatus.Sent)
                .Select(d => d.RecipientId)
                .ToListAsync())
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}

public sealed class CallAlertTests_on_Sqlite : CallAlertTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartSqliteAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class CallAlertTests_on_PostgreSql(PostgresCluster cluster) : CallAlertTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartPostgreSqlAsync(cluster);
}
