using System.Globalization;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Applications;
using GrantPortal.Core.Calls;
using GrantPortal.Core.Forms;
using GrantPortal.Core.Money;
using GrantPortal.Core.Reviews;
using GrantPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace GrantPortal.IntegrationTests.Reviews;

/// <summary>What a reviewer sees of the application they score, and who may download its files.</summary>
public abstract class ReviewerViewTests : ProviderTest
{
    protected ReviewerViewTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

    private async Task<(ReviewScenario Scenario, int Assignment)> OpenDoorsAssignedToAhnAsync(bool blind = false)
    {
        var s = await ReviewScenario.CreateAsync(Host);
        if (blind)
        {
            await using var db = await Host.CreateDbContextAsync();
            var call = await db.Calls.SingleAsync();
            call.BlindReview = true;
            await db.SaveChangesAsync();
        }

        Assert.True((await s.AssignReviewers.AssignAutomaticallyAsync(s.Officer, s.Applications.CallId)).Succeeded);

        // Cho's mail domain is Open Doors', so its two places go to Ahn and Baek.
        return (s, (await s.AssignmentOfAsync(s.Ahn, s.OpenDoorsApplication))!.Value);
    }

    [Fact]
    public async Task Reviewer_sees_budget_lines_period_category_and_files_once_no_conflict_is_declared()
    {
        var (s, assignment) = await OpenDoorsAssignedToAhnAsync();
        var before = (await s.Reviews.OpenAsync(s.Ahn, assignment))!;
        Assert.Empty(before.BudgetLines);
        Assert.Empty(before.Attachments);
        Assert.Null(before.StartDate);
        await using (var download = await s.Applications.Attachments.OpenAsync(s.Ahn, s.OpenDoorsAttachment))
        {
            Assert.Null(download);
        }

        Assert.True((await s.DeclareConflict.DeclareAsync(s.Ahn, assignment, hasConflict: false, null)).Succeeded);
        var view = (await s.Reviews.OpenAsync(s.Ahn, assignment))!;

        Assert.Equal(
            [
                new ReviewBudgetLine(BudgetCategory.Personnel, "Trainers", new Krw(20_000_000), "8 workshops"),
                new ReviewBudgetLine(BudgetCategory.Venue, "Workshop rooms", new Krw(10_000_000), "8 weekends"),
            ],
            view.BudgetLines);
        Assert.Equal(new Krw(30_000_000), view.RequestedTotal);
        Assert.Equal((new LocalDate(2026, 4, 1), new LocalDate(2026, 11, 30)), (view.StartDate!.Value, view.EndDate!.Value));
        Assert.Equal(ProjectCategories.CapacityBuilding, view.Category);
        Assert.Equal("Open Doors Korea", view.OrganizationName?.In("en"));
        var file = Assert.Single(view.Attachments);
        Assert.Equal((s.OpenDoorsAttachment, "Open Doors Korea budget.pdf", AttachmentKind.Pdf), (file.Id, file.Name, file.Kind));
        await using (var download = await s.Applications.Attachments.OpenAsync(s.Ahn, s.OpenDoorsAttachment))
        {
            Assert.NotNull(download);
            Assert.Equal(("Open Doors Korea budget.pdf", "application/pdf"), (download.DisplayName, download.ContentType));
        }
    }

    [Fact]
    public async Task In_a_blind_call_the_reviewer_sees_no_organization_and_files_by_number_under_neutral_names()
    {
        var (s, assignment) = await OpenDoorsAssignedToAhnAsync(blind: true);
        Assert.True((await s.DeclareConflict.DeclareAsync(s.Ahn, assignment, hasConflict: false, null)).Succeeded);

        var view = (await s.Reviews.OpenAsync(s.Ahn, assignment))!;

        Assert.True(view.BlindReview);
        Assert.Null(view.OrganizationName);
        Assert.Equal("Attachment 1 (PDF)", Assert.Single(view.Attachments).Name);
        Assert.DoesNotContain(view.Attachments, f => f.Name.Contains("Open Doors", StringComparison.OrdinalIgnoreCase));
        await using var download = await s.Applications.Attachments.OpenAsync(s.Ahn, s.OpenDoorsAttachment);
        Assert.Equal("attachment-1.pdf", download!.DisplayName);

        // The officer and the organization itself still see the name the file was given.
        await using var officers = await s.Applications.Attachments.OpenAsync(s.Officer, s.OpenDoorsAttachment);
        Assert.Equal("Open Doors Korea budget.pdf", officers!.DisplayName);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task In_a_blind_call_questions_marked_identifying_and_their_files_never_reach_the_reviewer(bool blind)
    {
        var (s, assignment) = await OpenDoorsAssignedToAhnAsync(blind);
        await using (var db = await Host.CreateDbContextAsync())
        {
            var application = await db.Applications.SingleAsync(a => a.Id == s.OpenDoorsApplication);
            var version = new ApplicationFormVersion
            {
                CallId = application.CallId,
                Number = 2,
                Definition = DefaultForm.Definition with
                {
                    Sections =
                    [
                        .. DefaultForm.Definition.Sections,
                        new FormSection
                        {
                            Key = "organization",
                            Questions =
                            [
                                new Question { Key = "founder", Type = QuestionType.ShortText, Identifying = true, LabelEnglish = "Founder" },
                                new Question { Key = "cv", Type = QuestionType.File, Identifying = true, LabelEnglish = "Founder's CV" },
                            ],
                        },
                    ],
                },
            };
            db.ApplicationFormVersions.Add(version);
            await db.SaveChangesAsync();
            application.FormVersionId = version.Id;
            application.Answers = new(application.Answers) { ["founder"] = "Kim Ji-won" };
            (await db.Attachments.SingleAsync(f => f.Id == s.OpenDoorsAttachment)).QuestionKey = "cv";
            await db.SaveChangesAsync();
        }

        Assert.True((await s.DeclareConflict.DeclareAsync(s.Ahn, assignment, hasConflict: false, null)).Succeeded);
        var view = (await s.Reviews.OpenAsync(s.Ahn, assignment))!;

        Assert.Equal("Forty trained activists.", view.Answers[DefaultForm.Objectives]);
        Assert.Equal(!blind, view.Questions.Find("founder") is not null);
        Assert.Equal(!blind, view.Answers.ContainsKey("founder"));
        Assert.Equal(blind ? 0 : 1, view.Attachments.Count);
    }

    [Fact]
    public async Task Only_the_assigned_reviewer_free_of_conflict_downloads_the_files_everyone_else_gets_not_found()
    {
        var (s, assignment) = await OpenDoorsAssignedToAhnAsync();
        Assert.True((await s.DeclareConflict.DeclareAsync(s.Ahn, assignment, hasConflict: false, null)).Succeeded);
        var baek = (await s.AssignmentOfAsync(s.Baek, s.OpenDoorsApplication))!.Value;
        var hanaApplicant = s.Applications.OtherApplicant;
        var finance = s.Finance;

        // Baek is assigned but has not declared; Cho is not assigned (and conflicted); the others are not reviewers of it.
        foreach (var stranger in new[] { s.Baek, s.Cho, hanaApplicant, finance })
        {
            await using var refused = await s.Applications.Attachments.OpenAsync(stranger, s.OpenDoorsAttachment);
            Assert.Null(refused);
        }

        await using (var allowed = await s.Applications.Attachments.OpenAsync(s.Ahn, s.OpenDoorsAttachment))
        {
            Assert.NotNull(allowed);
        }

        // Ahn records a tie to Open Doors: the rule now matches, and the file is no longer theirs to read.
        var profile = (await s.Profiles.GetMineAsync(s.Ahn))!;
        profile.Affiliations.Add(new AffiliationForm { OrganizationName = "열린문", Kind = AffiliationKind.Related });
        Assert.True((await s.Profiles.SaveMineAsync(s.Ahn, profile)).Succeeded);
        await using (var afterTie = await s.Applications.Attachments.OpenAsync(s.Ahn, s.OpenDoorsAttachment))
        {
            Assert.Null(afterTie);
        }

        Assert.True((await s.DeclareConflict.DeclareAsync(s.Baek, baek, hasConflict: false, null)).Succeeded);
        await using var baeks = await s.Applications.Attachments.OpenAsync(s.Baek, s.OpenDoorsAttachment);
        Assert.NotNull(baeks);
    }

    [Fact]
    public async Task Program_officers_read_every_reviewers_expertise_ties_and_declared_conflicts_others_read_none()
    {
        var (s, _) = await OpenDoorsAssignedToAhnAsync();
        var hana = (await s.AssignmentOfAsync(s.Ahn, s.HanaApplication))!.Value;
        Assert.True((await s.DeclareConflict.DeclareAsync(s.Ahn, hana, hasConflict: true, "My sister works there.")).Succeeded);
        var profile = (await s.Profiles.GetMineAsync(s.Baek))!;
        profile.Affiliations.Add(new AffiliationForm { OrganizationName = "Seoul Institute", Kind = AffiliationKind.Employee });
        Assert.True((await s.Profiles.SaveMineAsync(s.Baek, profile)).Succeeded);

        var reviewers = await s.Profiles.ListAsync(s.Officer);

        Assert.Equal(["Ahn", "Baek", "Cho"], reviewers.Select(r => r.Name));
        var ahn = reviewers[0];
        Assert.Equal(ProjectCategories.CultureAndArts, ahn.Expertise);
        var conflict = Assert.Single(ahn.Conflicts);
        Assert.Equal((s.HanaApplication, "Memory theatre", ConflictSource.Declared, "My sister works there."), (conflict.ApplicationId, conflict.ProjectTitle, conflict.Source, conflict.Reason));
        Assert.Equal(1, ahn.OpenAssignments);
        Assert.Equal(new ReviewerTie("Seoul Institute", AffiliationKind.Employee), Assert.Single(reviewers[1].Affiliations));
        Assert.Empty(await s.Profiles.ListAsync(s.Ahn));
        Assert.Empty(await s.Profiles.ListAsync(s.Applications.Applicant));
    }
}

public sealed class ReviewerViewTests_on_Sqlite : ReviewerViewTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartSqliteAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class ReviewerViewTests_on_PostgreSql(PostgresCluster cluster) : ReviewerViewTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartPostgreSqlAsync(cluster);
}
