using System.Globalization;
using System.Text.Json;
using GrantPortal.Core.Calls;
using GrantPortal.Core.Time;
using GrantPortal.IntegrationTests.Applications;
using GrantPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using NodaTime;

namespace GrantPortal.IntegrationTests.Calls;

/// <summary>
/// Moving a call's deadline: the NKHR call of <see cref="ApplicationScenario"/> closes 2026-03-10 18:00 KST; the clock
/// stands at 2026-03-03 09:00 KST. Open Doors (Korean-speaking) submitted at that moment and began a revision; Hana
/// Forum (English-speaking) holds a draft.
/// </summary>
public abstract class CallDeadlineTests : ProviderTest
{
    private static readonly LocalDateTime Original = new(2026, 3, 10, 18, 0);

    protected CallDeadlineTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

    private CallQueries Calls => Host.Services.GetRequiredService<CallQueries>();

    private UpdateCall Update => Host.Services.GetRequiredService<UpdateCall>();

    private PublishCall Publication => Host.Services.GetRequiredService<PublishCall>();

    private sealed record Setup(ApplicationScenario Scenario, int Submitted, int Revision, int HanaDraft);

    private async Task<Setup> ScenarioAsync()
    {
        var s = await ApplicationScenario.CreateAsync(Host);
        await using (var db = await Host.CreateDbContextAsync())
        {
            // Members who have chosen a password are the ones the portal writes to.
            foreach (var user in await db.Users.ToListAsync())
            {
                user.PasswordHash = "chosen";
            }

            // The officer's form needs a rubric to save at all.
            (await db.Calls.SingleAsync()).Criteria.Add(new RubricCriterion { Order = 1, NameEnglish = "Relevance", NameKorean = "타당성", ScaleMinimum = 1, ScaleMaximum = 5 });

            await db.SaveChangesAsync();
        }

        Host.Clock.AdvanceDays(2);
        var submitted = await s.CompleteDraftAsync("Young defenders academy");
        Assert.True((await s.Submit.SubmitAsync(s.Applicant, submitted)).Succeeded);
        var revision = await s.Revise.ReviseAsync(s.Applicant, submitted);
        Assert.True(revision.Succeeded, revision.Message);
        var hana = await s.StartDraft.StartDraftAsync(s.OtherApplicant, s.CallId);
        var view = await s.Queries.GetAsync(s.OtherApplicant, hana.Value);
        Assert.True((await s.SaveDraft.SaveDraftAsync(s.OtherApplicant, view!.Id, ApplicationScenario.CompleteDraft("Memory theatre"), view.Version)).Succeeded);
        return new Setup(s, submitted, revision.Value, view.Id);
    }

    private async Task<CallForm> FormAsync(Setup setup, LocalDateTime closes)
    {
        var form = (await Calls.GetForEditAsync(setup.Scenario.Officer, setup.Scenario.CallId, CancellationToken.None))!.Form;
        form.Closes = closes;
        return form;
    }

    private async Task<Instant> ClosesAtAsync()
    {
        await using var db = await Host.CreateDbContextAsync();
        return await db.Calls.Select(c => c.ClosesAt).SingleAsync();
    }

    private List<MimeMessage> DeadlineMail() =>
        Directory.Exists(Host.MailPickupDirectory)
            ? Directory.GetFiles(Host.MailPickupDirectory, "*.eml").Select(f => MimeMessage.Load(f))
                .Where(m => m.Subject is { } subject && (subject.StartsWith("Deadline changed", StringComparison.Ordinal) || subject.StartsWith("[마감 일시 변경]", StringComparison.Ordinal)))
                .ToList()
            : [];

    [Fact]
    public async Task Deadline_before_a_submission_already_received_is_refused_naming_the_last_submission()
    {
        var setup = await ScenarioAsync();
        var officer = setup.Scenario.Officer;
        var unpublish = await Publication.UnpublishAsync(officer, setup.Scenario.CallId, (await FormAsync(setup, Original)).Version, CancellationToken.None);
        Assert.True(unpublish.Succeeded);

        // Unpublished, the call may move into the past, but never before what it has already received.
        var result = await Update.UpdateAsync(officer, await FormAsync(setup, new LocalDateTime(2026, 3, 3, 8, 0)), confirmDeadlineChange: false, CancellationToken.None);

        Assert.Equal(Outcome.Invalid, result.Outcome);
        var error = Assert.Single(result.Errors);
        Assert.Equal(nameof(CallForm.Closes), error.Field);
        Assert.Equal("An application was already submitted at 2026-03-03 09:00:00 KST: the deadline cannot be earlier than the last submission received.", error.Message);
        Assert.Equal(Seoul.ToInstant(Original), await ClosesAtAsync());
        Assert.True((await Update.UpdateAsync(officer, await FormAsync(setup, new LocalDateTime(2026, 3, 3, 9, 0)), confirmDeadlineChange: false, CancellationToken.None)).Succeeded);
    }

    [Fact]
    public async Task Published_deadline_in_the_past_is_refused_saying_this_screen_does_not_close_a_call_early()
    {
        var setup = await ScenarioAsync();

        var result = await Update.UpdateAsync(setup.Scenario.Officer, await FormAsync(setup, new LocalDateTime(2026, 3, 3, 8, 59)), confirmDeadlineChange: true, CancellationToken.None);

        Assert.Equal(Outcome.Invalid, result.Outcome);
        Assert.Contains(result.Errors, e => e.Field == nameof(CallForm.Closes) && e.Message.StartsWith("An application was already submitted at 2026-03-03 09:00:00 KST", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Field == nameof(CallForm.Closes)
            && e.Message == "The new deadline 2026-03-03 08:59 KST has already passed (it is now 2026-03-03 09:00 KST). A published call's deadline can only move to a moment still ahead; this screen does not close a call early.");
        Assert.Equal(Seoul.ToInstant(Original), await ClosesAtAsync());
        Assert.Empty(DeadlineMail());
    }

    [Fact]
    public async Task Moving_a_published_deadline_asks_first_with_old_and_new_deadline_and_the_organizations_holding_drafts()
    {
        var setup = await ScenarioAsync();

        var result = await Update.UpdateAsync(setup.Scenario.Officer, await FormAsync(setup, new LocalDateTime(2026, 3, 6, 18, 0)), confirmDeadlineChange: false, CancellationToken.None);

        Assert.Equal(Outcome.Refused, result.Outcome);
        Assert.True(result.Value!.NeedsConfirmation);
        Assert.Equal(new DeadlineChange(Seoul.ToInstant(Original), Seoul.ToInstant(new LocalDateTime(2026, 3, 6, 18, 0)), 2), result.Value.Deadline);
        Assert.Equal(
            "This call is published. Move its deadline from 2026-03-10 18:00 KST to 2026-03-06 18:00 KST? 2 organizations hold drafts in this call: their members will be told by mail, with a link to their draft. The change is recorded in the audit trail.",
            result.Message);
        Assert.Equal(Seoul.ToInstant(Original), await ClosesAtAsync());
        Assert.Empty(DeadlineMail());
        await using var db = await Host.CreateDbContextAsync();
        Assert.False(await db.AuditEvents.AnyAsync(e => e.Action == "call.deadline-moved" || e.Action == "call.changed"));
    }

    [Fact]
    public async Task Confirmed_deadline_move_is_saved_audited_and_mailed_to_each_member_holding_a_draft_in_their_language()
    {
        var setup = await ScenarioAsync();
        var moved = new LocalDateTime(2026, 3, 20, 18, 0);

        var result = await Update.UpdateAsync(setup.Scenario.Officer, await FormAsync(setup, moved), confirmDeadlineChange: true, CancellationToken.None);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        Assert.Equal(2, result.Value!.Deadline!.OrganizationsWithDrafts);
        Assert.Equal(Seoul.ToInstant(moved), await ClosesAtAsync());
        await using (var db = await Host.CreateDbContextAsync())
        {
            var audit = await db.AuditEvents.SingleAsync(e => e.Action == "call.deadline-moved");
            Assert.Equal(setup.Scenario.Officer.UserId, audit.ActorId);
            using var before = JsonDocument.Parse(audit.Before!);
            using var after = JsonDocument.Parse(audit.After!);
            Assert.Equal(Seoul.ToInstant(Original).ToString(), before.RootElement.GetProperty("ClosesAt").GetString());
            Assert.Equal(Seoul.ToInstant(moved).ToString(), after.RootElement.GetProperty("ClosesAt").GetString());
        }

        var mail = DeadlineMail();
        Assert.Equal(2, mail.Count);
        var english = Assert.Single(mail, m => m.To.Mailboxes.Single().Address == "min@hana.example");
        Assert.Equal("Deadline changed: North Korean human rights 2026", english.Subject);
        Assert.Contains("has moved from 2026-03-10 18:00 KST to 2026-03-20 18:00 KST", english.TextBody, StringComparison.Ordinal);
        Assert.Contains("\"Memory theatre\"", english.TextBody, StringComparison.Ordinal);
        Assert.Contains($"http://localhost:5000/applications/{setup.HanaDraft}", english.TextBody, StringComparison.Ordinal);
        var korean = Assert.Single(mail, m => m.To.Mailboxes.Single().Address == "jiwon@opendoors.example");
        Assert.Equal("[마감 일시 변경] 2026 북한인권 증진 사업", korean.Subject);
        Assert.Contains("마감 일시가 2026-03-10 18:00 KST에서 2026-03-20 18:00 KST(으)로 변경되었습니다", korean.TextBody, StringComparison.Ordinal);
        Assert.Contains($"http://localhost:5000/applications/{setup.Revision}", korean.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saving_a_call_without_moving_its_deadline_asks_nothing_and_mails_no_one()
    {
        var setup = await ScenarioAsync();
        var form = await FormAsync(setup, Original);
        form.TitleEnglish = "North Korean human rights grants 2026";

        var result = await Update.UpdateAsync(setup.Scenario.Officer, form, confirmDeadlineChange: false, CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Null(result.Value!.Deadline);
        Assert.Empty(DeadlineMail());
    }
}

public sealed class CallDeadlineTests_on_Sqlite : CallDeadlineTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartSqliteAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class CallDeadlineTests_on_PostgreSql(PostgresCluster cluster) : CallDeadlineTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartPostgreSqlAsync(cluster);
}
