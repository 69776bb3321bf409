using Bunit;
using GrantPortal.Core.Accounts;
using GrantPortal.Web.Components.Layout;

namespace GrantPortal.Web.Tests;

public sealed class NavMenuTests : PortalComponentTest
{
    [Fact]
    public void Applicant_sees_the_dashboard_and_profile_but_not_administration()
    {
        SignInAs("김하늘", Roles.Applicant);

        var menu = Render<NavMenu>();

        Assert.NotEmpty(menu.FindAll("[data-testid=nav-Nav_Dashboard]"));
        Assert.NotEmpty(menu.FindAll("[data-testid=nav-Nav_Profile]"));
        Assert.Empty(menu.FindAll("[data-testid=nav-Nav_Admin]"));
        Assert.Empty(menu.FindAll("[data-testid=nav-Nav_Jobs]"));
    }

    [Theory]
    [InlineData(Roles.Applicant, true)]
    [InlineData(Roles.ProgramOfficer, true)]
    [InlineData(Roles.Reviewer, false)]
    public void Applicants_find_their_awards_in_the_menu_as_officers_do(string role, bool shown)
    {
        SignInAs("someone", role);

        var menu = Render<NavMenu>();

        Assert.Equal(shown, menu.FindAll("[data-testid=nav-Awards_Nav]").Count > 0);
    }

    [Theory]
    [InlineData(Roles.Applicant, true)]
    [InlineData(Roles.Reviewer, false)]
    [InlineData(Roles.ProgramOfficer, false)]
    [InlineData(Roles.Administrator, false)]
    public void Only_applicants_find_their_organization_in_the_menu(string role, bool shown)
    {
        UseLanguage("ko");
        SignInAs("someone", role);

        var menu = Render<NavMenu>();

        Assert.Equal(shown, menu.FindAll("[data-testid=nav-Nav_MyOrganization]").Count > 0);
        if (shown)
        {
            Assert.Contains("단체 정보", menu.Find("[data-testid=nav-Nav_MyOrganization]").TextContent, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(Roles.Reviewer)]
    [InlineData(Roles.ProgramOfficer)]
    [InlineData(Roles.Finance)]
    public void Ministry_staff_other_than_administrators_do_not_see_administration(string role)
    {
        SignInAs("staff", role);

        var menu = Render<NavMenu>();

        Assert.Empty(menu.FindAll("[data-testid=nav-Nav_Admin]"));
    }

    [Fact]
    public void Administrator_sees_administration_and_the_job_dashboard()
    {
        SignInAs("admin", Roles.Administrator);

        var menu = Render<NavMenu>();

        Assert.Contains("Administration", menu.Find("[data-testid=nav-Nav_Admin]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Background jobs", menu.Find("[data-testid=nav-Nav_Jobs]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Visitor_is_offered_sign_in_and_registration()
    {
        var menu = Render<NavMenu>();

        Assert.Contains("Sign in", menu.Markup, StringComparison.Ordinal);
        Assert.Contains("Register an organization", menu.Markup, StringComparison.Ordinal);
        Assert.Empty(menu.FindAll("[data-testid=nav-Nav_Dashboard]"));
    }

    [Fact]
    public void Menu_reads_in_korean_for_a_korean_reader()
    {
        UseLanguage("ko");
        SignInAs("관리자", Roles.Administrator);

        var menu = Render<NavMenu>();

        Assert.Contains("대시보드", menu.Find("[data-testid=nav-Nav_Dashboard]").TextContent, StringComparison.Ordinal);
        Assert.Contains("관리", menu.Find("[data-testid=nav-Nav_Admin]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Officer_sees_calls_management_and_organization_verification()
    {
        SignInAs("officer", Roles.ProgramOfficer);

        var menu = Render<NavMenu>();

        Assert.Contains("Calls for proposals", menu.Find("[data-testid=nav-Nav_Calls]").TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(menu.FindAll("[data-testid=nav-Nav_ManageCalls]"));
        Assert.NotEmpty(menu.FindAll("[data-testid=nav-Nav_Organizations]"));
    }

    [Fact]
    public void Applicant_sees_public_calls_but_not_their_management()
    {
        SignInAs("김하늘", Roles.Applicant);

        var menu = Render<NavMenu>();

        Assert.NotEmpty(menu.FindAll("[data-testid=nav-Nav_Calls]"));
        Assert.Empty(menu.FindAll("[data-testid=nav-Nav_ManageCalls]"));
        Assert.Empty(menu.FindAll("[data-testid=nav-Nav_Organizations]"));
    }

    [Fact]
    public void Visitor_can_find_the_public_calls()
    {
        var menu = Render<NavMenu>();

        Assert.Contains("Calls for proposals", menu.Find("[data-testid=nav-public-calls]").TextContent, StringComparison.Ordinal);
    }
}
