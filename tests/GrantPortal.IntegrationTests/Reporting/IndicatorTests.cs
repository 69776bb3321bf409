using GrantPortal.Core.Calls;
using GrantPortal.Core.Recommendations;
using GrantPortal.Core.Reporting;
using GrantPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GrantPortal.IntegrationTests.Reporting.ReportingScenario;

namespace GrantPortal.IntegrationTests.Reporting;

/// <summary>Reports give each indicator's actual against the application's target; roll-ups add indicators by name and unit.</summary>
public abstract class IndicatorTests : ProviderTest
{
    private ReportQueries Reports => Host.Services.GetRequiredService<ReportQueries>();

    private SaveReportDraft Drafts => Host.Services.GetRequiredService<SaveReportDraft>();

    private SubmitReport Submission => Host.Services.GetRequiredService<SubmitReport>();

    [Fact]
    public async Task Report_with_an_actual_short_of_its_target_by_more_than_a_tenth_needs_an_explanation()
    {
        var (reportId, organizationId) = await DueInterimReportAsync();
        var grantee = ApplicantOf(organizationId);
        var view = await Reports.GetAsync(grantee, reportId, CancellationToken.None);
        Assert.NotNull(view);
        Assert.Equal(StandardIndicators.All.Select(i => i.Key), view.Form.Indicators.Select(i => i.Indicator.Key));
        Assert.All(view.Form.Indicators.Where(i => i.Indicator.Key != "publications"), i => Assert.True(i.ExpectedActual > 0));

        // Everything on plan but participants, which reach only half of what was due by now.
        var participants = view.Form.Indicators.Single(i => i.Indicator.Key == "participants");
        var half = participants.ExpectedActual!.Value / 2;
        var form = view.Form with
        {
            ActivitiesCarriedOut = "Ran three workshops.",
            Outcomes = "Forty activists trained.",
            Lessons = "Start recruiting earlier.",
            Indicators = view.Form.Indicators.Select(i => i with { Actual = i.Indicator.Key == "participants" ? half : i.ExpectedActual ?? 0 }).ToList(),
            SpendingLines = view.Form.SpendingLines.Select(l => l with { Spent = l.ExpectedSpent }).ToList(),
        };

        var unexplained = await Submission.SubmitAsync(grantee, reportId, view.Version, form, CancellationToken.None);

        Assert.Equal(Outcome.Invalid, unexplained.Outcome);
        var error = Assert.Single(unexplained.Errors, e => e.Field == "Indicators");
        var language = Languages.Current;
        Assert.StartsWith(participants.Indicator.Name(language) + ":", error.Message, StringComparison.Ordinal);
        Assert.Contains(half.ToString("#,0", System.Globalization.CultureInfo.CurrentCulture), error.Message, StringComparison.Ordinal);
        Assert.Contains(participants.Indicator.Unit(language), error.Message, StringComparison.Ordinal);

        form.Indicators.Single(i => i.Indicator.Key == "participants").Explanation = "  The venue closed for a month.  ";
        var submitted = await Submission.SubmitAsync(grantee, reportId, view.Version, form, CancellationToken.None);

        Assert.Equal(Outcome.Done, submitted.Outcome);
        var read = await Reports.GetAsync(Officer, reportId, CancellationToken.None);
        var reported = read!.Form.Indicators.Single(i => i.Indicator.Key == "participants");
        Assert.Equal(half, reported.Actual);
        Assert.Equal("The venue closed for a month.", reported.Explanation);
        Assert.Equal(participants.Target, reported.Target);
    }

    [Fact]
    public async Task Report_of_an_application_without_targets_shows_no_target_and_needs_no_explanation()
    {
        var (reportId, organizationId) = await DueInterimReportAsync();
        await using (var db = await Host.CreateDbContextAsync())
        {
            var applicationId = await db.ProjectReports.Where(r => r.Id == reportId).Select(r => db.Awards.Single(a => a.Id == r.AwardId).ApplicationId).SingleAsync();
            await db.IndicatorTargets.Where(t => t.ApplicationId == applicationId).ExecuteDeleteAsync();
        }

        var grantee = ApplicantOf(organizationId);
        var view = await Reports.GetAsync(grantee, reportId, CancellationToken.None);
        Assert.All(view!.Form.Indicators, i => Assert.Null(i.Target));
        var form = view.Form with
        {
            ActivitiesCarriedOut = "Ran three workshops.",
            Outcomes = "Forty activists trained.",
            Lessons = "Start recruiting earlier.",
            SpendingLines = view.Form.SpendingLines.Select(l => l with { Spent = l.ExpectedSpent }).ToList(),
        };

        var submitted = await Submission.SubmitAsync(grantee, reportId, view.Version, form, CancellationToken.None);

        Assert.Equal(Outcome.Done, submitted.Outcome);
    }

    [Fact]
    public async Task Negative_actual_is_refused_by_autosave()
    {
        var (reportId, organizationId) = await DueInterimReportAsync();
        var grantee = ApplicantOf(organizationId);
        var view = await Reports.GetAsync(grantee, reportId, CancellationToken.None);
        var form = view!.Form with { Indicators = view.Form.Indicators.Select((i, n) => i with { Actual = n == 0 ? -1 : 0 }).ToList() };

        var saved = await Drafts.SaveDraftAsync(grantee, reportId, view.Version, form, CancellationToken.None);

        Assert.Equal(Outcome.Invalid, saved.Outcome);
        Assert.Equal("Indicators", Assert.Single(saved.Errors).Field);
    }

    [Fact]
    public async Task Roll_ups_add_indicators_of_the_same_name_and_unit_across_calls_and_keep_other_units_apart()
    {
        await SeedAsync(Host);
        var before = await Figures(Host).ProjectsAsync(2023, 2024, CancellationToken.None);
        var participants2023 = Sum(before.Where(p => p.Year == 2023), "participants");
        var participants2024 = Sum(before.Where(p => p.Year == 2024), "participants");

        // The 2024 call counts its events in another unit: a different indicator for every roll-up.
        await using (var db = await Host.CreateDbContextAsync())
        {
            await db.CallIndicators.Where(i => i.Key == "events_held" && db.Calls.Any(c => c.Id == i.CallId && c.BudgetYear!.Year == 2024))
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.UnitKorean, "건").SetProperty(i => i.UnitEnglish, "sessions"));
        }

        var projects = await Figures(Host).ProjectsAsync(2023, 2024, CancellationToken.None);
        var byYear = RecommendationFigures.Rollup(projects, p => p.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var both = ProjectIndicators.Sum(byYear.Select(r => r.Indicators));
        var totals = await Figures(Host).ForCodeAsync(CoiRecommendations.CivilSociety, 2023, 2024, CancellationToken.None);

        Assert.True(participants2023 > 0 && participants2024 > 0);
        Assert.Equal(participants2023, byYear.Single(r => r.Key == "2023").Indicators.Total("참여자 수", "명"));
        Assert.Equal(participants2024, byYear.Single(r => r.Key == "2024").Indicators.Total("참여자 수", "명"));
        Assert.Equal(participants2023 + participants2024, both.Total("참여자 수", "명"));
        Assert.Equal(participants2023 + participants2024, totals!.Indicators.Total("참여자 수", "명"));
        Assert.Equal(6, both.Figures.Count);
        Assert.Equal(Sum(before.Where(p => p.Year == 2024), "events_held"), both.Total("행사 수", "건"));
        Assert.Equal(Sum(before.Where(p => p.Year == 2023), "events_held"), both.Total("행사 수", "회"));
    }

    [Fact]
    public async Task Demo_history_reports_keep_their_figures_as_the_standard_indicators()
    {
        await SeedAsync(Host);
        await using var db = await Host.CreateDbContextAsync();

        var history = await db.Calls.Where(c => c.BudgetYear!.Year == 2023 || c.BudgetYear.Year == 2024).Select(c => c.Id).ToListAsync();
        var keys = await db.CallIndicators.Where(i => history.Contains(i.CallId)).OrderBy(i => i.CallId).ThenBy(i => i.Order).Select(i => i.Key).ToListAsync();
        var reports = db.ProjectReports.Where(r => r.Status != ReportStatus.Due && db.Awards.Any(a => a.Id == r.AwardId && history.Contains(a.CallId)));
        var reported = await reports.CountAsync();
        var withoutFive = await reports.CountAsync(r => r.IndicatorActuals.Count != 5);
        var youth = await db.CallIndicators.Where(i => i.CallId == db.Calls.Single(c => c.Code == "YOUTH").Id).OrderBy(i => i.Order).Select(i => i.Key).ToListAsync();

        Assert.Equal(history.Count * 5, keys.Count);
        Assert.True(reported >= 29);
        Assert.Equal(0, withoutFive);
        Assert.Equal(["participants", "youth_trained", "events_held"], youth);
    }

    private static long Sum(IEnumerable<FundedProject> projects, string key)
    {
        var indicator = StandardIndicators.All.Single(i => i.Key == key);
        return projects.Sum(p => p.Indicators.Total(indicator.NameKorean, indicator.UnitKorean));
    }

    /// <summary>A demo interim report of this year's decided call, still due: its application set targets.</summary>
    private async Task<(int ReportId, int OrganizationId)> DueInterimReportAsync()
    {
        await SeedAsync(Host);
        await using var db = await Host.CreateDbContextAsync();
        var report = await db.ProjectReports
            .Where(r => r.Kind == ReportKind.Interim && r.Status == ReportStatus.Due)
            .Where(r => db.IndicatorTargets.Any(t => t.ApplicationId == db.Awards.Single(a => a.Id == r.AwardId).ApplicationId))
            .OrderBy(r => r.Id)
            .Select(r => new { r.Id, db.Awards.Single(a => a.Id == r.AwardId).OrganizationId })
            .FirstAsync();
        return (report.Id, report.OrganizationId);
    }
}

public sealed class IndicatorTests_on_Sqlite : IndicatorTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartSqliteAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class IndicatorTests_on_PostgreSql(PostgresCluster cluster) : IndicatorTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartPostgreSqlAsync(cluster);
}
