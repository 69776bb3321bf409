using System.Globalization;
using GrantPortal.Core.Calls;
using GrantPortal.Core.Money;
using GrantPortal.Core.Reporting;
using GrantPortal.IntegrationTests.Awards;
using GrantPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace GrantPortal.IntegrationTests.Reporting;

/// <summary>
/// What a report must hold to be submitted: interim spending measured against the share of the budget due by then,
/// receipts where the call asks for them; and what the grantee hears when it comes back.
/// </summary>
public abstract class ReportRuleTests : ProviderTest
{
    protected ReportRuleTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

    private ReportQueries Reports => Host.Services.GetRequiredService<ReportQueries>();

    private SaveReportDraft Drafts => Host.Services.GetRequiredService<SaveReportDraft>();

    private SubmitReport Submission => Host.Services.GetRequiredService<SubmitReport>();

    private ReviewReport Review => Host.Services.GetRequiredService<ReviewReport>();

    private UploadReceipt Receipts => Host.Services.GetRequiredService<UploadReceipt>();

    [Fact]
    public async Task Final_report_without_receipts_is_refused_where_the_call_asks_for_them_and_accepted_with_one()
    {
        var (scenario, award) = await AwardedAsync(ReceiptRequirement.FinalReport);
        var finalId = award.Reports.Single(r => r.Kind == ReportKind.Final).Id;

        var view = (await Reports.GetAsync(scenario.Applicant, finalId, CancellationToken.None))!;
        Assert.True(view.ReceiptsRequired);
        Assert.True(view.Baseline.IsWholeBudget);
        var refused = await Submission.SubmitAsync(scenario.Applicant, finalId, view.Version, Complete(view), CancellationToken.None);

        Assert.Equal(Outcome.Invalid, refused.Outcome);
        var error = Assert.Single(refused.Errors);
        Assert.Equal("Receipts", error.Field);
        Assert.Equal("This call requires receipts with the final report: attach at least one receipt under Receipts, then submit again.", error.Message);

        Assert.True((await Receipts.UploadReceiptAsync(scenario.Applicant, finalId, "venue-invoice.pdf", new MemoryStream("%PDF-1.4\n%%EOF\n"u8.ToArray()), CancellationToken.None)).Succeeded);
        view = (await Reports.GetAsync(scenario.Applicant, finalId, CancellationToken.None))!;
        var accepted = await Submission.SubmitAsync(scenario.Applicant, finalId, view.Version, Complete(view), CancellationToken.None);
        Assert.True(accepted.Succeeded, string.Join(" ", accepted.Errors.Select(e => e.Message)));
    }

    [Fact]
    public async Task Interim_report_needs_receipts_only_when_the_call_asks_for_every_report()
    {
        var (every, everyAward) = await AwardedAsync(ReceiptRequirement.EveryReport);
        var interimId = everyAward.Reports.Single(r => r.Kind == ReportKind.Interim).Id;
        var view = (await Reports.GetAsync(every.Applicant, interimId, CancellationToken.None))!;
        var refused = await Submission.SubmitAsync(every.Applicant, interimId, view.Version, Complete(view), CancellationToken.None);
        Assert.Equal("This call requires receipts with the interim report: attach at least one receipt under Receipts, then submit again.", Assert.Single(refused.Errors).Message);

        // A call that asks for none takes even the final report without receipts.
        await SetRuleAsync(everyAward.CallId, ReceiptRequirement.None);
        var finalId = everyAward.Reports.Single(r => r.Kind == ReportKind.Final).Id;
        var final = (await Reports.GetAsync(every.Applicant, finalId, CancellationToken.None))!;
        Assert.False(final.ReceiptsRequired);
        Assert.True((await Submission.SubmitAsync(every.Applicant, finalId, final.Version, Complete(final), CancellationToken.None)).Succeeded);
    }

    [Fact]
    public async Task Interim_spending_on_plan_needs_no_reasons_and_a_line_far_from_its_share_does()
    {
        var (scenario, award) = await AwardedAsync(ReceiptRequirement.FinalReport);
        var interimId = award.Reports.Single(r => r.Kind == ReportKind.Interim).Id;
        var view = (await Reports.GetAsync(scenario.Applicant, interimId, CancellationToken.None))!;

        // The project runs 1 April to 30 November 2026; the interim report is due on 31 July, half way.
        Assert.Equal(new LocalDate(2026, 7, 31), view.Baseline.PeriodEnd);
        Assert.Equal(50, view.Baseline.Percent);
        var line = Assert.Single(view.Form.SpendingLines);
        Assert.Equal(new Krw(25_000_000), line.ExpectedSpent);

        var lagging = Complete(view) with { SpendingLines = [line with { Spent = new Krw(10_000_000) }] };
        var refused = await Submission.SubmitAsync(scenario.Applicant, interimId, view.Version, lagging, CancellationToken.None);
        Assert.Equal(
            "Explain why spending on 'Workshops' differs by more than 10% from the ₩25,000,000 expected by 2026-07-31 (the budget's share of the project time elapsed).",
            Assert.Single(refused.Errors).Message);

        // A page that claims a smaller expected amount changes nothing: the share is worked out from the award.
        var forged = Complete(view) with { SpendingLines = [line with { Spent = new Krw(10_000_000), Expected = new Krw(10_000_000) }] };
        Assert.Equal(Outcome.Invalid, (await Submission.SubmitAsync(scenario.Applicant, interimId, view.Version, forged, CancellationToken.None)).Outcome);

        var onPlan = Complete(view) with { SpendingLines = [line with { Spent = new Krw(23_500_000) }] };
        var submitted = await Submission.SubmitAsync(scenario.Applicant, interimId, view.Version, onPlan, CancellationToken.None);
        Assert.True(submitted.Succeeded, string.Join(" ", submitted.Errors.Select(e => e.Message)));
    }

    [Fact]
    public async Task Returned_report_mail_says_is_due_while_the_deadline_is_ahead_and_was_due_after_it_and_links_to_the_report()
    {
        var (scenario, award) = await AwardedAsync(ReceiptRequirement.FinalReport);
        var interim = award.Reports.Single(r => r.Kind == ReportKind.Interim);

        await SubmitAndReturnAsync(scenario, interim.Id);
        Host.Clock.Reset(Instant.FromUtc(2026, 8, 10, 0, 0));
        await SubmitAndReturnAsync(scenario, interim.Id);

        var mails = (await Mail.ToAsync(Host.MailPickupDirectory, "jiwon@opendoors.example")).Where(m => m.Subject?.StartsWith("중간보고서 보완 요청", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(2, mails.Count);
        Assert.Contains("제출 기한은 2026-07-31입니다.", mails[0].TextBody, StringComparison.Ordinal);
        Assert.Contains("제출 기한(2026-07-31)이 지났으니", mails[1].TextBody, StringComparison.Ordinal);
        Assert.All(mails, m => Assert.Contains($"보고서 보기: http://localhost:5000/reports/{interim.Id}", m.TextBody, StringComparison.Ordinal));
    }

    private async Task SubmitAndReturnAsync(AwardScenario scenario, int reportId)
    {
        var view = (await Reports.GetAsync(scenario.Applicant, reportId, CancellationToken.None))!;
        var submitted = await Submission.SubmitAsync(scenario.Applicant, reportId, view.Version, Complete(view), CancellationToken.None);
        Assert.True(submitted.Succeeded, string.Join(" ", submitted.Errors.Select(e => e.Message)));
        Assert.True((await Review.ReturnAsync(AwardScenario.Officer, reportId, submitted.Value!.Version, "Add the venue invoices.", CancellationToken.None)).Succeeded);
    }

    /// <summary>A complete narrative with every line spent as expected.</summary>
    private static ReportDraft Complete(ReportView view) => view.Form with
    {
        ActivitiesCarriedOut = "Four weekend workshops.",
        Outcomes = "Twenty activists trained.",
        Lessons = "Recruit earlier.",
        SpendingLines = view.Form.SpendingLines.Select(l => l with { Spent = l.ExpectedSpent }).ToList(),
    };

    private async Task<(AwardScenario Scenario, GrantPortal.Core.Awards.AwardDetails Award)> AwardedAsync(ReceiptRequirement rule)
    {
        var scenario = await AwardScenario.CreateAsync(Host);
        var (callId, applications) = await scenario.CallAsync(300_000_000, 1, 50_000_000);
        await SetRuleAsync(callId, rule);
        var award = await scenario.DetailsAsync(await scenario.AwardAsync(applications[0], 50_000_000));
        Assert.Equal(rule, award.ReceiptsRequired);
        return (scenario, award);
    }

    private async Task SetRuleAsync(int callId, ReceiptRequirement rule)
    {
        await using var db = await Host.CreateDbContextAsync();
        var call = await db.Calls.SingleAsync(c => c.Id == callId);
        call.ReceiptsRequired = rule;

        // Evidence per spending line (정산) is SettlementTests' subject: here no line is large enough to need it.
        call.BudgetRules = call.BudgetRules with { EvidenceThreshold = Krw.Ceiling };
        await db.SaveChangesAsync();
    }
}

public sealed class ReportRuleTests_on_Sqlite : ReportRuleTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartSqliteAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class ReportRuleTests_on_PostgreSql(PostgresCluster cluster) : ReportRuleTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartPostgreSqlAsync(cluster);
}
