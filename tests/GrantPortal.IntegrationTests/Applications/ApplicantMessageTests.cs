using System.Globalization;
using System.Text.Json;
using GrantPortal.Core.Applications;
using GrantPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrantPortal.IntegrationTests.Applications;

/// <summary>
/// One message from the intake to the applicants of several applications: through the outbox to each organization's
/// members, one audit event per application, an organization nobody can receive mail for reported.
/// </summary>
public abstract class ApplicantMessageTests : ProviderTest
{
    private static readonly ApplicantMessage Message = new("Interviews next week", "Please confirm a time for a short interview.");

    protected ApplicantMessageTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

    private MessageApplicants Messages => Host.Services.GetRequiredService<MessageApplicants>();

    /// <summary>Open Doors (whose applicant has chosen a password) and Hana Forum (whose applicant has not) each submit one application.</summary>
    private async Task<(ApplicationScenario Scenario, int OpenDoors, int Hana)> SubmittedAsync()
    {
        var s = await ApplicationScenario.CreateAsync(Host, applicantLanguage: "en");
        var openDoors = await s.CompleteDraftAsync("Young defenders academy");
        Assert.True((await s.Submit.SubmitAsync(s.Applicant, openDoors)).Succeeded);
        var hana = (await s.StartDraft.StartDraftAsync(s.OtherApplicant, s.CallId)).Value;
        var view = await s.Queries.GetAsync(s.OtherApplicant, hana);
        Assert.True((await s.SaveDraft.SaveDraftAsync(s.OtherApplicant, hana, ApplicationScenario.CompleteDraft("Memory theatre"), view!.Version)).Succeeded);
        Assert.True((await s.Submit.SubmitAsync(s.OtherApplicant, hana)).Succeeded);
        await using var db = await Host.CreateDbContextAsync();
        (await db.Users.SingleAsync(u => u.Id == "applicant-1")).PasswordHash = "chosen";
        await db.SaveChangesAsync();
        return (s, openDoors, hana);
    }

    [Fact]
    public async Task Message_reaches_the_organization_that_can_receive_it_and_reports_the_other()
    {
        var (s, openDoors, hana) = await SubmittedAsync();

        var result = await Messages.SendAsync(s.Officer, [openDoors, hana], Message, Guid.NewGuid());

        var summary = result.Value!;
        Assert.Equal((1, 1), (summary.Done, summary.Failed));
        Assert.Equal("nobody at the organization can receive mail yet", summary.Items.Single(i => i.Id == hana).Reason);
        var mail = Assert.Single(await Mail.ReadAllAsync(Host.MailPickupDirectory), m => m.Subject == Message.Subject);
        Assert.Equal("jiwon@opendoors.example", mail.To.Mailboxes.Single().Address);
        Assert.Contains("Please confirm a time for a short interview.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"\"Young defenders academy\": http://localhost:5000/applications/{openDoors}", mail.TextBody, StringComparison.Ordinal);
        await using var db = await Host.CreateDbContextAsync();
        var audit = Assert.Single(await db.AuditEvents.Where(e => e.Action == "application.message-sent").ToListAsync());
        Assert.Equal((openDoors.ToString(CultureInfo.InvariantCulture), s.Officer.UserId), (audit.EntityId, audit.ActorId));
        using var after = JsonDocument.Parse(audit.After!);
        Assert.Equal("Interviews next week", after.RootElement.GetProperty("Subject").GetString());
    }

    [Fact]
    public async Task Sending_the_same_batch_twice_mails_once()
    {
        var (s, openDoors, _) = await SubmittedAsync();
        var key = Guid.NewGuid();
        Assert.Equal(1, (await Messages.SendAsync(s.Officer, [openDoors], Message, key)).Value!.Done);

        var again = await Messages.SendAsync(s.Officer, [openDoors], Message, key);
        var next = await Messages.SendAsync(s.Officer, [openDoors], Message, Guid.NewGuid());

        Assert.Equal("this message was already sent", Assert.Single(again.Value!.Items).Reason);
        Assert.Equal(1, next.Value!.Done);
        Assert.Equal(2, (await Mail.ReadAllAsync(Host.MailPickupDirectory)).Count(m => m.Subject == Message.Subject));
        await using var db = await Host.CreateDbContextAsync();
        Assert.Equal(2, await db.AuditEvents.CountAsync(e => e.Action == "application.message-sent"));
    }

    [Fact]
    public async Task A_draft_is_not_found_and_an_empty_message_is_refused()
    {
        var s = await ApplicationScenario.CreateAsync(Host);
        var draft = await s.CompleteDraftAsync();

        var toDraft = await Messages.SendAsync(s.Officer, [draft], Message, Guid.NewGuid());
        var empty = await Messages.SendAsync(s.Officer, [draft], new ApplicantMessage(" ", ""), Guid.NewGuid());

        Assert.Equal("this application does not exist", Assert.Single(toDraft.Value!.Items).Reason);
        Assert.Equal(Outcome.Invalid, empty.Outcome);
        Assert.Equal(["Write a subject.", "Write the message."], empty.Errors.Select(e => e.Message));
        await using var db = await Host.CreateDbContextAsync();
        Assert.False(await db.OutboxMessages.AnyAsync(m => m.Purpose == "OfficerMessage"));
    }

    [Fact]
    public async Task Anyone_but_a_program_officer_is_told_not_found_and_nothing_is_sent()
    {
        var (s, openDoors, hana) = await SubmittedAsync();

        var result = await Messages.SendAsync(s.Applicant, [openDoors, hana], Message, Guid.NewGuid());

        Assert.Equal(Outcome.NotFound, result.Outcome);
        await using var db = await Host.CreateDbContextAsync();
        Assert.False(await db.OutboxMessages.AnyAsync(m => m.Purpose == "OfficerMessage"));
        Assert.False(await db.AuditEvents.AnyAsync(e => e.Action == "application.message-sent"));
    }
}

public sealed class ApplicantMessageTests_on_Sqlite : ApplicantMessageTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartSqliteAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class ApplicantMessageTests_on_PostgreSql(PostgresCluster cluster) : ApplicantMessageTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartPostgreSqlAsync(cluster);
}
