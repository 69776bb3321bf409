using System.Globalization;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Applications;
using GrantPortal.Core.Calls;
using GrantPortal.Core.Reviews;
using GrantPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrantPortal.IntegrationTests.Reviews;

public abstract class ReviewServiceTests : ProviderTest
{
    protected ReviewServiceTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

    private async Task<ReviewScenario> AssignedAsync()
    {
        var s = await ReviewScenario.CreateAsync(Host);
        var change = await s.AssignReviewers.AssignAutomaticallyAsync(s.Officer, s.Applications.CallId);
        Assert.True(change.Succeeded, change.Message);
        return s;
    }

    [Fact]
    public async Task Dry_run_saves_nothing_and_automatic_assignment_never_uses_a_conflicted_reviewer()
    {
        var s = await ReviewScenario.CreateAsync(Host);

        var preview = await s.Assignments.PreviewAsync(s.Officer, s.Applications.CallId);
        Assert.NotNull(preview);
        Assert.Equal(4, preview.Plan.Assignments.Count);
        Assert.Empty(preview.Plan.Uncovered);
        await using (var db = await Host.CreateDbContextAsync())
        {
            Assert.False(await db.ReviewAssignments.AnyAsync());
        }

        var change = await s.AssignReviewers.AssignAutomaticallyAsync(s.Officer, s.Applications.CallId);

        Assert.Equal(4, change.Value);
        Assert.Null(await s.AssignmentOfAsync(s.Cho, s.OpenDoorsApplication));
        await using var check = await Host.CreateDbContextAsync();
        Assert.Equal(2, await check.ReviewAssignments.CountAsync(a => a.ApplicationId == s.OpenDoorsApplication));
        Assert.Equal(2, await check.ReviewAssignments.CountAsync(a => a.ApplicationId == s.HanaApplication));
        Assert.All(await check.Applications.ToListAsync(), a => Assert.Equal(ApplicationStatus.UnderReview, a.Status));
        Assert.True(await check.AuditEvents.AnyAsync(e => e.Action == "review.assigned-automatically"));
    }

    [Fact]
    public async Task An_application_without_enough_free_reviewers_is_explained()
    {
        var s = await ReviewScenario.CreateAsync(Host);
        await using (var db = await Host.CreateDbContextAsync())
        {
            var call = await db.Calls.SingleAsync();
            call.ReviewersPerApplication = 3;
            await db.SaveChangesAsync();
        }

        var preview = await s.Assignments.PreviewAsync(s.Officer, s.Applications.CallId);

        var uncovered = Assert.Single(preview!.Plan.Uncovered);
        Assert.Equal(new UncoveredApplication(s.OpenDoorsApplication, 2, 3), uncovered);
    }

    [Fact]
    public async Task Reviewer_opening_an_unassigned_application_gets_not_found()
    {
        var s = await AssignedAsync();
        var someAssignment = (await s.AssignmentOfAsync(s.Ahn, s.HanaApplication))!.Value;

        // Another reviewer's assignment does not exist for Baek or Cho, whether or not they review Hana too.
        Assert.Null(await s.Reviews.OpenAsync(s.Baek, someAssignment));
        Assert.Null(await s.Reviews.OpenAsync(s.Cho, someAssignment));
        Assert.Equal(Outcome.NotFound, (await s.SaveReview.SaveDraftAsync(s.Cho, someAssignment, new ScoreForm(), 0)).Outcome);
        Assert.NotNull(await s.Reviews.OpenAsync(s.Ahn, someAssignment));
    }

    [Fact]
    public async Task Reviewer_with_a_conflict_detected_after_assignment_gets_not_found()
    {
        var s = await AssignedAsync();
        var assignment = (await s.AssignmentOfAsync(s.Ahn, s.HanaApplication))!.Value;
        Assert.NotNull(await s.Reviews.OpenAsync(s.Ahn, assignment));

        // Ahn declares a board seat at Hana Forum in the profile: the rule now matches, and the door closes.
        var profile = (await s.Profiles.GetMineAsync(s.Ahn))!;
        profile.Affiliations.Add(new AffiliationForm { OrganizationName = "하나포럼", Kind = AffiliationKind.BoardMember });
        Assert.True((await s.Profiles.SaveMineAsync(s.Ahn, profile)).Succeeded);

        Assert.Null(await s.Reviews.OpenAsync(s.Ahn, assignment));
        Assert.Equal(Outcome.NotFound, (await s.SubmitReview.SubmitAsync(s.Ahn, assignment, new ScoreForm(), 0)).Outcome);
        Assert.DoesNotContain(await s.Reviews.ListMineAsync(s.Ahn), t => t.AssignmentId == assignment);
        var added = await s.AddReviewer.AddAsync(s.Officer, s.HanaApplication, s.Ahn.UserId);
        Assert.False(added.Succeeded);
    }

    [Fact]
    public async Task Applicants_and_finance_staff_see_no_reviews()
    {
        var s = await AssignedAsync();
        var assignment = (await s.AssignmentOfAsync(s.Ahn, s.HanaApplication))!.Value;

        Assert.Empty(await s.Reviews.ListMineAsync(s.Applications.Applicant));
        Assert.Empty(await s.Reviews.ListMineAsync(s.Finance));
        Assert.Null(await s.Reviews.OpenAsync(s.Applications.OtherApplicant, assignment));
        Assert.Null(await s.Reviews.OpenAsync(s.Finance, assignment));
        Assert.Null(await s.Ranking.GetAsync(s.Finance, s.Applications.CallId));
        Assert.Null(await s.Assignments.GetBoardAsync(s.Ahn, s.Applications.CallId));
        Assert.Empty(await s.Assignments.ListCallsInReviewAsync(s.Ahn));
    }

    [Fact]
    public async Task Officer_finds_the_call_in_review_with_its_application_count()
    {
        var s = await AssignedAsync();

        var call = Assert.Single(await s.Assignments.ListCallsInReviewAsync(s.Officer));

        Assert.Equal(s.Applications.CallId, call.Id);
        Assert.Equal("NKHR", call.Code);
        Assert.Equal(2, call.Count);
    }

    [Fact]
    public async Task Reviewer_declares_no_conflict_saves_a_draft_submits_and_only_an_officer_reopens()
    {
        var s = await AssignedAsync();
        var assignment = (await s.AssignmentOfAsync(s.Ahn, s.HanaApplication))!.Value;
        var before = (await s.Reviews.OpenAsync(s.Ahn, assignment))!;
        Assert.True(before.NeedsDeclaration);
        Assert.Equal("", before.Summary);
        Assert.Equal(Outcome.NotFound, (await s.SaveReview.SaveDraftAsync(s.Ahn, assignment, before.Form, 0)).Outcome);

        Assert.True((await s.DeclareConflict.DeclareAsync(s.Ahn, assignment, hasConflict: false, null)).Succeeded);
        var open = (await s.Reviews.OpenAsync(s.Ahn, assignment))!;
        Assert.NotEqual("", open.Summary);

        var partial = open.Form with { Criteria = open.Form.Criteria.Select(c => c with { }).ToList() };
        partial.Criteria[0].Score = 9;
        var outOfScale = await s.SaveReview.SaveDraftAsync(s.Ahn, assignment, partial, open.Version);
        Assert.Equal(Outcome.Invalid, outOfScale.Outcome);
        Assert.Equal("Enter a whole number from 1 to 5.", outOfScale.Errors.Single().Message);

        partial.Criteria[0].Score = 4;
        var draft = await s.SaveReview.SaveDraftAsync(s.Ahn, assignment, partial, open.Version);
        Assert.True(draft.Succeeded);
        var reopened = (await s.Reviews.OpenAsync(s.Ahn, assignment))!;
        Assert.Equal(ReviewTaskStatus.Draft, reopened.Status);
        Assert.Equal(4m, reopened.Form.Criteria[0].Score);

        var incomplete = await s.SubmitReview.SubmitAsync(s.Ahn, assignment, reopened.Form, reopened.Version);
        Assert.Equal(Outcome.Invalid, incomplete.Outcome);
        Assert.Contains(incomplete.Errors, e => e.Message == "Explain your score.");

        var submitted = await s.SubmitReview.SubmitAsync(s.Ahn, assignment, ReviewScenario.Complete(reopened, 4, 3), reopened.Version);
        Assert.True(submitted.Succeeded, string.Join("; ", submitted.Errors.Select(e => e.Message)));
        Assert.Equal(Outcome.Refused, (await s.SaveReview.SaveDraftAsync(s.Ahn, assignment, reopened.Form, submitted.Value)).Outcome);

        Assert.False((await s.ReopenReview.ReopenAsync(s.Ahn, assignment, "typo")).Succeeded);
        Assert.True((await s.ReopenReview.ReopenAsync(s.Officer, assignment, "The reviewer asked to fix a typo.")).Succeeded);
        Assert.Equal(ReviewTaskStatus.Draft, (await s.Reviews.OpenAsync(s.Ahn, assignment))!.Status);
        await using var db = await Host.CreateDbContextAsync();
        Assert.Equal(["review.no-conflict-declared", "review.reopened", "review.submitted"],
            (await db.AuditEvents.Where(e => e.Action.StartsWith("review.") && e.Action != "review.assigned-automatically").Select(e => e.Action).ToListAsync()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Declaring_a_conflict_records_it_and_returns_the_assignment_to_the_officer()
    {
        var s = await AssignedAsync();
        var assignment = (await s.AssignmentOfAsync(s.Ahn, s.HanaApplication))!.Value;

        Assert.True((await s.DeclareConflict.DeclareAsync(s.Ahn, assignment, hasConflict: true, "My sister works there.")).Succeeded);

        Assert.Null(await s.AssignmentOfAsync(s.Ahn, s.HanaApplication));
        var board = (await s.Assignments.GetBoardAsync(s.Officer, s.Applications.CallId))!;
        var conflict = Assert.Single(board.Applications.Single(a => a.Id == s.HanaApplication).Conflicts);
        Assert.Equal((s.Ahn.UserId, ConflictSource.Declared), (conflict.ReviewerId, conflict.Source));
        Assert.False((await s.LiftConflict.LiftConflictAsync(s.Officer, s.HanaApplication, s.Ahn.UserId, ConflictSource.Declared, "no")).Succeeded);
    }

    [Fact]
    public async Task Reviewer_withdraws_a_mistaken_declaration_and_gets_the_application_back()
    {
        var s = await AssignedAsync();
        var assignment = (await s.AssignmentOfAsync(s.Ahn, s.HanaApplication))!.Value;
        Assert.True((await s.DeclareConflict.DeclareAsync(s.Ahn, assignment, hasConflict: true, "Clicked the wrong button.")).Succeeded);
        var declared = Assert.Single(await s.Reviews.ListMyDeclarationsAsync(s.Ahn));
        Assert.Equal((s.HanaApplication, "Clicked the wrong button."), (declared.ApplicationId, declared.Reason));
        Assert.False((await s.WithdrawDeclaration.WithdrawDeclarationAsync(s.Baek, s.HanaApplication)).Succeeded);

        var withdrawn = await s.WithdrawDeclaration.WithdrawDeclarationAsync(s.Ahn, s.HanaApplication);

        Assert.True(withdrawn.Succeeded, withdrawn.Message);
        Assert.True(withdrawn.Value!.Reassigned);
        Assert.Empty(await s.Reviews.ListMyDeclarationsAsync(s.Ahn));
        var back = (await s.AssignmentOfAsync(s.Ahn, s.HanaApplication))!.Value;
        var task = Assert.Single(await s.Reviews.ListMineAsync(s.Ahn), t => t.AssignmentId == back);
        Assert.Equal(ReviewTaskStatus.DeclarationNeeded, task.Status);
        Assert.False((await s.WithdrawDeclaration.WithdrawDeclarationAsync(s.Ahn, s.HanaApplication)).Succeeded);
        await using (var db = await Host.CreateDbContextAsync())
        {
            Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "review.conflict-withdrawn" && e.ActorId == s.Ahn.UserId));
        }

        // Declaring again puts the conflict back in force: the newest word of the reviewer counts.
        Assert.True((await s.DeclareConflict.DeclareAsync(s.Ahn, back, hasConflict: true, "On second thought, I advise them.")).Succeeded);
        Assert.False((await s.AddReviewer.AddAsync(s.Officer, s.HanaApplication, s.Ahn.UserId)).Succeeded);
        Assert.Equal("On second thought, I advise them.", Assert.Single(await s.Reviews.ListMyDeclarationsAsync(s.Ahn)).Reason);
    }

    [Fact]
    public async Task Withdrawn_declaration_leaves_a_filled_place_and_an_officers_pin_alone()
    {
        var s = await AssignedAsync();
        Assert.True((await s.DeclareConflict.DeclareAsync(s.Ahn, (await s.AssignmentOfAsync(s.Ahn, s.HanaApplication))!.Value, hasConflict: true, null)).Succeeded);
        var substitute = await s.AssignmentOfAsync(s.Baek, s.HanaApplication) is null ? s.Baek : s.Cho;
        Assert.True((await s.AddReviewer.AddAsync(s.Officer, s.HanaApplication, substitute.UserId)).Succeeded);

        var withdrawn = await s.WithdrawDeclaration.WithdrawDeclarationAsync(s.Ahn, s.HanaApplication);

        Assert.True(withdrawn.Succeeded, withdrawn.Message);
        Assert.False(withdrawn.Value!.Reassigned);
        Assert.Null(await s.AssignmentOfAsync(s.Ahn, s.HanaApplication));

        Assert.True((await s.DeclareConflict.DeclareAsync(s.Ahn, (await s.AssignmentOfAsync(s.Ahn, s.OpenDoorsApplication))!.Value, hasConflict: true, "I volunteer there.")).Succeeded);
        Assert.True((await s.PinConflict.PinConflictAsync(s.Officer, s.OpenDoorsApplication, s.Ahn.UserId, "Volunteers there every week.")).Succeeded);
        var refused = await s.WithdrawDeclaration.WithdrawDeclarationAsync(s.Ahn, s.OpenDoorsApplication);
        Assert.False(refused.Succeeded);
        Assert.Contains("Another conflict", refused.Message, StringComparison.Ordinal);
        Assert.Single(await s.Reviews.ListMyDeclarationsAsync(s.Ahn));
        Assert.Null(await s.AssignmentOfAsync(s.Ahn, s.OpenDoorsApplication));
    }

    [Fact]
    public async Task Officer_lifts_a_detected_conflict_with_a_reason_and_pins_another()
    {
        var s = await AssignedAsync();
        Assert.False((await s.AddReviewer.AddAsync(s.Officer, s.OpenDoorsApplication, s.Cho.UserId)).Succeeded);
        Assert.False((await s.LiftConflict.LiftConflictAsync(s.Officer, s.OpenDoorsApplication, s.Cho.UserId, ConflictSource.DetectedEmailDomain, " ")).Succeeded);

        var lifted = await s.LiftConflict.LiftConflictAsync(s.Officer, s.OpenDoorsApplication, s.Cho.UserId, ConflictSource.DetectedEmailDomain, "Shared hosting domain, no tie.");
        Assert.True(lifted.Succeeded, lifted.Message);

        // Open Doors already has the two reviewers the call asks for: Cho comes as a third, once the officer confirms.
        Assert.True((await s.AddReviewer.AddAsync(s.Officer, s.OpenDoorsApplication, s.Cho.UserId)).Value!.NeedsConfirmation);
        Assert.True((await s.AddReviewer.AddAsync(s.Officer, s.OpenDoorsApplication, s.Cho.UserId, confirmBeyondTarget: true)).Succeeded);

        var pinned = await s.PinConflict.PinConflictAsync(s.Officer, s.OpenDoorsApplication, s.Cho.UserId, "Co-authored a report with the director.");
        Assert.True(pinned.Succeeded, pinned.Message);
        Assert.Null(await s.AssignmentOfAsync(s.Cho, s.OpenDoorsApplication));
        Assert.False((await s.LiftConflict.LiftConflictAsync(s.Ahn, s.OpenDoorsApplication, s.Cho.UserId, ConflictSource.Officer, "I disagree")).Succeeded);
        var board = (await s.Assignments.GetBoardAsync(s.Officer, s.Applications.CallId))!;
        Assert.Contains(board.Applications.Single(a => a.Id == s.OpenDoorsApplication).Conflicts, c => c.ReviewerId == s.Cho.UserId && c.IsPinned);
    }

    [Fact]
    public async Task Ranking_shows_statistics_and_the_officer_records_a_panel_decision()
    {
        var s = await AssignedAsync();
        foreach (var reviewer in new[] { s.Ahn, s.Baek, s.Cho })
        {
            foreach (var application in new[] { s.OpenDoorsApplication, s.HanaApplication })
            {
                if (await s.AssignmentOfAsync(reviewer, application) is not { } id)
                {
                    continue;
                }

                await s.DeclareConflict.DeclareAsync(reviewer, id, false, null);
                var view = (await s.Reviews.OpenAsync(reviewer, id))!;
                var score = application == s.HanaApplication ? 5 : 2;
                Assert.True((await s.SubmitReview.SubmitAsync(reviewer, id, ReviewScenario.Complete(view, score, score), view.Version)).Succeeded);
            }
        }

        var table = await s.Ranking.GetAsync(s.Officer, s.Applications.CallId);

        Assert.NotNull(table);
        Assert.Equal([s.HanaApplication, s.OpenDoorsApplication], table.Rows.Select(r => r.Ranking.ApplicationId));
        var hana = table.Rows[0];
        Assert.Equal((2, 0, 5.0, 1, 1), (hana.Ranking.Count, hana.Ranking.Missing, hana.Ranking.Mean!.Value, hana.Ranking.RawRank!.Value, hana.Ranking.CalibratedRank!.Value));

        var decided = await s.DecideApplication.DecideAsync(s.Officer, s.HanaApplication, PanelDecision.Fund, "Strong panel support", hana.Version);
        Assert.True(decided.Succeeded, decided.Message);
        Assert.False((await s.DecideApplication.DecideAsync(s.Officer, s.HanaApplication, PanelDecision.Decline, null, hana.Version)).Succeeded);
        Assert.False((await s.DecideApplication.DecideAsync(s.Ahn, s.OpenDoorsApplication, PanelDecision.Fund, null, table.Rows[1].Version)).Succeeded);
        await using var db = await Host.CreateDbContextAsync();
        var decidedApplication = await db.Applications.SingleAsync(a => a.Id == s.HanaApplication);
        Assert.Equal((PanelDecision.Fund, "Strong panel support"), (decidedApplication.PanelDecision!.Value, decidedApplication.PanelNote));
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "application.panel-decision"));
    }

    [Fact]
    public async Task Once_a_review_exists_removing_criteria_or_changing_scales_is_refused()
    {
        var s = await AssignedAsync();
        var assignment = (await s.AssignmentOfAsync(s.Ahn, s.HanaApplication))!.Value;
        await s.DeclareConflict.DeclareAsync(s.Ahn, assignment, false, null);
        var view = (await s.Reviews.OpenAsync(s.Ahn, assignment))!;
        Assert.True((await s.SaveReview.SaveDraftAsync(s.Ahn, assignment, ReviewScenario.Complete(view, 4, 4), view.Version)).Succeeded);
        var calls = Host.Services.GetRequiredService<UpdateCall>();
        var form = (await Host.Services.GetRequiredService<CallQueries>().GetForEditAsync(s.Officer, s.Applications.CallId, CancellationToken.None))!.Form;

        var removed = form with { Criteria = form.Criteria.Take(1).ToList() };
        var rescaled = form with { Criteria = form.Criteria.Select((c, i) => i == 0 ? c with { ScaleMaximum = 10 } : c).ToList() };
        var renamed = form with { Criteria = form.Criteria.Select((c, i) => i == 0 ? c with { NameEnglish = "Relevance to the call" } : c).ToList() };

        foreach (var refused in new[] { removed, rescaled })
        {
            var result = await calls.UpdateAsync(s.Officer, refused, confirmDeadlineChange: false, CancellationToken.None);
            Assert.Equal(Outcome.Invalid, result.Outcome);
            Assert.StartsWith("Reviews have started in this call", result.Errors.Single().Message, StringComparison.Ordinal);
        }

        Assert.True((await calls.UpdateAsync(s.Officer, renamed, confirmDeadlineChange: false, CancellationToken.None)).Succeeded);
    }
}

public sealed class ReviewServiceTests_on_Sqlite : ReviewServiceTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartSqliteAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class ReviewServiceTests_on_PostgreSql(PostgresCluster cluster) : ReviewServiceTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartPostgreSqlAsync(cluster);
}
