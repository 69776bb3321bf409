using Bunit;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Dashboards;
using GrantPortal.Web.Components.Layout;
using GrantPortal.Web.Features.Dashboards;
using NodaTime;

namespace GrantPortal.Web.Tests;

/// <summary>How reviewers and program officers reach the review screens: the dashboard and the menu.</summary>
public sealed class ReviewerNavigationTests : PortalComponentTest
{
    [Fact]
    public void Reviewer_dashboard_leads_to_the_worklist()
    {
        var section = Render<ReviewerSection>(p => p.Add(c => c.Data, new ReviewerDashboard(9, 5, 4, new LocalDate(2026, 3, 4), 0)));

        var link = section.Find("[data-testid=dashboard-open-reviews]");
        Assert.Equal("/reviews", link.GetAttribute("href"));
        Assert.Contains("Open my reviews", link.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Officers_find_the_reviewers_in_the_menu_and_reviewers_their_own_profile_at_the_same_address()
    {
        SignInAs("officer", Roles.ProgramOfficer);
        var officers = Render<NavMenu>();
        Assert.Equal("/reviewers", officers.Find("[data-testid=nav-Nav_Reviewers]").GetAttribute("href"));
        Assert.Contains("Reviewers", officers.Find("[data-testid=nav-Nav_Reviewers]").TextContent, StringComparison.Ordinal);
        Assert.Empty(officers.FindAll("[data-testid=nav-Nav_ReviewerProfile]"));

        SignInAs("reviewer", Roles.Reviewer);
        var reviewers = Render<NavMenu>();
        Assert.Equal("/reviewers", reviewers.Find("[data-testid=nav-Nav_ReviewerProfile]").GetAttribute("href"));
        Assert.Empty(reviewers.FindAll("[data-testid=nav-Nav_Reviewers]"));
    }

    [Theory]
    [InlineData(Roles.Applicant)]
    [InlineData(Roles.Finance)]
    [InlineData(Roles.Administrator)]
    public void Roles_that_cannot_open_reviewers_are_not_offered_them(string role)
    {
        SignInAs("someone", role);

        var menu = Render<NavMenu>();

        Assert.Empty(menu.FindAll("[data-testid=nav-Nav_Reviewers]"));
        Assert.Empty(menu.FindAll("[data-testid=nav-Nav_ReviewerProfile]"));
    }
}
