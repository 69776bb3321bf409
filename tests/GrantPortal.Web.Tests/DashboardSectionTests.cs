using Bunit;
using GrantPortal.Core.Applications;
using GrantPortal.Core.Awards;
using GrantPortal.Core.Calls;
using GrantPortal.Core.Dashboards;
using GrantPortal.Core.Money;
using GrantPortal.Core.Organizations;
using GrantPortal.Core.Reporting;
using GrantPortal.Web.Features.Dashboards;
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
    public void Applicant_finds_open_calls_to_apply_to_drafts_to_continue_and_awards_with_payments_and_reports()
    {
        var closes = Instant.FromUtc(2026, 3, 10, 9, 0);
        var data = new ApplicantDashboard(new OrganizationName("차세대 북한인권 아카데미", ""), VerificationState.Verified, null, 1, 1, 1, new Krw(120_000_000), closes, 1, new LocalDate(2026, 3, 11));
        var youth = new PublishedCall(3, 2026, "YOUTH", "청년 역량강화 공모", "Youth capacity call", "", "", ProjectCategories.CapacityBuilding,
            new Krw(10_000_000), new Krw(100_000_000), new Krw(500_000_000), Instant.FromUtc(2026, 2, 1, 0, 0), closes, [], []);
        var draft = new OrganizationApplicationRow(41, "Mentoring documenters", "Youth capacity call", "청년 역량강화 공모", ApplicationStatus.Draft, null, closes, closes, null, Krw.Zero);
        var award = new GranteeAward(9, 30, "Academy, third class", 2026, "NKHR", "북한인권 증진", "Human rights grants", AwardStatus.Active,
            new Krw(120_000_000), new Krw(72_000_000), new NextReport(77, ReportKind.Interim, new LocalDate(2026, 3, 11), ReportStatus.Due));
        var work = new ApplicantWork([youth], new Dictionary<int, ApplyState> { [3] = new(3, ApplyStep.Continue, youth.OpensAt, closes) { DraftId = 41 } }, [draft], [award]);

        var section = Render<ApplicantSection>(p => p.Add(c => c.Data, data).Add(c => c.Work, work));

        var call = section.Find("[data-testid=dashboard-call][data-call-code=YOUTH]");
        Assert.Equal("/applications/41", call.QuerySelector("[data-testid=continue-application]")!.GetAttribute("href"));
        Assert.Equal("/applications/41", section.Find("[data-testid=dashboard-drafts] [data-testid=continue-application]").GetAttribute("href"));
        var awards = section.Find("[data-testid=dashboard-awards]");
        Assert.Equal("/awards/9", awards.QuerySelector("[data-testid=award-link]")!.GetAttribute("href"));
        Assert.Equal("/awards/9#payments", awards.QuerySelector("[data-testid=award-payments]")!.GetAttribute("href"));
        Assert.Equal("/reports/77", awards.QuerySelector("[data-testid=award-report]")!.GetAttribute("href"));
        Assert.Contains("The interim report, due 2026-03-11", awards.TextContent, StringComparison.Ordinal);
        Assert.Contains("₩72,000,000", awards.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Applicant_without_awards_or_drafts_sees_only_the_open_calls()
    {
        var data = new ApplicantDashboard(new OrganizationName("새길 인권센터", ""), VerificationState.Verified, null, 0, 0, 0, Krw.Zero, null, 0, null);
        var work = new ApplicantWork([], new Dictionary<int, ApplyState>(), [], []);

        var section = Render<ApplicantSection>(p => p.Add(c => c.Data, data).Add(c => c.Work, work));

        Assert.Contains("No call is taking applications right now.", section.Find("[data-testid=dashboard-open-calls]").TextContent, StringComparison.Ordinal);
        Assert.Empty(section.FindAll("[data-testid=dashboard-drafts]"));
        Assert.Empty(section.FindAll("[data-testid=dashboard-awards]"));
    }

    [Fact]
    public void Korean_finance_dashboard_shows_amounts_in_korean_units()
    {
        UseLanguage("ko");
        var data = new FinanceDashboard(3, new Krw(150_000_000), 4, 1, new Krw(2_000_000_000), 2023);

        var section = Render<FinanceSection>(p => p.Add(c => c.Data, data));

        Assert.Contains("1억 5,000만 원", section.Find("[data-testid=stat-awaiting-approval]").TextContent, StringComparison.Ordinal);
        Assert.Contains("20억 원", section.Find("[data-testid=stat-paid-year]").TextContent, StringComparison.Ordinal);
    }
}
