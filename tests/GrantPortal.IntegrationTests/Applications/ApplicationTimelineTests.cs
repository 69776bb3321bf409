using GrantPortal.Core.Applications;
using GrantPortal.Core.Awards;
using GrantPortal.Core.Disbursements;
using GrantPortal.Core.Reporting;
using GrantPortal.IntegrationTests.Infrastructure;
using GrantPortal.IntegrationTests.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrantPortal.IntegrationTests.Applications;

/// <summary>The timeline of demo applications, assembled from the grant cycle's tables, as its organization and an officer read it.</summary>
public abstract class ApplicationTimelineTests : ProviderTest
{
    [Fact]
    public async Task Settled_2023_award_reads_from_draft_through_payments_and_reports_to_its_settlement()
    {
        await ReportingScenario.SeedAsync(Host);
        await using var db = await Host.CreateDbContextAsync();
        var award = await db.Awards.AsNoTracking()
            .Where(a => a.Status == AwardStatus.Completed && a.Application!.Call!.BudgetYear!.Year == 2023 && db.Settlements.Any(s => s.AwardId == a.Id))
            .OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.ApplicationId, a.OrganizationId, a.AwardedAt, a.Application!.SubmittedAt, a.Application.CreatedAt })
            .FirstAsync();
        var paidDays = await db.Payments.Where(p => p.AwardId == award.Id && p.Status == PaymentStatus.Paid).Select(p => p.PaidOn!.Value).ToListAsync();
        var reports = await db.ProjectReports.Where(r => r.AwardId == award.Id).Select(r => new { r.Kind, r.SubmittedAt, r.Status }).ToListAsync();
        var settlement = await db.Settlements.Where(s => s.AwardId == award.Id).Select(s => new { s.ConfirmedAt, s.ReturnStatus }).SingleAsync();
        var decidedAt = await db.GrantAgreements.Where(g => g.AwardId == award.Id).Select(g => g.DecidedAt).SingleAsync();

        var timeline = (await Query.GetAsync(ReportingScenario.ApplicantOf(award.OrganizationId), award.ApplicationId))!;

        var kinds = timeline.Events.Select(e => e.Kind).ToList();
        Assert.Equal(TimelineEventKind.DraftStarted, kinds[0]);
        Assert.Equal(award.CreatedAt, timeline.Events[0].At);
        Assert.Equal(award.SubmittedAt, Single(timeline, TimelineEventKind.Submitted).At);
        Assert.Contains(TimelineEventKind.UnderReview, kinds);
        Assert.Equal(award.AwardedAt, Single(timeline, TimelineEventKind.Awarded).At);
        Assert.Equal(decidedAt, Single(timeline, TimelineEventKind.GrantDecided).At);
        Assert.Equal(paidDays.Order(), timeline.Events.Where(e => e.Kind == TimelineEventKind.TranchePaid).Select(e => e.On).Order());
        Assert.Equal(reports.Count, timeline.Events.Count(e => e.Kind == TimelineEventKind.ReportDue));
        Assert.Equal(reports.Count(r => r.SubmittedAt is not null), timeline.Events.Count(e => e.Kind == TimelineEventKind.ReportSubmitted));
        Assert.Equal(reports.Count(r => r.Status == ReportStatus.Approved), timeline.Events.Count(e => e.Kind == TimelineEventKind.ReportApproved));
        Assert.Equal(settlement.ConfirmedAt, Single(timeline, TimelineEventKind.SettlementConfirmed).At);
        Assert.DoesNotContain(timeline.Events, e => e.Upcoming);

        // In the order things happened: the settlement after the final report, the award after the submission.
        Assert.Equal(timeline.Events.Select(e => e.On).Order(), timeline.Events.Select(e => e.On));
        Assert.True(kinds.IndexOf(TimelineEventKind.Submitted) < kinds.IndexOf(TimelineEventKind.Awarded));
        Assert.True(kinds.LastIndexOf(TimelineEventKind.ReportSubmitted) < kinds.IndexOf(TimelineEventKind.SettlementConfirmed));
        Assert.Equal(settlement.ReturnStatus == ReturnStatus.Owed ? NextStepKind.ReturnFunds : null, timeline.Next?.Kind);
    }

    [Fact]
    public async Task Current_award_asks_for_its_earliest_open_report_by_its_due_day()
    {
        await ReportingScenario.SeedAsync(Host);
        await using var db = await Host.CreateDbContextAsync();
        var award = await db.Awards.AsNoTracking()
            .Where(a => a.Status == AwardStatus.Active
                        && db.GrantAgreements.Any(g => g.AwardId == a.Id && g.Status == AgreementStatus.Decided)
                        && a.Reports.Any(r => r.Status == ReportStatus.Due || r.Status == ReportStatus.Draft))
            .OrderBy(a => a.Id)
            .Select(a => new { a.ApplicationId, a.OrganizationId, a.Id })
            .FirstAsync();
        var open = await db.ProjectReports.AsNoTracking()
            .Where(r => r.AwardId == award.Id && (r.Status == ReportStatus.Due || r.Status == ReportStatus.Draft || r.Status == ReportStatus.Returned))
            .OrderBy(r => r.DueOn).ThenBy(r => r.Kind)
            .Select(r => new { r.Id, r.Kind, r.DueOn, r.Status })
            .FirstAsync();

        var timeline = (await Query.GetAsync(ReportingScenario.ApplicantOf(award.OrganizationId), award.ApplicationId))!;

        var next = timeline.Next!;
        Assert.Equal(open.Status == ReportStatus.Returned ? NextStepKind.ResubmitReport : NextStepKind.SubmitReport, next.Kind);
        Assert.Equal((open.Kind, open.DueOn, open.Id), (next.Report!.Value, next.DueOn!.Value, next.ReportId!.Value));
        Assert.Contains(timeline.Events, e => e is { Kind: TimelineEventKind.ReportDue, Upcoming: true } && e.ReportId == open.Id);
    }

    [Fact]
    public async Task Timeline_is_read_by_its_organization_and_officers_and_not_found_for_another_organization()
    {
        await ReportingScenario.SeedAsync(Host);
        await using var db = await Host.CreateDbContextAsync();
        var award = await db.Awards.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.ApplicationId, a.OrganizationId }).FirstAsync();
        var stranger = await db.Organizations.Where(o => o.Id != award.OrganizationId).Select(o => o.Id).FirstAsync();
        var reviewer = new CurrentUser("reviewer-x", "Reviewer", null, new HashSet<string> { Roles.Reviewer });

        Assert.NotNull(await Query.GetAsync(ReportingScenario.Officer, award.ApplicationId));
        Assert.Null(await Query.GetAsync(ReportingScenario.ApplicantOf(stranger), award.ApplicationId));
        Assert.Null(await Query.GetAsync(reviewer, award.ApplicationId));
    }

    private ApplicationTimelineQuery Query => Host.Services.GetRequiredService<ApplicationTimelineQuery>();

    private static TimelineEvent Single(ApplicationTimeline timeline, TimelineEventKind kind) => Assert.Single(timeline.Events, e => e.Kind == kind);
}

public sealed class ApplicationTimelineTests_on_Sqlite : ApplicationTimelineTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartSqliteAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class ApplicationTimelineTests_on_PostgreSql(PostgresCluster cluster) : ApplicationTimelineTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartPostgreSqlAsync(cluster);
}
