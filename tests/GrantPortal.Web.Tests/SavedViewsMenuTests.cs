using Bunit;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Lists;
using GrantPortal.Web.Components.Layout;
using GrantPortal.Web.Features.Lists;
using Microsoft.Extensions.DependencyInjection;

namespace GrantPortal.Web.Tests;

public sealed class SavedViewsMenuTests : PortalComponentTest
{
    [Fact]
    public void Saved_views_appear_under_their_list_in_the_side_menu()
    {
        SignInAs("officer", Roles.ProgramOfficer);
        SavedViews.Add(new SavedViewRow(1, SavedViewLists.Intake, "Submitted this week", "status=Submitted&sort=Title"));
        SavedViews.Add(new SavedViewRow(2, SavedViewLists.Awards, "2024 call", "call=7"));

        var menu = Render<NavMenu>();

        var intake = menu.Find("[data-testid=nav-view-intake]");
        Assert.Equal("/applications?status=Submitted&sort=Title", intake.GetAttribute("href"));
        Assert.Contains("Submitted this week", intake.TextContent, StringComparison.Ordinal);
        Assert.Equal("/awards?call=7", menu.Find("[data-testid=nav-view-awards]").GetAttribute("href"));

        // Each view sits right after its own list's entry.
        var links = menu.FindAll("a").Select(a => a.GetAttribute("data-testid")).ToList();
        Assert.Equal(links.IndexOf("nav-Nav_Applications") + 1, links.IndexOf("nav-view-intake"));
        Assert.Equal(links.IndexOf("nav-Awards_Nav") + 1, links.IndexOf("nav-view-awards"));
    }

    [Fact]
    public void Menu_reads_the_views_again_when_a_page_saves_one()
    {
        SignInAs("finance", Roles.Finance);
        var menu = Render<NavMenu>();
        Assert.Empty(menu.FindAll("[data-testid=nav-view-finance]"));

        SavedViews.Add(new SavedViewRow(3, SavedViewLists.Finance, "Opera", "q=opera"));
        Services.GetRequiredService<SavedViewsMenu>().NotifyChanged();

        menu.WaitForAssertion(() => Assert.Equal("/finance?q=opera", menu.Find("[data-testid=nav-view-finance]").GetAttribute("href")));
    }
}
