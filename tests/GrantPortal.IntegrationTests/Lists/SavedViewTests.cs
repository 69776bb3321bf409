using System.Globalization;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Kernel;
using GrantPortal.Core.Lists;
using GrantPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrantPortal.IntegrationTests.Lists;

/// <summary>A person's named filters on the worklists: personal, bounded, and only on lists their roles open.</summary>
public abstract class SavedViewTests : ProviderTest
{
    private static readonly CurrentUser Officer = new("officer-1", "Officer Park", null, new HashSet<string> { Roles.ProgramOfficer });

    private static readonly CurrentUser OtherOfficer = new("officer-2", "Officer Kim", null, new HashSet<string> { Roles.ProgramOfficer });

    private static readonly CurrentUser FinanceUser = new("finance-1", "Finance Choi", null, new HashSet<string> { Roles.Finance });

    private static readonly CurrentUser Applicant = new("applicant-1", "Applicant", 1, new HashSet<string> { Roles.Applicant });

    protected SavedViewTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

    private SaveView Saving => Host.Services.GetRequiredService<SaveView>();

    private DeleteView Deleting => Host.Services.GetRequiredService<DeleteView>();

    private SavedViewQueries Views => Host.Services.GetRequiredService<SavedViewQueries>();

    [Fact]
    public async Task Saving_a_view_under_an_existing_name_replaces_it()
    {
        var first = await Saving.SaveAsync(Officer, SavedViewLists.Intake, "Submitted", "?status=Submitted", replace: false);
        var unconfirmed = await Saving.SaveAsync(Officer, SavedViewLists.Intake, " Submitted ", "status=UnderReview", replace: false);

        Assert.True(first.Succeeded, first.Message);
        Assert.Equal(Outcome.Conflict, unconfirmed.Outcome);
        Assert.Equal("You already have a view named “Submitted”. Replace it with the current filters?", unconfirmed.Message);
        Assert.Equal("status=Submitted", Assert.Single(await Views.ListAsync(Officer)).Query);

        var replaced = await Saving.SaveAsync(Officer, SavedViewLists.Intake, "Submitted", "status=UnderReview&sort=Title", replace: true);

        Assert.True(replaced.Succeeded, replaced.Message);
        var view = Assert.Single(await Views.ListAsync(Officer));
        Assert.Equal((first.Value!.Id, "Submitted", "status=UnderReview&sort=Title", "/applications?status=UnderReview&sort=Title"), (view.Id, view.Name, view.Query, view.Href));
    }

    [Fact]
    public async Task The_same_name_may_be_used_on_another_list_and_by_another_person()
    {
        Assert.True((await Saving.SaveAsync(Officer, SavedViewLists.Intake, "Mine", "call=1", false)).Succeeded);
        Assert.True((await Saving.SaveAsync(Officer, SavedViewLists.Awards, "Mine", "call=1", false)).Succeeded);
        Assert.True((await Saving.SaveAsync(OtherOfficer, SavedViewLists.Intake, "Mine", "call=2", false)).Succeeded);

        Assert.Equal(["/applications?call=1", "/awards?call=1"], (await Views.ListAsync(Officer)).Select(v => v.Href).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_person_never_sees_another_persons_views()
    {
        Assert.True((await Saving.SaveAsync(Officer, SavedViewLists.Intake, "Park's view", "status=Submitted", false)).Succeeded);
        Assert.True((await Saving.SaveAsync(FinanceUser, SavedViewLists.Finance, "Choi's view", "q=opera", false)).Succeeded);

        Assert.Equal(["Park's view"], (await Views.ListAsync(Officer)).Select(v => v.Name));
        Assert.Equal(["Choi's view"], (await Views.ListAsync(FinanceUser)).Select(v => v.Name));
        Assert.Empty(await Views.ListAsync(OtherOfficer));
        Assert.Empty(await Views.ListAsync(Applicant));
    }

    [Fact]
    public async Task An_empty_or_overlong_view_name_is_refused()
    {
        var empty = await Saving.SaveAsync(Officer, SavedViewLists.Intake, "   ", "status=Submitted", false);
        var overlong = await Saving.SaveAsync(Officer, SavedViewLists.Intake, new string('가', SavedView.NameMaximum + 1), "status=Submitted", false);
        var longest = await Saving.SaveAsync(Officer, SavedViewLists.Intake, new string('가', SavedView.NameMaximum), "status=Submitted", false);

        Assert.Equal((Outcome.Invalid, "Give the view a name."), (empty.Outcome, empty.Message));
        Assert.Equal((Outcome.Invalid, "A view name takes at most 80 characters."), (overlong.Outcome, overlong.Message));
        Assert.True(longest.Succeeded, longest.Message);
        Assert.Single(await Views.ListAsync(Officer));
    }

    [Fact]
    public async Task A_query_too_long_to_keep_is_refused()
    {
        var refused = await Saving.SaveAsync(Officer, SavedViewLists.Intake, "Long", "q=" + new string('x', SavedView.QueryMaximum), false);

        Assert.Equal((Outcome.Refused, "These filters are too long to save as a view."), (refused.Outcome, refused.Message));
        Assert.Empty(await Views.ListAsync(Officer));
    }

    [Fact]
    public async Task A_person_keeps_at_most_twenty_views_per_list()
    {
        for (var i = 1; i <= SavedView.PerListMaximum; i++)
        {
            Assert.True((await Saving.SaveAsync(Officer, SavedViewLists.Intake, $"View {i}", $"call={i}", false)).Succeeded);
        }

        var tooMany = await Saving.SaveAsync(Officer, SavedViewLists.Intake, "One more", "call=99", false);
        var replacing = await Saving.SaveAsync(Officer, SavedViewLists.Intake, "View 1", "call=100", true);
        var otherList = await Saving.SaveAsync(Officer, SavedViewLists.Awards, "Awards", "call=1", false);

        Assert.Equal((Outcome.Refused, "You can keep at most 20 views on this list. Delete one first."), (tooMany.Outcome, tooMany.Message));
        Assert.True(replacing.Succeeded, replacing.Message);
        Assert.True(otherList.Succeeded, otherList.Message);
        Assert.Equal(SavedView.PerListMaximum + 1, (await Views.ListAsync(Officer)).Count);
    }

    [Fact]
    public async Task Deleting_someone_elses_view_is_refused()
    {
        var mine = await Saving.SaveAsync(Officer, SavedViewLists.Intake, "Park's view", "status=Submitted", false);

        var byColleague = await Deleting.DeleteAsync(OtherOfficer, mine.Value!.Id);
        var unknown = await Deleting.DeleteAsync(Officer, mine.Value.Id + 1000);

        Assert.Equal(Outcome.NotFound, byColleague.Outcome);
        Assert.Equal(Outcome.NotFound, unknown.Outcome);
        Assert.Single(await Views.ListAsync(Officer));

        var byOwner = await Deleting.DeleteAsync(Officer, mine.Value.Id);
        var twice = await Deleting.DeleteAsync(Officer, mine.Value.Id);

        Assert.True(byOwner.Succeeded);
        Assert.Equal(Outcome.NotFound, twice.Outcome);
        Assert.Empty(await Views.ListAsync(Officer));
    }

    [Fact]
    public async Task A_finance_view_cannot_be_saved_by_an_applicant()
    {
        var applicantFinance = await Saving.SaveAsync(Applicant, SavedViewLists.Finance, "Payments", "q=opera", false);
        var applicantIntake = await Saving.SaveAsync(Applicant, SavedViewLists.Intake, "Intake", "status=Submitted", false);
        var officerFinance = await Saving.SaveAsync(Officer, SavedViewLists.Finance, "Payments", "q=opera", false);
        var financeIntake = await Saving.SaveAsync(FinanceUser, SavedViewLists.Intake, "Intake", "status=Submitted", false);
        var unknownList = await Saving.SaveAsync(Officer, "reviews", "Reviews", "", false);

        Assert.All([applicantFinance, applicantIntake, officerFinance, financeIntake, unknownList], r => Assert.Equal(Outcome.NotFound, r.Outcome));
        await using var db = await Host.CreateDbContextAsync();
        Assert.False(await db.SavedViews.AnyAsync());
    }

    [Fact]
    public async Task Views_of_a_list_the_person_no_longer_opens_leave_the_menu()
    {
        Assert.True((await Saving.SaveAsync(Officer, SavedViewLists.Intake, "Intake", "status=Submitted", false)).Succeeded);
        var moved = new CurrentUser(Officer.UserId, Officer.Name, null, new HashSet<string> { Roles.Finance });

        Assert.Empty(await Views.ListAsync(moved));
    }

    [Fact]
    public async Task The_personal_data_export_includes_saved_views()
    {
        await using var db = await Host.CreateDbContextAsync();
        var columns = Core.Privacy.PersonalDataExport.PersonColumns(db.Model);

        Assert.Contains(columns, c => c.Name == "SavedView.UserId");
    }
}

public sealed class SavedViewTests_on_Sqlite : SavedViewTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartSqliteAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class SavedViewTests_on_PostgreSql(PostgresCluster cluster) : SavedViewTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartPostgreSqlAsync(cluster);
}
