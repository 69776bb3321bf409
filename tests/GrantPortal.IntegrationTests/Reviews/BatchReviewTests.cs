using System.Globalization;
using GrantPortal.Core.Applications;
using GrantPortal.Core.Reviews;
using GrantPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrantPortal.IntegrationTests.Reviews;

/// <summary>
/// Assigning a reviewer to, or taking them off, several applications at once, and recording one panel decision for
/// several rows: each application keeps its own rules (conflicts, submitted reviews, missing reviews, versions) and its
/// own audit event, and what its rules refuse is reported while the others are saved.
/// </summary>
public abstract class BatchReviewTests : ProviderTest
{
    protected BatchReviewTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

    private AssignReviewerToApplications Assign => Host.Services.GetRequiredService<AssignReviewerToApplications>();

    private DecideApplications Decide => Host.Services.GetRequiredService<DecideApplications>();

    private async Task<int> EventsAsync(string action, int applicationId)
    {
        await using var db = await Host.CreateDbContextAsync();
        var id = applicationId.ToString(CultureInfo.InvariantCulture);
        return await db.AuditEvents.CountAsync(e => e.Action == action && e.EntityId == id);
    }

    private static async Task SubmitReviewAsync(ReviewScenario s, CurrentUser reviewer, int assignmentId)
    {
        await s.DeclareConflict.DeclareAsync(reviewer, assignmentId, false, null);
        var view = (await s.Reviews.OpenAsync(reviewer, assignmentId))!;
        Assert.True((await s.SubmitReview.SubmitAsync(reviewer, assignmentId, ReviewScenario.Complete(view, 4, 4), view.Version)).Succeeded);
    }

    [Fact]
    public async Task Assigning_a_conflicted_reviewer_to_two_applications_assigns_one_and_reports_the_conflict()
    {
        var s = await ReviewScenario.CreateAsync(Host);

        var result = await Assign.AssignAsync(s.Officer, s.Applications.CallId, [s.OpenDoorsApplication, s.HanaApplication], s.Cho.UserId);

        var summary = result.Value!;
        Assert.Equal((1, 0, 1), (summary.Done, summary.Skipped, summary.Failed));
        var refused = Assert.Single(summary.Items, i => i.State == BatchItemState.Failed);
        Assert.Equal((s.OpenDoorsApplication, "This reviewer has a conflict of interest with the applicant."), (refused.Id, refused.Reason));
        Assert.Null(await s.AssignmentOfAsync(s.Cho, s.OpenDoorsApplication));
        Assert.NotNull(await s.AssignmentOfAsync(s.Cho, s.HanaApplication));
        Assert.Equal((0, 1), (await EventsAsync("review.assigned", s.OpenDoorsApplication), await EventsAsync("review.assigned", s.HanaApplication)));
    }

    [Fact]
    public async Task Assigning_again_skips_what_is_assigned_and_refuses_reviewers_beyond_the_call_number()
    {
        var s = await ReviewScenario.CreateAsync(Host);
        await using (var db = await Host.CreateDbContextAsync())
        {
            (await db.Calls.SingleAsync()).ReviewersPerApplication = 1;
            await db.SaveChangesAsync();
        }

        Assert.Equal(2, (await Assign.AssignAsync(s.Officer, s.Applications.CallId, [s.OpenDoorsApplication, s.HanaApplication], s.Ahn.UserId)).Value!.Done);
        var again = await Assign.AssignAsync(s.Officer, s.Applications.CallId, [s.OpenDoorsApplication, s.HanaApplication], s.Ahn.UserId);
        var beyond = await Assign.AssignAsync(s.Officer, s.Applications.CallId, [s.HanaApplication], s.Baek.UserId);

        Assert.Equal((0, 2), (again.Value!.Done, again.Value.Skipped));
        Assert.All(again.Value.Items, i => Assert.Equal("already assigned to this reviewer", i.Reason));
        Assert.Equal("already has the reviewers the call asks for; assign an extra reviewer on the application itself", Assert.Single(beyond.Value!.Items).Reason);
        Assert.Null(await s.AssignmentOfAsync(s.Baek, s.HanaApplication));
        Assert.Equal((1, 1), (await EventsAsync("review.assigned", s.OpenDoorsApplication), await EventsAsync("review.assigned", s.HanaApplication)));
    }

    [Fact]
    public async Task Unassigning_keeps_a_submitted_review_and_removes_the_other()
    {
        var s = await ReviewScenario.CreateAsync(Host);
        Assert.Equal(2, (await Assign.AssignAsync(s.Officer, s.Applications.CallId, [s.OpenDoorsApplication, s.HanaApplication], s.Ahn.UserId)).Value!.Done);
        await SubmitReviewAsync(s, s.Ahn, (await s.AssignmentOfAsync(s.Ahn, s.HanaApplication))!.Value);

        var result = await Assign.UnassignAsync(s.Officer, s.Applications.CallId, [s.OpenDoorsApplication, s.HanaApplication], s.Ahn.UserId);

        var summary = result.Value!;
        Assert.Equal((1, 1), (summary.Done, summary.Failed));
        Assert.Equal("This reviewer has submitted the review; reopen it instead of removing the reviewer.", summary.Items.Single(i => i.Id == s.HanaApplication).Reason);
        Assert.Null(await s.AssignmentOfAsync(s.Ahn, s.OpenDoorsApplication));
        Assert.NotNull(await s.AssignmentOfAsync(s.Ahn, s.HanaApplication));
        Assert.Equal((1, 0), (await EventsAsync("review.unassigned", s.OpenDoorsApplication), await EventsAsync("review.unassigned", s.HanaApplication)));
    }

    [Fact]
    public async Task Decision_for_two_rows_records_the_one_with_its_reviews_in_and_reports_the_other()
    {
        var s = await ReviewScenario.CreateAsync(Host);
        Assert.True((await s.AssignReviewers.AssignAutomaticallyAsync(s.Officer, s.Applications.CallId)).Succeeded);
        foreach (var reviewer in new[] { s.Ahn, s.Baek, s.Cho })
        {
            if (await s.AssignmentOfAsync(reviewer, s.HanaApplication) is { } id)
            {
                await SubmitReviewAsync(s, reviewer, id);
            }
        }

        var rows = (await s.Ranking.GetAsync(s.Officer, s.Applications.CallId))!.Rows.Select(r => new SelectedDecision(r.Ranking.ApplicationId, r.Version)).ToList();
        var result = await Decide.DecideAsync(s.Officer, s.Applications.CallId, rows, PanelDecision.Fund, "Strong panel support");

        var summary = result.Value!;
        Assert.Equal((1, 1), (summary.Done, summary.Failed));
        Assert.Equal("reviews are missing; record the decision on its own row to confirm", summary.Items.Single(i => i.Id == s.OpenDoorsApplication).Reason);
        await using (var db = await Host.CreateDbContextAsync())
        {
            Assert.Equal(PanelDecision.Fund, (await db.Applications.SingleAsync(a => a.Id == s.HanaApplication)).PanelDecision);
            Assert.Null((await db.Applications.SingleAsync(a => a.Id == s.OpenDoorsApplication)).PanelDecision);
        }

        Assert.Equal((1, 0), (await EventsAsync("application.panel-decision", s.HanaApplication), await EventsAsync("application.panel-decision", s.OpenDoorsApplication)));

        // The same batch again: the recorded row is skipped; a stale version is refused, not overwritten.
        var again = await Decide.DecideAsync(s.Officer, s.Applications.CallId, rows, PanelDecision.Fund, "Strong panel support");
        var stale = await Decide.DecideAsync(s.Officer, s.Applications.CallId, rows, PanelDecision.Reserve, null);

        Assert.Equal("this decision is already recorded", again.Value!.Items.Single(i => i.Id == s.HanaApplication).Reason);
        Assert.Equal(BatchItemState.Failed, stale.Value!.Items.Single(i => i.Id == s.HanaApplication).State);
        Assert.Equal(1, await EventsAsync("application.panel-decision", s.HanaApplication));
    }

    [Fact]
    public async Task Anyone_but_a_program_officer_is_told_not_found_and_nothing_changes()
    {
        var s = await ReviewScenario.CreateAsync(Host);

        var assigned = await Assign.AssignAsync(s.Finance, s.Applications.CallId, [s.HanaApplication], s.Ahn.UserId);
        var decided = await Decide.DecideAsync(s.Ahn, s.Applications.CallId, [new SelectedDecision(s.HanaApplication, 1)], PanelDecision.Fund, null);

        Assert.Equal((Outcome.NotFound, Outcome.NotFound), (assigned.Outcome, decided.Outcome));
        await using var db = await Host.CreateDbContextAsync();
        Assert.False(await db.ReviewAssignments.AnyAsync());
        Assert.False(await db.AuditEvents.AnyAsync(e => e.Action == "review.assigned" || e.Action == "application.panel-decision"));
    }
}

public sealed class BatchReviewTests_on_Sqlite : BatchReviewTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartSqliteAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class BatchReviewTests_on_PostgreSql(PostgresCluster cluster) : BatchReviewTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartPostgreSqlAsync(cluster);
}
