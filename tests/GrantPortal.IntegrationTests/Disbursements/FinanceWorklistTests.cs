using System.Globalization;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Auditing;
using GrantPortal.Core.Awards;
using GrantPortal.Core.Dashboards;
using GrantPortal.Core.Disbursements;
using GrantPortal.Core.Money;
using GrantPortal.Core.Reporting;
using GrantPortal.IntegrationTests.Awards;
using GrantPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace GrantPortal.IntegrationTests.Disbursements;

/// <summary>What finance sees: one definition of the tranches due, a warning at recording, and the awards it may open.</summary>
public abstract class FinanceWorklistTests : ProviderTest
{
    protected FinanceWorklistTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

    private DashboardService Dashboards => Host.Services.GetRequiredService<DashboardService>();

    [Fact]
    public async Task Dashboard_count_and_payments_list_agree_on_every_day_of_the_month()
    {
        // The clock starts on 1 March 2026 in Seoul.
        var scenario = await AwardScenario.CreateAsync(Host);
        var (_, applications) = await scenario.CallAsync(300_000_000, 3, 20_000_000);
        var a = await scenario.DetailsAsync(await scenario.PayableAwardAsync(applications[0], 20_000_000));
        var b = await scenario.DetailsAsync(await scenario.PayableAwardAsync(applications[1], 20_000_000));
        var c = await scenario.DetailsAsync(await scenario.PayableAwardAsync(applications[2], 20_000_000));
        await PlanAsync(a.Tranches[0].Id, new LocalDate(2026, 3, 1)); // unpaid, due today
        await PlanAsync(a.Tranches[1].Id, new LocalDate(2026, 3, 20)); // recorded, not yet paid: still due
        await PlanAsync(b.Tranches[0].Id, new LocalDate(2026, 3, 15)); // paid in full: not due
        await PlanAsync(b.Tranches[1].Id, new LocalDate(2026, 2, 20)); // unpaid since February: overdue
        await PlanAsync(c.Tranches[0].Id, new LocalDate(2026, 3, 10)); // its award is cancelled: not due
        await PlanAsync(c.Tranches[1].Id, new LocalDate(2026, 4, 2)); // next month, and cancelled
        Assert.True((await scenario.RecordPayment.RecordAsync(AwardScenario.Finance1, a.Tranches[1].Id, new Krw(1_000_000), null)).Succeeded);
        await scenario.PayAsync(b.Tranches[0].Id, b.Tranches[0].Amount.Won);
        Assert.True((await scenario.CancelAward.CancelAsync(AwardScenario.Officer, c.Id, "Organization dissolved", c.Version)).Succeeded);

        var (due, overdue) = await BothAsync();
        Assert.Equal([a.Tranches[0].Id, a.Tranches[1].Id], due);
        Assert.Equal([b.Tranches[1].Id], overdue);

        // Day by day through March into April, the dashboard counts exactly what the list shows.
        for (var day = 0; day < 35; day++)
        {
            await BothAsync();
            Host.Clock.AdvanceDays(1);
        }

        Host.Clock.Reset(Instant.FromUtc(2026, 3, 16, 0, 0));
        (due, overdue) = await BothAsync();
        Assert.Equal([a.Tranches[1].Id], due);
        Assert.Equal([b.Tranches[1].Id, a.Tranches[0].Id], overdue);
    }

    [Fact]
    public async Task Recording_a_tranche_that_waits_for_an_unwritten_report_says_approval_will_wait_for_it()
    {
        var scenario = await AwardScenario.CreateAsync(Host);
        var (_, applications) = await scenario.CallAsync(300_000_000, 1, 50_000_000);
        var award = await scenario.DetailsAsync(await scenario.PayableAwardAsync(applications[0], 50_000_000));
        var interim = award.Reports.Single(r => r.Kind == ReportKind.Interim);

        var first = await scenario.RecordPayment.RecordAsync(AwardScenario.Finance1, award.Tranches[0].Id, award.Tranches[0].Amount, null);
        var later = await scenario.RecordPayment.RecordAsync(AwardScenario.Finance1, award.Tranches[1].Id, award.Tranches[1].Amount, null);

        Assert.True(first.Succeeded, first.Message);
        Assert.Null(first.Message);
        Assert.True(later.Succeeded, later.Message);
        Assert.Equal(
            $"The payment was recorded, but it cannot be approved yet: this tranche waits for the interim report due {interim.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} (now: not started). A checker can approve the payment once the program office approves that report.",
            later.Message);
        var worklist = await scenario.FinanceWorklist.WorklistAsync(AwardScenario.Finance2);
        Assert.False(Assert.Single(worklist!.AwaitingApproval, p => p.PaymentId == later.Value).GateOpen);
    }

    [Fact]
    public async Task Finance_and_officers_open_every_award_applicants_only_their_own_and_reviewers_none()
    {
        var scenario = await AwardScenario.CreateAsync(Host);
        var (_, applications) = await scenario.CallAsync(300_000_000, 2, 30_000_000);
        var awardId = await scenario.AwardAsync(applications[0], 30_000_000);
        await scenario.AwardAsync(applications[1], 30_000_000);
        var reviewer = new CurrentUser("reviewer-1", "Reviewer Lim", null, new HashSet<string> { Roles.Reviewer });
        var administrator = new CurrentUser("admin-1", "Admin Lee", null, new HashSet<string> { Roles.Administrator });
        var stranger = new CurrentUser("applicant-9", "Other", scenario.OrganizationId + 1, new HashSet<string> { Roles.Applicant });

        Assert.NotNull(await scenario.AwardDetails.GetAsync(AwardScenario.Finance1, awardId));
        Assert.NotNull(await scenario.AwardDetails.GetAsync(AwardScenario.Officer, awardId));
        Assert.NotNull(await scenario.AwardDetails.GetAsync(scenario.Applicant, awardId));
        Assert.Null(await scenario.AwardDetails.GetAsync(stranger, awardId));
        Assert.Null(await scenario.AwardDetails.GetAsync(reviewer, awardId));
        Assert.Null(await scenario.AwardDetails.GetAsync(administrator, awardId));

        // The budget lists the year's awards; rows are links for the readers the award page admits.
        var forFinance = await scenario.BudgetQueries.AwardsAsync(AwardScenario.Finance1, 2026, 0, 1);
        var forAdministrator = await scenario.BudgetQueries.AwardsAsync(administrator, 2026, 1, 1);
        Assert.Equal(2, forFinance!.Total);
        Assert.True(forFinance.CanOpen);
        Assert.Equal(awardId, Assert.Single(forFinance.Rows).AwardId);
        Assert.Equal("Open Doors Korea", forFinance.Rows[0].OrganizationName);
        Assert.False(forAdministrator!.CanOpen);
        Assert.NotEqual(awardId, Assert.Single(forAdministrator.Rows).AwardId);
        Assert.Null(await scenario.BudgetQueries.AwardsAsync(scenario.Applicant, 2026, 0, 10));
    }

    [Fact]
    public async Task Paid_notice_links_to_the_award()
    {
        var scenario = await AwardScenario.CreateAsync(Host);
        var (_, applications) = await scenario.CallAsync(300_000_000, 1, 50_000_000);
        var awardId = await scenario.PayableAwardAsync(applications[0], 50_000_000);

        await scenario.PayAsync((await scenario.DetailsAsync(awardId)).Tranches[0].Id, 30_000_000);

        var notice = Assert.Single(await Mail.ReadAllAsync(Host.MailPickupDirectory), m => m.Subject?.EndsWith("지원금 지급 안내", StringComparison.Ordinal) == true);
        Assert.Contains($"지급 내역 보기: http://localhost:5000/awards/{awardId}", notice.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_trail_tells_what_happened_in_words_and_links_records_the_reader_may_open()
    {
        var scenario = await AwardScenario.CreateAsync(Host);
        var (_, applications) = await scenario.CallAsync(300_000_000, 1, 50_000_000);
        var award = await scenario.DetailsAsync(await scenario.PayableAwardAsync(applications[0], 50_000_000));
        var paymentId = await scenario.PayAsync(award.Tranches[0].Id, 30_000_000);
        var reportId = award.Reports.Single(r => r.Kind == ReportKind.Interim).Id;
        var view = (await Host.Services.GetRequiredService<ReportQueries>().GetAsync(scenario.Applicant, reportId, CancellationToken.None))!;
        var form = view.Form with
        {
            ActivitiesCarriedOut = "Four weekend workshops.",
            Outcomes = "Twenty activists trained.",
            Lessons = "Recruit earlier.",
            SpendingLines = view.Form.SpendingLines.Select(l => l with { Spent = l.ExpectedSpent }).ToList(),
        };
        var submitted = await Host.Services.GetRequiredService<SubmitReport>().SubmitAsync(scenario.Applicant, reportId, view.Version, form, CancellationToken.None);
        Assert.True(submitted.Succeeded, string.Join(" ", submitted.Errors.Select(e => e.Message)));
        Assert.True((await Host.Services.GetRequiredService<ReviewReport>().ReturnAsync(AwardScenario.Officer, reportId, submitted.Value!.Version, "Add the venue invoices.", CancellationToken.None)).Succeeded);
        var browser = Host.Services.GetRequiredService<AuditBrowser>();
        var administrator = new CurrentUser("admin-1", "Admin Lee", null, new HashSet<string> { Roles.Administrator });

        var officerSees = (await browser.SearchAsync(AwardScenario.Officer, new AuditQuery()))!.Rows;
        var financeSees = (await browser.SearchAsync(AwardScenario.Finance1, new AuditQuery()))!.Rows;
        var administratorSees = (await browser.SearchAsync(administrator, new AuditQuery()))!.Rows;

        var returned = Assert.Single(officerSees, r => r.Action == AuditActions.ReportReturned);
        Assert.Equal("Report returned to the organization", returned.What);
        Assert.Equal("Interim report of “Young defenders academy C1-0”", returned.Subject);
        Assert.Equal($"/reports/{reportId}", returned.Link);
        Assert.Null(Assert.Single(financeSees, r => r.Action == AuditActions.ReportReturned).Link);
        var approved = Assert.Single(financeSees, r => r.Action == AuditActions.PaymentApproved);
        Assert.Equal("Payment approved", approved.What);
        Assert.Equal("Payment of ₩30,000,000 for “Young defenders academy C1-0”, tranche 1", approved.Subject);
        Assert.Equal($"/awards/{award.Id}", approved.Link);
        Assert.Equal(paymentId.ToString(CultureInfo.InvariantCulture), approved.EntityId);
        Assert.Null(Assert.Single(administratorSees, r => r.Action == AuditActions.PaymentApproved).Link);
        Assert.All(officerSees, r => Assert.NotEqual(r.Action, r.What));

        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ko");
        var korean = (await browser.SearchAsync(AwardScenario.Officer, new AuditQuery { Action = "report." }))!.Rows;
        Assert.Equal(["보고서 보완 요청", "보고서 제출"], korean.Select(r => r.What));
        Assert.Equal("“Young defenders academy C1-0” 중간보고서", korean[0].Subject);
        Assert.Contains(new AuditChoice("payment.", "지급"), browser.ActionGroups());
    }

    /// <summary>Both figures, asserted equal, and the lists' tranche ids.</summary>
    private async Task<(List<int> Due, List<int> Overdue)> BothAsync()
    {
        var dashboard = await Dashboards.ForFinanceAsync(AwardScenario.Finance1, CancellationToken.None);
        var worklist = await Host.Services.GetRequiredService<FinanceWorklistQuery>().WorklistAsync(AwardScenario.Finance1);
        Assert.Equal(worklist!.DueThisMonth.Count, dashboard!.TranchesDueThisMonth);
        Assert.Equal(worklist.Overdue.Count, dashboard.TranchesOverdue);
        return (worklist.DueThisMonth.Select(t => t.TrancheId).ToList(), worklist.Overdue.Select(t => t.TrancheId).ToList());
    }

    private async Task PlanAsync(int trancheId, LocalDate day)
    {
        await using var db = await Host.CreateDbContextAsync();
        var tranche = await db.Tranches.SingleAsync(t => t.Id == trancheId);
        tranche.PlannedOn = day;
        await db.SaveChangesAsync();
    }
}

public sealed class FinanceWorklistTests_on_Sqlite : FinanceWorklistTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartSqliteAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class FinanceWorklistTests_on_PostgreSql(PostgresCluster cluster) : FinanceWorklistTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartPostgreSqlAsync(cluster);
}
