using System.Globalization;
using GrantPortal.Core.Applications;
using GrantPortal.Core.Calls;
using GrantPortal.Core.Money;
using GrantPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.IntegrationTests.Applications;

/// <summary>A call with 인건비 capped at 30% of the project total and 10% own contribution (자부담), on every provider.</summary>
public abstract class BudgetRuleSubmissionTests : ProviderTest
{
    [Fact]
    public async Task Submission_over_the_personnel_cap_is_refused_with_the_amounts_and_the_draft_stays_as_saved()
    {
        var scenario = await ApplicationScenario.CreateAsync(Host);
        await CapPersonnelAsync(scenario.CallId);
        var id = await scenario.CompleteDraftAsync();
        var view = await scenario.Queries.GetAsync(scenario.Applicant, id);
        var draft = ApplicationScenario.CompleteDraft();
        draft.BudgetLines.Add(new BudgetLineDraft { Category = BudgetCategory.Activities, Item = "Membership fees", Amount = new Krw(4_000_000), Justification = "Our own", IsOwnContribution = true });
        Assert.True((await scenario.SaveDraft.SaveDraftAsync(scenario.Applicant, id, draft, view!.Version)).Succeeded);

        var refused = await InKoreanAsync(() => scenario.Submit.SubmitAsync(scenario.Applicant, id));

        Assert.False(refused.Succeeded);
        var error = Assert.Single(refused.Errors);
        Assert.Equal(ProjectBudget.Field, error.Field);
        Assert.Equal("인건비 2,000만 원은 총사업비의 58.9%입니다. 이 공모는 30%(1,020만 원)까지 허용합니다.", error.Message);

        // Nothing saved is lost: the lines, their own-contribution mark and the draft status are as they were.
        var after = (await scenario.Queries.GetAsync(scenario.Applicant, id))!;
        Assert.Equal(ApplicationStatus.Draft, after.Status);
        Assert.Null(after.ReceiptNumber);
        Assert.Equal(draft.BudgetLines, after.Form.BudgetLines);
        Assert.Equal(new Krw(30_000_000), after.Form.RequestedTotal);
        Assert.Equal(new Krw(34_000_000), after.Form.ProjectTotal);
        await using var db = await Host.CreateDbContextAsync();
        Assert.Equal(0, await db.AuditEvents.CountAsync(e => e.Action == "application.submitted"));
    }

    [Fact]
    public async Task More_own_contribution_brings_personnel_under_its_cap_and_the_grant_part_is_what_is_requested()
    {
        var scenario = await ApplicationScenario.CreateAsync(Host);
        await CapPersonnelAsync(scenario.CallId);
        var id = await scenario.CompleteDraftAsync();
        var draft = ApplicationScenario.CompleteDraft();
        draft.BudgetLines.Add(new BudgetLineDraft { Category = BudgetCategory.Activities, Item = "Volunteer work and donations", Amount = new Krw(40_000_000), Justification = "Our own", IsOwnContribution = true });
        var version = (await scenario.Queries.GetAsync(scenario.Applicant, id))!.Version;
        Assert.True((await scenario.SaveDraft.SaveDraftAsync(scenario.Applicant, id, draft, version)).Succeeded);

        var submitted = await scenario.Submit.SubmitAsync(scenario.Applicant, id);

        Assert.True(submitted.Succeeded, string.Join("; ", submitted.Errors.Select(e => e.Message)));
        var intake = (await scenario.Intake.SearchAsync(scenario.Officer, new ApplicationQuery { CallId = scenario.CallId }))!;
        var row = Assert.Single(intake.Rows);
        Assert.Equal(new Krw(30_000_000), row.RequestedTotal);
        Assert.Equal(new Krw(70_000_000), row.ProjectTotal);
        var mine = Assert.Single(await scenario.Queries.ListForOrganizationAsync(scenario.Applicant));
        Assert.Equal(new Krw(30_000_000), mine.RequestedTotal);
        Assert.Equal(new Krw(70_000_000), mine.ProjectTotal);
    }

    private async Task CapPersonnelAsync(int callId)
    {
        await using var db = await Host.CreateDbContextAsync();
        var call = await db.Calls.SingleAsync(c => c.Id == callId);
        call.BudgetRules = new BudgetRules { Caps = [new CategoryCap(BudgetCategory.Personnel, 30m)], MinimumOwnContributionPercent = 10m };
        await db.SaveChangesAsync();
    }

    private static async Task<T> InKoreanAsync<T>(Func<Task<T>> action)
    {
        var saved = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ko");
        try
        {
            return await action();
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }
}

public sealed class BudgetRuleSubmissionTests_on_Sqlite : BudgetRuleSubmissionTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartSqliteAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class BudgetRuleSubmissionTests_on_PostgreSql(PostgresCluster cluster) : BudgetRuleSubmissionTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartPostgreSqlAsync(cluster);
}
