using System.Globalization;
using GrantPortal.Core.Applications;
using GrantPortal.Core.Awards;
using GrantPortal.Core.Money;
using GrantPortal.Core.Notifications;
using GrantPortal.Core.Reporting;
using GrantPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrantPortal.IntegrationTests.Awards;

/// <summary>Change requests (변경승인) on an award of ₩100,000,000: Workshops ₩70,000,000 and Hall rental ₩30,000,000.</summary>
public abstract class ChangeRequestTests : ProviderTest
{
    protected ChangeRequestTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

    [Fact]
    public async Task A_move_at_the_threshold_takes_effect_at_once_and_one_won_more_waits_for_the_officer()
    {
        var (scenario, awardId, workshops, hall) = await AwardWithTwoLinesAsync();

        // 10% of the smaller line (₩30,000,000) is ₩3,000,000.
        var notice = await Request.RequestAsync(scenario.Applicant, awardId, Move(workshops, hall, 3_000_000));
        var waiting = await Request.RequestAsync(scenario.Applicant, awardId, Move(workshops, hall, 3_300_001));

        Assert.True(notice.Succeeded, notice.Message);
        Assert.Equal(ChangeStatus.Noted, notice.Value!.Status);
        Assert.Equal(2, notice.Value.ResultingVersion);
        Assert.True(waiting.Succeeded, waiting.Message);
        Assert.Equal(ChangeStatus.Pending, waiting.Value!.Status);
        var changes = (await Queries.ForAwardAsync(scenario.Applicant, awardId))!;
        Assert.Equal(2, changes.InForce.Number);
        Assert.Equal(new Krw(33_000_000), changes.InForce.Line(hall)!.Amount);
        Assert.Equal(new Krw(100_000_000), changes.InForce.Total);
    }

    [Fact]
    public async Task Approving_changes_while_finance_records_payments_keeps_every_invariant()
    {
        var (scenario, awardId, workshops, hall) = await AwardWithTwoLinesAsync();
        var requests = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            var asked = await Request.RequestAsync(scenario.Applicant, awardId, Move(workshops, hall, 5_000_000));
            Assert.Equal(ChangeStatus.Pending, asked.Value!.Status);
            requests.Add(asked.Value.Id);
        }

        var firstTranche = (await scenario.DetailsAsync(awardId)).Tranches[0];
        var approvals = requests.Select(id => Task.Run(() => Decide.ApproveAsync(AwardScenario.Officer, id, null))).ToList();
        var payments = Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => scenario.RecordPayment.RecordAsync(i % 2 == 0 ? AwardScenario.Finance1 : AwardScenario.Finance2, firstTranche.Id, new Krw(10_000_000), null))).ToList();
        await Task.WhenAll(approvals.Cast<Task>().Concat(payments));

        Assert.All(approvals, a => Assert.True(a.Result.Succeeded, a.Result.Message));
        Assert.Equal(6, payments.Count(p => p.Result.Succeeded));
        var details = await scenario.DetailsAsync(awardId);
        Assert.Equal(new Krw(100_000_000), details.Amount);
        Assert.Equal(new Krw(60_000_000), details.Recorded);
        var changes = (await Queries.ForAwardAsync(AwardScenario.Officer, awardId))!;
        Assert.Equal([1, 2, 3, 4], changes.History.Select(v => v.Number));
        Assert.All(changes.History, v => Assert.Equal(new Krw(100_000_000), v.Total));
        Assert.Equal(new Krw(45_000_000), changes.InForce.Line(hall)!.Amount);
        Assert.Equal(new Krw(55_000_000), changes.InForce.Line(workshops)!.Amount);
    }

    [Fact]
    public async Task Concurrent_approvals_of_one_request_decide_it_once()
    {
        var (scenario, awardId, workshops, hall) = await AwardWithTwoLinesAsync();
        var asked = await Request.RequestAsync(scenario.Applicant, awardId, Move(workshops, hall, 5_000_000));

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            Task.Run(() => Decide.ApproveAsync(i % 2 == 0 ? AwardScenario.Officer : AwardScenario.SecondOfficer, asked.Value!.Id, "일정에 맞춰 승인"))));

        Assert.Equal(1, results.Count(r => r.Succeeded));
        Assert.All(results.Where(r => !r.Succeeded), r =>
        {
            Assert.Equal(Outcome.Refused, r.Outcome);
            Assert.Equal("This request was already decided (Approved).", r.Message);
        });
        await using var db = await Host.CreateDbContextAsync();
        Assert.Equal(2, await db.BudgetVersions.CountAsync(v => v.AwardId == awardId));
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == "change.approved"));
        Assert.Equal(new Krw(35_000_000), (await Queries.ForAwardAsync(AwardScenario.Officer, awardId))!.InForce.Line(hall)!.Amount);
    }

    [Fact]
    public async Task Refusal_needs_a_reason_keeps_the_budget_in_force_and_tells_the_grantee()
    {
        var (scenario, awardId, workshops, hall) = await AwardWithTwoLinesAsync();
        var asked = await Request.RequestAsync(scenario.Applicant, awardId, Move(workshops, hall, 20_000_000));

        var unexplained = await Decide.RefuseAsync(AwardScenario.Officer, asked.Value!.Id, "  ");
        var refused = await Decide.RefuseAsync(AwardScenario.Officer, asked.Value.Id, "대관비 증액 근거가 부족합니다.");
        var approvedAfter = await Decide.ApproveAsync(AwardScenario.SecondOfficer, asked.Value.Id, null);

        Assert.Equal(Outcome.Invalid, unexplained.Outcome);
        Assert.True(refused.Succeeded, refused.Message);
        Assert.Equal(Outcome.Refused, approvedAfter.Outcome);
        var changes = (await Queries.ForAwardAsync(scenario.Applicant, awardId))!;
        Assert.Equal(1, changes.InForce.Number);
        Assert.Equal(new Krw(30_000_000), changes.InForce.Line(hall)!.Amount);
        var request = Assert.Single(changes.Requests);
        Assert.Equal(ChangeStatus.Refused, request.Status);
        Assert.Equal("대관비 증액 근거가 부족합니다.", request.DecisionReason);
        await using var db = await Host.CreateDbContextAsync();
        Assert.Equal(0, await db.BudgetVersions.CountAsync(v => v.AwardId == awardId));
        var mail = Assert.Single(await db.OutboxMessages.Where(m => m.Purpose == MailPurposes.ChangeDecided).ToListAsync());
        Assert.Contains("변경 불승인", mail.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_period_change_always_waits_and_once_approved_moves_the_reports_period_and_the_final_report()
    {
        var (scenario, awardId, _, _) = await AwardWithTwoLinesAsync();
        var finalDue = (await scenario.DetailsAsync(awardId)).Reports.Single(r => r.Kind == ReportKind.Final).DueOn;

        var asked = await Request.RequestAsync(scenario.Applicant, awardId, new ChangeRequestForm
        {
            Kind = ChangeKind.Period,
            StartDate = new NodaTime.LocalDate(2026, 4, 1),
            EndDate = new NodaTime.LocalDate(2026, 12, 31),
            Reason = "현장 행사 일정이 한 달 늦춰졌습니다.",
        });
        Assert.Equal(ChangeStatus.Pending, asked.Value!.Status);
        var approved = await Decide.ApproveAsync(AwardScenario.Officer, asked.Value.Id, null);

        Assert.Equal(2, approved.Value);
        var changes = (await Queries.ForAwardAsync(scenario.Applicant, awardId))!;
        Assert.Equal(new NodaTime.LocalDate(2026, 12, 31), changes.InForce.EndDate);
        Assert.Equal(new Krw(100_000_000), changes.InForce.Total);
        // The project ends a month later (30 November → 31 December): the final report is due a month later too.
        var movedDue = (await scenario.DetailsAsync(awardId)).Reports.Single(r => r.Kind == ReportKind.Final).DueOn;
        Assert.Equal(finalDue.PlusDays(31), movedDue);
    }

    [Fact]
    public async Task The_audit_trail_names_a_change_request_and_links_its_award()
    {
        var (scenario, awardId, workshops, hall) = await AwardWithTwoLinesAsync();
        var asked = await Request.RequestAsync(scenario.Applicant, awardId, Move(workshops, hall, 12_000_000));
        await Decide.ApproveAsync(AwardScenario.Officer, asked.Value!.Id, null);

        var page = await Host.Services.GetRequiredService<GrantPortal.Core.Auditing.AuditBrowser>().SearchAsync(AwardScenario.Officer,
            new GrantPortal.Core.Auditing.AuditQuery { EntityType = nameof(ChangeRequest), EntityId = asked.Value.Id.ToString(CultureInfo.InvariantCulture) });

        Assert.Equal(["change.approved", "change.requested"], page!.Rows.Select(r => r.Action));
        Assert.All(page.Rows, r => Assert.StartsWith("Change request (Move money between budget lines) on “Young defenders academy ", r.Subject, StringComparison.Ordinal));
        Assert.All(page.Rows, r => Assert.Equal("/awards/" + awardId.ToString(CultureInfo.InvariantCulture), r.Link));
    }

    [Fact]
    public async Task The_report_being_written_compares_spending_with_the_budget_version_in_force()
    {
        var (scenario, awardId, workshops, hall) = await AwardWithTwoLinesAsync();
        var interim = (await scenario.DetailsAsync(awardId)).Reports.Single(r => r.Kind == ReportKind.Interim);
        var before = (await Reports.GetAsync(scenario.Applicant, interim.Id, default))!;
        Assert.Equal(new Krw(30_000_000), before.Form.SpendingLines.Single(l => l.BudgetLineId == hall).Budgeted);

        var asked = await Request.RequestAsync(scenario.Applicant, awardId, Move(workshops, hall, 12_000_000));
        await Decide.ApproveAsync(AwardScenario.Officer, asked.Value!.Id, null);

        var after = (await Reports.GetAsync(scenario.Applicant, interim.Id, default))!;
        Assert.Equal(new Krw(42_000_000), after.Form.SpendingLines.Single(l => l.BudgetLineId == hall).Budgeted);
        Assert.Equal(new Krw(58_000_000), after.Form.SpendingLines.Single(l => l.BudgetLineId == workshops).Budgeted);
    }

    [Fact]
    public async Task Another_organization_cannot_see_or_ask_for_changes_and_only_officers_decide()
    {
        var (scenario, awardId, workshops, hall) = await AwardWithTwoLinesAsync();
        var stranger = new CurrentUser("applicant-9", "Lee", scenario.OrganizationId + 100, new HashSet<string> { Roles.Applicant });

        Assert.Null(await Queries.ForAwardAsync(stranger, awardId));
        Assert.Equal(Outcome.NotFound, (await Request.RequestAsync(stranger, awardId, Move(workshops, hall, 1_000_000))).Outcome);
        var asked = await Request.RequestAsync(scenario.Applicant, awardId, Move(workshops, hall, 9_000_000));
        Assert.Equal(Outcome.NotFound, (await Decide.ApproveAsync(scenario.Applicant, asked.Value!.Id, null)).Outcome);
        Assert.Equal(Outcome.NotFound, (await Decide.ApproveAsync(AwardScenario.Finance1, asked.Value.Id, null)).Outcome);
    }

    private RequestChange Request => Host.Services.GetRequiredService<RequestChange>();

    private DecideChangeRequest Decide => Host.Services.GetRequiredService<DecideChangeRequest>();

    private ChangeRequestQueries Queries => Host.Services.GetRequiredService<ChangeRequestQueries>();

    private ReportQueries Reports => Host.Services.GetRequiredService<ReportQueries>();

    private static ChangeRequestForm Move(int from, int to, long amount) => new()
    {
        Kind = ChangeKind.BudgetMove,
        FromBudgetLineId = from,
        ToBudgetLineId = to,
        Amount = new Krw(amount),
        Reason = "참가자가 늘어 대관 장소를 넓힙니다.",
    };

    private async Task<(AwardScenario Scenario, int AwardId, int Workshops, int Hall)> AwardWithTwoLinesAsync()
    {
        var scenario = await AwardScenario.CreateAsync(Host);
        var (_, applications) = await scenario.CallAsync(300_000_000, 1, 70_000_000);
        int workshops, hall;
        await using (var db = await Host.CreateDbContextAsync())
        {
            var line = new BudgetLine { ApplicationId = applications[0], Order = 1, Category = BudgetCategory.Venue, Item = "Hall rental", Amount = new Krw(30_000_000), Justification = "8 days" };
            db.BudgetLines.Add(line);
            await db.SaveChangesAsync();
            hall = line.Id;
            workshops = await db.BudgetLines.Where(l => l.ApplicationId == applications[0] && l.Item == "Workshops").Select(l => l.Id).SingleAsync();
        }

        var awardId = await scenario.PayableAwardAsync(applications[0], 100_000_000);
        return (scenario, awardId, workshops, hall);
    }
}

public sealed class ChangeRequestTests_on_Sqlite : ChangeRequestTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartSqliteAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class ChangeRequestTests_on_PostgreSql(PostgresCluster cluster) : ChangeRequestTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartPostgreSqlAsync(cluster);
}
