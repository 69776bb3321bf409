using Bunit;
using GrantPortal.Core;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Data;
using GrantPortal.Core.Notifications;
using GrantPortal.Web.Features.Admin;
using Hangfire;
using Hangfire.InMemory;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace GrantPortal.Web.Tests;

/// <summary>The notification log over a real, migrated SQLite file and "send now" into real in-memory Hangfire storage.</summary>
public sealed class NotificationsPageTests : PortalComponentTest
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "grantportal-notifications-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly InMemoryStorage storage = new();
    private readonly ServiceProvider portalServices;

    public NotificationsPageTests()
    {
        Directory.CreateDirectory(directory);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "portal.db") }.ConnectionString;
        // The base has already built bUnit's container (MudBlazor, clock, renderer); the portal's own services come from a second one.
        var portal = new ServiceCollection();
        portal.AddLogging();
        portal.AddSingleton<IClock>(Clock);
        portal.AddPortalCore(DatabaseProvider.Sqlite, connectionString);
        portal.AddSingleton<NotificationLog>();
        portal.AddSingleton<IBackgroundJobClient>(new BackgroundJobClient(storage));
        portalServices = portal.BuildServiceProvider();
        Services.AddFallbackServiceProvider(portalServices);
        SignInAs("Admin", Roles.Administrator);
    }

    [Fact]
    public async Task Log_shows_each_reminder_with_its_status_and_the_refusal_details()
    {
        await SeedAsync(
            Row("review-due|ReviewAssignment:3|r1|1|3d", "reviewer@ministry.example", DeliveryStatus.Failed, "550 5.1.1 mailbox unavailable"),
            Row("report-due|ProjectReport:9|a2|1|14d", "min@hana.example", DeliveryStatus.Sent, null));

        var page = Render<NotificationsPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=notification-recipient]").Count), TimeSpan.FromSeconds(10));
        Assert.Equal(["min@hana.example", "reviewer@ministry.example"], page.FindAll("[data-testid=notification-recipient]").Select(e => e.TextContent.Trim()));
        Assert.Equal(["Sent", "Refused"], page.FindAll("[data-testid=notification-status]").Select(e => e.TextContent.Trim()));
        Assert.Contains("550 5.1.1 mailbox unavailable", page.Find("[data-testid=notification-error]").TextContent, StringComparison.Ordinal);
        Assert.Contains("1 sent · 0 deferred · 1 refused", page.Find("[data-testid=notifications-counts]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mail_the_outbox_could_not_deliver_is_shown_with_the_servers_answer()
    {
        Migrate();
        await using (var db = await portalServices.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            MailOutbox.Add(db, Clock.GetCurrentInstant(), MailPurposes.Invitation, new MailRecipient("Reviewer", "reviewer@ministry.example", Languages.English), () => ("You are invited", "Body"));
            MailOutbox.Add(db, Clock.GetCurrentInstant(), MailPurposes.ApplicationSubmitted, new MailRecipient("Min", "min@hana.example", Languages.English), () => ("Application received", "Body"));
            await db.SaveChangesAsync();
            await db.OutboxMessages.Where(m => m.RecipientEmail == "reviewer@ministry.example").ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Failed)
                .SetProperty(m => m.Attempts, 1)
                .SetProperty(m => m.LastError, "550 5.1.1 mailbox unavailable"));
        }

        var page = Render<NotificationsPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=outbox-recipient]").Count), TimeSpan.FromSeconds(10));
        Assert.Equal(["min@hana.example", "reviewer@ministry.example"], page.FindAll("[data-testid=outbox-recipient]").Select(e => e.TextContent.Trim()));
        Assert.Equal(["Waiting", "Not delivered"], page.FindAll("[data-testid=outbox-status]").Select(e => e.TextContent.Trim()));
        Assert.Contains("550 5.1.1 mailbox unavailable", page.Find("[data-testid=outbox-error]").TextContent, StringComparison.Ordinal);
        Assert.Contains("0 sent · 1 waiting · 1 not delivered", page.Find("[data-testid=outbox-counts]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_log_says_what_fills_it()
    {
        Migrate();

        var page = Render<NotificationsPage>();

        page.WaitForAssertion(() => Assert.Contains("Send reminders now", page.Find("[data-testid=notifications-empty]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Send_now_queues_one_reminder_job()
    {
        Migrate();
        var page = Render<NotificationsPage>();

        page.Find("[data-testid=send-reminders-now]").Click();

        var enqueued = storage.GetMonitoringApi().EnqueuedJobs("default", 0, 10);
        var job = Assert.Single(enqueued).Value.Job;
        Assert.Equal((typeof(ReminderJob), nameof(ReminderJob.RunAsync)), (job.Type, job.Method.Name));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        portalServices.Dispose();
        storage.Dispose();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private void Migrate()
    {
        using var db = portalServices.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();
        db.Database.Migrate();
    }

    private async Task SeedAsync(params ReminderDelivery[] rows)
    {
        Migrate();
        await using var db = await portalServices.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        foreach (var row in rows)
        {
            db.ReminderDeliveries.Add(row);
            await db.SaveChangesAsync();
        }
    }

    private ReminderDelivery Row(string key, string email, DeliveryStatus status, string? error) => new()
    {
        Key = key,
        Rule = key.Split('|')[0],
        ItemType = key.Split('|')[1].Split(':')[0],
        ItemId = int.Parse(key.Split('|')[1].Split(':')[1], System.Globalization.CultureInfo.InvariantCulture),
        RecipientId = key.Split('|')[2],
        RecipientEmail = email,
        ItemTitle = "Human rights film week",
        Deadline = Clock.GetCurrentInstant() + Duration.FromDays(3),
        LeadTime = key.Split('|')[4],
        Status = status,
        Attempts = 1,
        LastError = error,
        CreatedAt = Clock.GetCurrentInstant(),
        ClaimedAt = Clock.GetCurrentInstant(),
    };
}
