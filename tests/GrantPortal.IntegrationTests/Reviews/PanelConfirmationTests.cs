using System.Globalization;
using System.Text.Json;
using GrantPortal.Core.Applications;
using GrantPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.IntegrationTests.Reviews;

/// <summary>
/// Decisions an officer may take but must mean: a panel decision while reviews are missing, a reviewer beyond the
/// number the call asks for. Core answers with a warning and changes nothing until the officer confirms.
/// </summary>
public abstract class PanelConfirmationTests : ProviderTest
{
    protected PanelConfirmationTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

    private async Task<ReviewScenario> AssignedAsync()
    {
        var s = await ReviewScenario.CreateAsync(Host);
        Assert.True((await s.AssignReviewers.AssignAutomaticallyAsync(s.Officer, s.Applications.CallId)).Succeeded);
        return s;
    }

    [Fact]
    public async Task Panel_decision_with_three_of_four_reviews_missing_says_so_and_records_nothing_until_confirmed()
    {
        var s = await AssignedAsync();
        var assignment = (await s.AssignmentOfAsync(s.Ahn, s.HanaApplication))!.Value;
        await s.DeclareConflict.DeclareAsync(s.Ahn, assignment, false, null);
        var view = (await s.Reviews.OpenAsync(s.Ahn, assignment))!;
        Assert.True((await s.SubmitReview.SubmitAsync(s.Ahn, assignment, ReviewScenario.Complete(view, 5, 4), view.Version)).Succeeded);
        await using (var db = await Host.CreateDbContextAsync())
        {
            // The call now wants four reviewers; two are assigned and one has submitted.
            (await db.Calls.SingleAsync()).ReviewersPerApplication = 4;
            await db.SaveChangesAsync();
        }

        var row = (await s.Ranking.GetAsync(s.Officer, s.Applications.CallId))!.Rows.Single(r => r.Ranking.ApplicationId == s.HanaApplication);

        var asked = await s.DecideApplication.DecideAsync(s.Officer, s.HanaApplication, PanelDecision.Fund, "Strong", row.Version);

        Assert.Equal(Outcome.Refused, asked.Outcome);
        Assert.True(asked.Value!.NeedsConfirmation);
        Assert.Equal("3 of 4 reviews are missing for \"Memory theatre\". Record the panel decision anyway?", asked.Message);
        await using (var db = await Host.CreateDbContextAsync())
        {
            Assert.Null((await db.Applications.SingleAsync(a => a.Id == s.HanaApplication)).PanelDecision);
            Assert.False(await db.AuditEvents.AnyAsync(e => e.Action == "application.panel-decision"));
        }

        var confirmed = await s.DecideApplication.DecideAsync(s.Officer, s.HanaApplication, PanelDecision.Fund, "Strong", asked.Value.Version, confirmMissingReviews: true);

        Assert.True(confirmed.Succeeded, confirmed.Message);
        await using var check = await Host.CreateDbContextAsync();
        Assert.Equal(PanelDecision.Fund, (await check.Applications.SingleAsync(a => a.Id == s.HanaApplication)).PanelDecision);
        var audit = await check.AuditEvents.SingleAsync(e => e.Action == "application.panel-decision");
        using var after = JsonDocument.Parse(audit.After!);
        Assert.Equal((3, 4), (after.RootElement.GetProperty("MissingReviews").GetInt32(), after.RootElement.GetProperty("ExpectedReviews").GetInt32()));
    }

    [Fact]
    public async Task Panel_decision_with_every_review_in_needs_no_confirmation()
    {
        var s = await AssignedAsync();
        foreach (var reviewer in new[] { s.Ahn, s.Baek, s.Cho })
        {
            if (await s.AssignmentOfAsync(reviewer, s.HanaApplication) is { } id)
            {
                await s.DeclareConflict.DeclareAsync(reviewer, id, false, null);
                var view = (await s.Reviews.OpenAsync(reviewer, id))!;
                Assert.True((await s.SubmitReview.SubmitAsync(reviewer, id, ReviewScenario.Complete(view, 4, 4), view.Version)).Succeeded);
            }
        }

        var row = (await s.Ranking.GetAsync(s.Officer, s.Applications.CallId))!.Rows.Single(r => r.Ranking.ApplicationId == s.HanaApplication);
        var decided = await s.DecideApplication.DecideAsync(s.Officer, s.HanaApplication, PanelDecision.Reserve, null, row.Version);

        Assert.True(decided.Succeeded, decided.Message);
        Assert.False(decided.Value!.NeedsConfirmation);
    }

    [Fact]
    public async Task Assigning_a_reviewer_beyond_the_calls_number_says_so_and_assigns_only_when_confirmed()
    {
        var s = await AssignedAsync();
        var extra = await s.AssignmentOfAsync(s.Baek, s.HanaApplication) is null ? s.Baek : s.Cho;

        var asked = await s.AddReviewer.AddAsync(s.Officer, s.HanaApplication, extra.UserId);

        Assert.Equal(Outcome.Refused, asked.Outcome);
        Assert.True(asked.Value!.NeedsConfirmation);
        Assert.Equal($"This call asks for 2 reviewers per application, and \"Memory theatre\" already has 2. Assign {extra.Name} as an extra reviewer?", asked.Message);
        Assert.Null(await s.AssignmentOfAsync(extra, s.HanaApplication));

        var confirmed = await s.AddReviewer.AddAsync(s.Officer, s.HanaApplication, extra.UserId, confirmBeyondTarget: true);

        Assert.True(confirmed.Succeeded, confirmed.Message);
        Assert.NotNull(await s.AssignmentOfAsync(extra, s.HanaApplication));
        await using var db = await Host.CreateDbContextAsync();
        var audit = await db.AuditEvents.SingleAsync(e => e.Action == "review.assigned");
        using var after = JsonDocument.Parse(audit.After!);
        Assert.True(after.RootElement.GetProperty("BeyondTarget").GetBoolean());
        Assert.Equal(3, after.RootElement.GetProperty("Reviewers").GetInt32());
    }

    [Fact]
    public async Task Filling_a_place_the_call_still_has_needs_no_confirmation()
    {
        var s = await AssignedAsync();
        var ahns = (await s.AssignmentOfAsync(s.Ahn, s.HanaApplication))!.Value;
        Assert.True((await s.DeclareConflict.DeclareAsync(s.Ahn, ahns, hasConflict: true, "Former colleague.")).Succeeded);
        var substitute = await s.AssignmentOfAsync(s.Baek, s.HanaApplication) is null ? s.Baek : s.Cho;

        var added = await s.AddReviewer.AddAsync(s.Officer, s.HanaApplication, substitute.UserId);

        Assert.True(added.Succeeded, added.Message);
    }
}

public sealed class PanelConfirmationTests_on_Sqlite : PanelConfirmationTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartSqliteAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class PanelConfirmationTests_on_PostgreSql(PostgresCluster cluster) : PanelConfirmationTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartPostgreSqlAsync(cluster);
}
