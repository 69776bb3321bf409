using Bunit;
using GrantPortal.Core.Applications;
using GrantPortal.Core.Calls;
using GrantPortal.Core.Money;
using GrantPortal.Web.Features.Calls;
using NodaTime;

namespace GrantPortal.Web.Tests;

public sealed class ApplyPanelTests : PortalComponentTest
{
    // 2026-03-10 09:00 UTC is 18:00 in Seoul.
    private static readonly Instant Opens = Instant.FromUtc(2026, 2, 1, 0, 0);
    private static readonly Instant Closes = Instant.FromUtc(2026, 3, 10, 9, 0);

    [Fact]
    public void A_verified_organization_gets_an_apply_button_that_starts_a_draft_for_this_call()
    {
        var panel = RenderPanel(new ApplyState(7, ApplyStep.Apply, Opens, Closes));

        var apply = panel.Find("[data-testid=apply]");
        Assert.Equal("/applications/new?call=7", apply.GetAttribute("href"));
        Assert.Equal("Apply: Youth capacity call", apply.GetAttribute("aria-label"));
        Assert.Empty(panel.FindAll("[data-testid=view-application]"));
    }

    [Fact]
    public void A_draft_is_continued_rather_than_started_again()
    {
        var panel = RenderPanel(new ApplyState(7, ApplyStep.Continue, Opens, Closes) { DraftId = 41 });

        Assert.Equal("/applications/41", panel.Find("[data-testid=continue-application]").GetAttribute("href"));
        Assert.Empty(panel.FindAll("[data-testid=apply]"));
    }

    [Fact]
    public void A_submitted_application_can_be_opened_and_another_project_started()
    {
        var panel = RenderPanel(new ApplyState(7, ApplyStep.Apply, Opens, Closes) { SubmittedId = 40 });

        Assert.Equal("/applications/40", panel.Find("[data-testid=view-application]").GetAttribute("href"));
        Assert.Equal("Apply with another project", panel.Find("[data-testid=apply]").TextContent.Trim());
    }

    [Theory]
    [InlineData(ApplyStep.OrganizationPending, "the ministry is still verifying it")]
    [InlineData(ApplyStep.OrganizationRejected, "could not verify it")]
    public void An_unverified_organization_is_told_why_and_where_to_go(ApplyStep step, string reason)
    {
        var panel = RenderPanel(new ApplyState(7, step, Opens, Closes));

        Assert.Contains(reason, panel.Find("[data-testid=apply-blocked]").TextContent, StringComparison.Ordinal);
        Assert.Equal("/organization", panel.Find("[data-testid=apply-blocked-organization]").GetAttribute("href"));
        Assert.Empty(panel.FindAll("[data-testid=apply]"));
    }

    [Fact]
    public void A_visitor_is_asked_to_sign_in_and_comes_back_to_the_call()
    {
        var panel = RenderPanel(new ApplyState(7, ApplyStep.SignIn, Opens, Closes));

        Assert.Equal("Account/Login?returnUrl=%2Fcalls%2F7", panel.Find("[data-testid=sign-in-to-apply]").GetAttribute("href"));
        Assert.Equal("Account/Register", panel.Find("[data-testid=register-to-apply]").GetAttribute("href"));
    }

    [Fact]
    public void Upcoming_and_closed_calls_say_so_in_seoul_time_instead_of_offering_apply()
    {
        var upcoming = RenderPanel(new ApplyState(7, ApplyStep.NotYetOpen, Opens, Closes));
        var closed = RenderPanel(new ApplyState(7, ApplyStep.Closed, Opens, Closes) { SubmittedId = 40 });

        Assert.Equal("Applications open on 2026-02-01 09:00 KST.", upcoming.Find("[data-testid=apply-not-yet-open]").TextContent);
        Assert.Equal("Applications closed on 2026-03-10 18:00 KST.", closed.Find("[data-testid=apply-closed]").TextContent);
        Assert.Equal("/applications/40", closed.Find("[data-testid=view-application]").GetAttribute("href"));
        Assert.Empty(upcoming.FindAll("[data-testid=apply]"));
        Assert.Empty(closed.FindAll("[data-testid=apply]"));
    }

    [Fact]
    public void Staff_see_nothing_about_applying()
    {
        var panel = RenderPanel(null);

        Assert.Empty(panel.FindAll("[data-testid=apply-panel]"));
    }

    [Fact]
    public void Korean_reader_is_offered_to_apply_in_korean()
    {
        UseLanguage("ko");

        var panel = RenderPanel(new ApplyState(7, ApplyStep.Apply, Opens, Closes));

        Assert.Equal("신청하기", panel.Find("[data-testid=apply]").TextContent.Trim());
    }

    [Fact]
    public void A_call_card_carries_the_apply_state_it_is_given()
    {
        var call = new PublishedCall(7, 2026, "YOUTH", "청년 역량강화 공모", "Youth capacity call", "", "", ProjectCategories.CapacityBuilding,
            new Krw(10_000_000), new Krw(100_000_000), new Krw(500_000_000), Opens, Closes, [], []);

        var card = Render<CallCard>(p => p
            .Add(c => c.Call, call)
            .Add(c => c.Now, Clock.GetCurrentInstant())
            .Add(c => c.Apply, new ApplyState(7, ApplyStep.Continue, Opens, Closes) { DraftId = 41 }));

        Assert.Equal("/applications/41", card.Find("[data-testid=continue-application]").GetAttribute("href"));
    }

    private IRenderedComponent<ApplyPanel> RenderPanel(ApplyState? state) =>
        Render<ApplyPanel>(p => p.Add(c => c.State, state).Add(c => c.CallTitle, "Youth capacity call"));
}
