using Bunit;
using GrantPortal.Web.Components.Shared;

namespace GrantPortal.Web.Tests;

public sealed class ResultAlertTests : PortalComponentTest
{
    [Fact]
    public void Not_found_says_what_the_page_knows_and_otherwise_the_general_words()
    {
        var specific = Render<ResultAlert>(p => p
            .Add(c => c.Result, Result.NotFound())
            .Add(c => c.NotFoundText, "This person is not a member of your organization (any more).")
            .Add(c => c.TestId, "members-message"));
        var general = Render<ResultAlert>(p => p.Add(c => c.Result, Result.NotFound()));

        Assert.Equal("This person is not a member of your organization (any more).", specific.Find("[data-testid=members-message]").TextContent.Trim());
        Assert.Equal("This record does not exist, or it is not yours to see.", general.Find("[role=alert]").TextContent.Trim());
    }

    [Fact]
    public void A_done_result_with_a_notice_shows_the_notice_instead_of_the_done_text()
    {
        var alert = Render<ResultAlert>(p => p
            .Add(c => c.Result, Result.DoneWithNotice("The account is saved, but the invitation could not be sent."))
            .Add(c => c.DoneText, "Invitation sent."));

        Assert.Equal("The account is saved, but the invitation could not be sent.", alert.Find("[role=status]").TextContent.Trim());
    }
}
