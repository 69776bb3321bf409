using System.Globalization;
using GrantPortal.Core.Applications;
using GrantPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace GrantPortal.IntegrationTests.Applications;

public abstract class RevisionTests : ProviderTest
{
    protected RevisionTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

    private static MemoryStream Pdf() => new("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray());

    private string AttachmentDirectory => Path.Combine(Host.MailPickupDirectory, "..", "App_Data", "attachments");

    /// <summary>A submitted application with one PDF attached; returns its id.</summary>
    private static async Task<int> SubmittedAsync(ApplicationScenario scenario)
    {
        var id = await scenario.CompleteDraftAsync();
        Assert.True((await scenario.Uploads.UploadAsync(scenario.Applicant, id, "plan.pdf", Pdf())).Succeeded);
        var submitted = await scenario.Submit.SubmitAsync(scenario.Applicant, id);
        Assert.Equal("2026-NKHR-0001", submitted.Value!.ReceiptNumber);
        return id;
    }

    [Fact]
    public async Task Revision_starts_with_every_word_line_and_file_of_the_submitted_application()
    {
        var scenario = await ApplicationScenario.CreateAsync(Host);
        var original = await SubmittedAsync(scenario);

        var revised = await scenario.Revise.ReviseAsync(scenario.Applicant, original);

        Assert.True(revised.Succeeded, revised.Message);
        var draft = (await scenario.Queries.GetAsync(scenario.Applicant, revised.Value))!;
        var submitted = (await scenario.Queries.GetAsync(scenario.Applicant, original))!;
        Assert.Equal(ApplicationStatus.Draft, draft.Status);
        Assert.True(draft.CanEdit);
        Assert.Equal("2026-NKHR-0001", draft.RevisesReceipt);
        Assert.Equal(submitted.Form.ProjectTitle, draft.Form.ProjectTitle);
        Assert.Equal(submitted.Form.Answers, draft.Form.Answers);
        Assert.Equal(submitted.Form.BudgetLines.Select(l => (l.Item, l.Amount)), draft.Form.BudgetLines.Select(l => (l.Item, l.Amount)));
        Assert.False(draft.Form.DeclarationAccepted);
        Assert.Equal(["plan.pdf"], draft.Attachments.Select(f => f.DisplayName));
        Assert.Equal(ApplicationStatus.Submitted, submitted.Status);
        Assert.Equal(revised.Value, submitted.RevisionInProgressId);

        // The copy is the applicant's to change: deleting it leaves the submitted file where it was.
        Assert.True((await scenario.Deletions.DeleteAsync(scenario.Applicant, draft.Attachments[0].Id)).Succeeded);
        await using var download = await scenario.Attachments.OpenAsync(scenario.Applicant, submitted.Attachments[0].Id);
        Assert.NotNull(download);
        Assert.Single(Directory.GetFiles(AttachmentDirectory));
    }

    [Fact]
    public async Task Submitting_the_revision_withdraws_the_original_naming_the_new_receipt()
    {
        var scenario = await ApplicationScenario.CreateAsync(Host);
        var original = await SubmittedAsync(scenario);
        var revisionId = (await scenario.Revise.ReviseAsync(scenario.Applicant, original)).Value;
        var draft = (await scenario.Queries.GetAsync(scenario.Applicant, revisionId))!;
        var changed = ApplicationScenario.CompleteDraft("Young defenders academy, second cohort");
        Assert.True((await scenario.SaveDraft.SaveDraftAsync(scenario.Applicant, revisionId, changed, draft.Version)).Succeeded);

        var submitted = await scenario.Submit.SubmitAsync(scenario.Applicant, revisionId);

        Assert.Equal("2026-NKHR-0002", submitted.Value!.ReceiptNumber);
        var old = (await scenario.Queries.GetAsync(scenario.Applicant, original))!;
        Assert.Equal(ApplicationStatus.Withdrawn, old.Status);
        Assert.Equal("Replaced by the revised application 2026-NKHR-0002.", old.WithdrawalReason);
        Assert.False(old.CanRevise);
        await using var db = await Host.CreateDbContextAsync();
        Assert.Equal(1, await db.Applications.CountAsync(a => a.Status == ApplicationStatus.Submitted));
        Assert.Equal("Young defenders academy, second cohort", await db.Applications.Where(a => a.Status == ApplicationStatus.Submitted).Select(a => a.ProjectTitle).SingleAsync());
        Assert.Equal(
            ["application.draft-started", "application.submitted", "application.revision-started", "application.replaced", "application.submitted"],
            await db.AuditEvents.Where(e => e.EntityType == nameof(Application)).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
    }

    [Fact]
    public async Task Clicking_revise_twice_makes_one_revision_and_apply_still_opens_a_separate_draft()
    {
        var scenario = await ApplicationScenario.CreateAsync(Host);
        var original = await SubmittedAsync(scenario);

        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Task.Run(() => scenario.Revise.ReviseAsync(scenario.Applicant, original))));
        var separate = await scenario.StartDraft.StartDraftAsync(scenario.Applicant, scenario.CallId);

        Assert.Single(results.Select(r => r.Value).Distinct());
        Assert.DoesNotContain(separate.Value, results.Select(r => r.Value));
        Assert.Equal(2, Directory.GetFiles(AttachmentDirectory).Length);
    }

    [Fact]
    public async Task Revising_after_the_deadline_or_another_organizations_application_is_refused()
    {
        var scenario = await ApplicationScenario.CreateAsync(Host);
        var original = await SubmittedAsync(scenario);

        var byOther = await scenario.Revise.ReviseAsync(scenario.OtherApplicant, original);
        Host.Clock.Reset(ApplicationScenario.ClosesAt + Duration.FromSeconds(1));
        var late = await scenario.Revise.ReviseAsync(scenario.Applicant, original);

        Assert.Equal(Outcome.NotFound, byOther.Outcome);
        Assert.Equal("The call closed at 2026-03-10 18:00 KST; a submitted application can no longer be revised.", late.Message);
        Assert.False((await scenario.Queries.GetAsync(scenario.Applicant, original))!.CanRevise);
        await using var db = await Host.CreateDbContextAsync();
        Assert.Equal(1, await db.Applications.CountAsync());
    }

    [Fact]
    public async Task A_revision_begun_before_the_deadline_cannot_be_submitted_after_it_and_the_original_stands()
    {
        var scenario = await ApplicationScenario.CreateAsync(Host);
        var original = await SubmittedAsync(scenario);
        var revisionId = (await scenario.Revise.ReviseAsync(scenario.Applicant, original)).Value;

        Host.Clock.Reset(ApplicationScenario.ClosesAt + Duration.FromSeconds(1));
        var late = await scenario.Submit.SubmitAsync(scenario.Applicant, revisionId);

        Assert.False(late.Succeeded);
        Assert.Equal(ApplicationStatus.Submitted, (await scenario.Queries.GetAsync(scenario.Applicant, original))!.Status);
    }
}

public sealed class RevisionTests_on_Sqlite : RevisionTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartSqliteAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class RevisionTests_on_PostgreSql(PostgresCluster cluster) : RevisionTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartPostgreSqlAsync(cluster);
}
