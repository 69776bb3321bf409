using Bunit;
using GrantPortal.Core.Accounts;
using GrantPortal.Web.Components.Layout;

namespace GrantPortal.Web.Tests;

public sealed class ApplicationNavigationTests : PortalComponentTest
{
    [Theory]
    [InlineData(Roles.Applicant)]
    [InlineData(Roles.ProgramOfficer)]
    public void Applicants_and_officers_find_applications_in_the_menu(string role)
    {
        SignInAs("person", role);

        var menu = Render<NavMenu>();

        Assert.Contains("Applications", menu.Find("[data-testid=nav-Nav_Applications]").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Reviewer)]
    [InlineData(Roles.Finance)]
    public void Other_roles_do_not_see_applications(string role)
    {
        SignInAs("person", role);

        var menu = Render<NavMenu>();

        Assert.Empty(menu.FindAll("[data-testid=nav-Nav_Applications]"));
    }
}
