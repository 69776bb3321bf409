using Bunit;
using GrantPortal.Core.Dashboards;
using GrantPortal.Core.Money;
using GrantPortal.Core.Organizations;
using GrantPortal.Web.Features.Dashboard;
using NodaTime;

namespace GrantPortal.Web.Tests;

public sealed class DashboardSectionTests : PortalComponentTest
{
    [Fact]
    public void Officer_sees_the_year_envelope_and_what_is_committed()
    {
        var data = new OfficerDashboard(2024, new Krw(1_800_000_000), new Krw(1_800_000_000), new Krw(1_750_000_000), new Krw(900_000_000), 1, 12, 7, 2, 3);

        var section = Render<OfficerSection>(p => p.Add(c => c.Data, data));

        Assert.Contains("Budget year 2024", section.Markup, StringComparison.Ordinal);
        Assert.Contains("₩1,800,000,000", section.Find("[data-testid=stat-envelope]").TextContent, StringComparison.Ordinal);
        Assert.Contains("₩1,750,000,000", section.Find("[data-testid=stat-committed]").TextContent, StringComparison.Ordinal);
        Assert.Contains("2", section.Find("[data-testid=stat-pending-orgs]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Applicant_of_a_pending_organization_is_told_it_cannot_submit_yet()
    {
        var data = new ApplicantDashboard(new OrganizationName("새길 인권센터", "New Road Rights Center"), VerificationState.Pending, null, 2, 0, 0, Krw.Zero, Instant.FromUtc(2026, 3, 10, 9, 0), 0, null);

        var section = Render<ApplicantSection>(p => p.Add(c => c.Data, data));

        Assert.Contains("awaiting verification", section.Markup, StringComparison.Ordinal);
        Assert.Contains("2026-03-10 18:00 KST", section.Find("[data-testid=stat-next-deadline]").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ko", "New Road Rights Center", "새길 인권센터")]
    [InlineData("en", "New Road Rights Center", "New Road Rights Center")]
    [InlineData("en", "", "새길 인권센터")]
    public void Applicant_dashboard_names_the_organization_in_the_readers_language(string language, string englishName, string heading)
    {
        UseLanguage(language);
        var data = new ApplicantDashboard(new OrganizationName("새길 인권센터", englishName), VerificationState.Verified, null, 0, 0, 0, Krw.Zero, null, 0, null);

        var section = Render<ApplicantSection>(p => p.Add(c => c.Data, data));

        Assert.Equal(heading, section.Find("#applicant-heading").TextContent.Trim());
    }

    [Fact]
    public void Korean_finance_dashboard_shows_amounts_in_korean_units()
    {
        UseLanguage("ko");
        var data = new FinanceDashboard(3, new Krw(150_000_000), 4, new Krw(2_000_000_000), 2023);

        var section = Render<FinanceSection>(p => p.Add(c => c.Data, data));

        Assert.Contains("1억 5,000만 원", section.Find("[data-testid=stat-awaiting-approval]").TextContent, StringComparison.Ordinal);
        Assert.Contains("20억 원", section.Find("[data-testid=stat-paid-year]").TextContent, StringComparison.Ordinal);
    }
}
