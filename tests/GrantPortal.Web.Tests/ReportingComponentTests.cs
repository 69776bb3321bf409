using Bunit;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Applications;
using GrantPortal.Core.Calls;
using GrantPortal.Core.Reporting;
using GrantPortal.Web.Components.Layout;
using GrantPortal.Web.Features.Reporting;

namespace GrantPortal.Web.Tests;

public sealed class ReportingComponentTests : PortalComponentTest
{
    [Theory]
    [InlineData(Roles.Applicant, true, false)]
    [InlineData(Roles.ProgramOfficer, true, true)]
    [InlineData(Roles.Finance, false, true)]
    [InlineData(Roles.Administrator, false, true)]
    [InlineData(Roles.Reviewer, false, false)]
    public void Reports_and_recommendations_appear_in_the_menu_for_the_roles_that_use_them(string role, bool reports, bool recommendations)
    {
        SignInAs("someone", role);

        var menu = Render<NavMenu>();

        Assert.Equal(reports, menu.FindAll("[data-testid=nav-Nav_Reports]").Count > 0);
        Assert.Equal(recommendations, menu.FindAll("[data-testid=nav-Nav_Recommendations]").Count > 0);
    }

    [Fact]
    public void Returned_report_reads_as_a_request_for_changes_in_korean()
    {
        UseLanguage("ko");

        var chip = Render<ReportStatusChip>(p => p.Add(c => c.Status, ReportStatus.Returned));

        Assert.Equal("보완 요청", chip.Find("[data-testid=report-status]").TextContent.Trim());
    }

    [Fact]
    public void Submitted_report_shows_its_narrative_and_indicators()
    {
        var form = new ReportDraft
        {
            Outcomes = "Forty activists trained.",
            Indicators =
            [
                new IndicatorActualDraft { Indicator = new IndicatorView(1, "participants", IndicatorKind.Output, "참여자 수", "Participants", "명", "people"), Target = 1500, Actual = 1200, Explanation = "Two sessions were cancelled." },
                new IndicatorActualDraft { Indicator = new IndicatorView(2, "media_reach", IndicatorKind.Outcome, "미디어 도달 규모", "Media reach", "명", "people"), Actual = 35000 },
            ],
        };

        var summary = Render<ReportSummary>(p => p.Add(c => c.Form, form));

        Assert.Equal("Forty activists trained.", summary.Find("[data-testid=summary-outcomes]").TextContent);
        Assert.Contains("1,200", summary.Markup, StringComparison.Ordinal);
        Assert.Contains("35,000", summary.Markup, StringComparison.Ordinal);
        Assert.Contains("1,500 people", summary.Find("[data-testid=indicator-target-participants]").TextContent, StringComparison.Ordinal);
        Assert.Equal("No target", summary.Find("[data-testid=indicator-target-media_reach]").TextContent.Trim());
        Assert.Contains("Two sessions were cancelled.", summary.Markup, StringComparison.Ordinal);
    }
}
