using GrantPortal.Core.Applications;
using GrantPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrantPortal.IntegrationTests.Applications;

/// <summary>A draft is its organization's own work until it is submitted: staff who ask for it by id find nothing.</summary>
public abstract class DraftPrivacyTests : ProviderTest
{
    private static MemoryStream Pdf() => new("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray());

    [Fact]
    public async Task Officer_cannot_open_an_unsubmitted_draft_or_its_files_until_it_is_submitted()
    {
        var scenario = await ApplicationScenario.CreateAsync(Host);
        var id = await scenario.CompleteDraftAsync();
        var upload = await scenario.Uploads.UploadAsync(scenario.Applicant, id, "plan.pdf", Pdf());
        Assert.True(upload.Succeeded, upload.Message);
        var attachmentId = upload.Value!.Id;

        Assert.Null(await scenario.Queries.GetAsync(scenario.Officer, id));
        Assert.Null(await scenario.Attachments.OpenAsync(scenario.Officer, attachmentId));
        Assert.Null(await Host.Services.GetRequiredService<InformationRequestQueries>().ForApplicationAsync(scenario.Officer, id));

        // Its owner keeps seeing it.
        Assert.NotNull(await scenario.Queries.GetAsync(scenario.Applicant, id));
        await using (var own = await scenario.Attachments.OpenAsync(scenario.Applicant, attachmentId))
        {
            Assert.NotNull(own);
        }

        var submitted = await scenario.Submit.SubmitAsync(scenario.Applicant, id);
        Assert.True(submitted.Succeeded, submitted.Message);
        Assert.NotNull(await scenario.Queries.GetAsync(scenario.Officer, id));
        await using var byOfficer = await scenario.Attachments.OpenAsync(scenario.Officer, attachmentId);
        Assert.NotNull(byOfficer);
    }

    [Fact]
    public async Task Officer_cannot_open_a_revision_in_progress_or_its_copied_files()
    {
        var scenario = await ApplicationScenario.CreateAsync(Host);
        var original = await scenario.CompleteDraftAsync();
        Assert.True((await scenario.Uploads.UploadAsync(scenario.Applicant, original, "plan.pdf", Pdf())).Succeeded);
        Assert.True((await scenario.Submit.SubmitAsync(scenario.Applicant, original)).Succeeded);
        var revision = await scenario.Revise.ReviseAsync(scenario.Applicant, original);
        Assert.True(revision.Succeeded, revision.Message);
        await using var db = await Host.CreateDbContextAsync();
        var copiedFile = await db.Attachments.Where(f => f.ApplicationId == revision.Value).Select(f => f.Id).SingleAsync();

        Assert.Null(await scenario.Queries.GetAsync(scenario.Officer, revision.Value));
        Assert.Null(await scenario.Attachments.OpenAsync(scenario.Officer, copiedFile));

        // What was submitted stays in force and in view.
        Assert.NotNull(await scenario.Queries.GetAsync(scenario.Officer, original));
    }

    [Fact]
    public async Task Application_withdrawn_after_submission_stays_on_the_record_for_officers()
    {
        var scenario = await ApplicationScenario.CreateAsync(Host);
        var id = await scenario.CompleteDraftAsync();
        Assert.True((await scenario.Submit.SubmitAsync(scenario.Applicant, id)).Succeeded);
        Assert.True((await scenario.Withdraw.WithdrawAsync(scenario.Applicant, id, "Our director left")).Succeeded);

        var view = await scenario.Queries.GetAsync(scenario.Officer, id);

        Assert.Equal(ApplicationStatus.Withdrawn, view?.Status);
    }
}

public sealed class DraftPrivacyTests_on_Sqlite : DraftPrivacyTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartSqliteAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class DraftPrivacyTests_on_PostgreSql(PostgresCluster cluster) : DraftPrivacyTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartPostgreSqlAsync(cluster);
}
