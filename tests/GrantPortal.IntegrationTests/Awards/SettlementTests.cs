using System.Globalization;
using GrantPortal.Core.Awards;
using GrantPortal.Core.Applications;
using GrantPortal.Core.Disbursements;
using GrantPortal.Core.Kernel;
using GrantPortal.Core.Money;
using GrantPortal.Core.Notifications;
using GrantPortal.Core.Reporting;
using GrantPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrantPortal.IntegrationTests.Awards;

/// <summary>
/// The settlement (정산): evidence for large spending lines, the verifier's report for large awards, one confirmation
/// that closes the award, and the return received by two finance users.
/// </summary>
public abstract class SettlementTests : ProviderTest
{
    private const long Paid = 30_000_000;

    protected SettlementTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

    private ReportQueries Reports => Host.Services.GetRequiredService<ReportQueries>();

    private SaveReportDraft Drafts => Host.Services.GetRequiredService<SaveReportDraft>();

    private SubmitReport Submission => Host.Services.GetRequiredService<SubmitReport>();

    private ReviewReport Review => Host.Services.GetRequiredService<ReviewReport>();

    private UploadSpendingEvidence Evidence => Host.Services.GetRequiredService<UploadSpendingEvidence>();

    private UploadVerificationReport Verification => Host.Services.GetRequiredService<UploadVerificationReport>();

    private MarkIneligibleSpending Ineligible => Host.Services.GetRequiredService<MarkIneligibleSpending>();

    private ConfirmSettlement Confirm => Host.Services.GetRequiredService<ConfirmSettlement>();

    private SettlementQueries Settlements => Host.Services.GetRequiredService<SettlementQueries>();

    private RecordReturnReceived RecordReturn => Host.Services.GetRequiredService<RecordReturnReceived>();

    private ConfirmReturnReceived ConfirmReturn => Host.Services.GetRequiredService<ConfirmReturnReceived>();

    [Fact]
    public async Task Final_report_with_a_line_above_the_call_amount_and_no_evidence_cannot_be_submitted()
    {
        var (scenario, awardId, reportId) = await PaidAwardAsync(50_000_000);
        var view = await SavedFinalReportAsync(scenario, reportId);

        var refused = await Submission.SubmitAsync(scenario.Applicant, reportId, view.Version, view.Form, CancellationToken.None);

        Assert.Equal(Outcome.Invalid, refused.Outcome);
        var error = Assert.Single(refused.Errors, e => e.Field == "Evidence");
        Assert.Contains("“Workshops”", error.Message, StringComparison.Ordinal);
        Assert.Contains("₩1,000,000", error.Message, StringComparison.Ordinal);
        await UploadEvidenceAsync(scenario, reportId, view);
        view = (await Reports.GetAsync(scenario.Applicant, reportId, CancellationToken.None))!;
        Assert.Equal(EvidenceKind.TaxInvoice, Assert.Single(view.Form.SpendingLines[0].Evidence).Kind);
        var submitted = await Submission.SubmitAsync(scenario.Applicant, reportId, view.Version, view.Form, CancellationToken.None);
        Assert.True(submitted.Succeeded, string.Join(" ", submitted.Errors.Select(e => e.Message)));
    }

    [Fact]
    public async Task Line_exactly_at_the_call_amount_needs_no_evidence_and_one_won_over_does()
    {
        var (scenario, awardId, reportId) = await PaidAwardAsync(50_000_000);
        await EvidenceAboveAsync(awardId, 30_000_000);

        var atThreshold = await SavedFinalReportAsync(scenario, reportId);
        Assert.False(atThreshold.NeedsEvidence(atThreshold.Form.SpendingLines[0]));
        var accepted = await Submission.SubmitAsync(scenario.Applicant, reportId, atThreshold.Version, atThreshold.Form, CancellationToken.None);
        Assert.True(accepted.Succeeded, string.Join(" ", accepted.Errors.Select(e => e.Message)));

        var (other, otherAwardId, otherReportId) = await PaidAwardAsync(50_000_000, scenario);
        await EvidenceAboveAsync(otherAwardId, 30_000_000);
        var view = await SavedFinalReportAsync(other, otherReportId, ownSpent: 2_000_001);
        Assert.True(view.NeedsEvidence(view.Form.SpendingLines[0]));
        var refused = await Submission.SubmitAsync(other.Applicant, otherReportId, view.Version, view.Form, CancellationToken.None);
        Assert.Equal("Evidence", Assert.Single(refused.Errors).Field);
    }

    /// <summary>Sets the award's call to ask evidence above <paramref name="threshold"/> and no receipts otherwise.</summary>
    private async Task EvidenceAboveAsync(int awardId, long threshold)
    {
        await using var db = await Host.CreateDbContextAsync();
        var call = await db.Calls.SingleAsync(c => db.Awards.Any(a => a.Id == awardId && a.CallId == c.Id));
        call.BudgetRules = call.BudgetRules with { EvidenceThreshold = new Krw(threshold) };
        call.ReceiptsRequired = GrantPortal.Core.Calls.ReceiptRequirement.None;
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Confirming_an_award_that_needs_verification_is_refused_until_the_verifier_report_is_attached()
    {
        var (scenario, awardId, _) = await ApprovedFinalReportAsync(100_000_000);

        var refused = await Confirm.ConfirmAsync(AwardScenario.Officer, awardId);

        Assert.Equal(Outcome.Refused, refused.Outcome);
        Assert.Contains("verifier's report", refused.Message, StringComparison.Ordinal);
        Assert.Equal(AwardStatus.Active, (await scenario.DetailsAsync(awardId)).Status);
        Assert.Equal(Outcome.NotFound, (await Verification.UploadAsync(scenario.Applicant, awardId, "verification.pdf", Pdf())).Outcome);
        var uploaded = await Verification.UploadAsync(AwardScenario.Officer, awardId, "검증보고서.pdf", Pdf());
        Assert.True(uploaded.Succeeded, uploaded.Message);
        var confirmed = await Confirm.ConfirmAsync(AwardScenario.Officer, awardId);
        Assert.True(confirmed.Succeeded, confirmed.Message);
        var details = await scenario.DetailsAsync(awardId);
        Assert.Equal(AwardStatus.Completed, details.Status);
        var view = (await Settlements.GetAsync(scenario.Applicant, awardId))!;
        Assert.True(view.VerificationRequired);
        Assert.Equal(scenario.Today, view.Confirmed!.ClosedOn);
    }

    [Fact]
    public async Task Award_one_won_under_the_verification_amount_is_confirmed_without_a_verifier_report()
    {
        var (_, awardId, _) = await ApprovedFinalReportAsync(99_999_999);

        var confirmed = await Confirm.ConfirmAsync(AwardScenario.Officer, awardId);

        Assert.True(confirmed.Succeeded, confirmed.Message);
    }

    [Fact]
    public async Task Two_officers_confirming_at_once_close_the_award_once_with_one_receivable()
    {
        var (scenario, awardId, _) = await ApprovedFinalReportAsync(50_000_000);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            Task.Run(() => Confirm.ConfirmAsync(i % 2 == 0 ? AwardScenario.Officer : AwardScenario.SecondOfficer, awardId))));

        Assert.Equal(1, attempts.Count(a => a.Succeeded));
        Assert.All(attempts.Where(a => !a.Succeeded), a => Assert.Equal(Outcome.Refused, a.Outcome));
        await using var db = await Host.CreateDbContextAsync();
        Assert.Equal(1, await db.Settlements.CountAsync(s => s.AwardId == awardId));
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == AuditActionsSettlementConfirmed));
        Assert.Single(await db.OutboxMessages.Where(m => m.Purpose == MailPurposes.SettlementConfirmed).ToListAsync());
        var receivable = Assert.Single((await scenario.FinanceWorklist.WorklistAsync(AwardScenario.Finance1))!.Receivables);
        Assert.Equal(awardId, receivable.AwardId);
        Assert.Equal(ReturnStatus.Owed, receivable.Status);
    }

    [Fact]
    public async Task Settlement_returns_unspent_grant_ineligible_spending_and_interest_and_closes_the_award()
    {
        var (scenario, awardId, reportId) = await ApprovedFinalReportAsync(50_000_000);
        var line = (await Reports.GetAsync(AwardScenario.Officer, reportId, CancellationToken.None))!.Form.SpendingLines[0];

        Assert.Equal(Outcome.Invalid, (await Ineligible.MarkAsync(AwardScenario.Officer, line.SpendingLineId!.Value, new Krw(500_000), " ")).Outcome);
        Assert.Equal(Outcome.Invalid, (await Ineligible.MarkAsync(AwardScenario.Officer, line.SpendingLineId.Value, new Krw(28_000_001), "Too much")).Outcome);
        Assert.Equal(Outcome.NotFound, (await Ineligible.MarkAsync(scenario.Applicant, line.SpendingLineId.Value, new Krw(500_000), "Mine")).Outcome);
        Assert.True((await Ineligible.MarkAsync(AwardScenario.Officer, line.SpendingLineId.Value, new Krw(500_000), "Catering is not an eligible cost.")).Succeeded);
        var before = (await Settlements.GetAsync(AwardScenario.Officer, awardId))!;
        Assert.True(before.CanConfirm);
        Assert.Equal(Paid, before.Sheet.GrantReceived.Won);
        Assert.Equal(27_500_000L, before.Sheet.EligibleGrantSpent.Won);
        Assert.Equal(2_000_000L, before.Sheet.OwnSpent.Won);

        var confirmed = await Confirm.ConfirmAsync(AwardScenario.Officer, awardId);

        Assert.True(confirmed.Succeeded, confirmed.Message);
        var view = (await Settlements.GetAsync(scenario.Applicant, awardId))!;
        Assert.Equal(Paid - 27_500_000 + 15_000, view.Confirmed!.AmountToReturn.Won);
        var tranche = (await scenario.DetailsAsync(awardId)).Tranches[1];
        var payment = await scenario.RecordPayment.RecordAsync(AwardScenario.Finance1, tranche.Id, new Krw(1_000_000), null);
        Assert.Equal(Outcome.Refused, payment.Outcome);
        Assert.Equal(Outcome.Refused, (await Ineligible.MarkAsync(AwardScenario.Officer, line.SpendingLineId.Value, Krw.Zero, null)).Outcome);
        await using (var xlsx = new MemoryStream())
        {
            Assert.True(await Settlements.SheetAsync(scenario.Applicant, awardId, xlsx));
            Assert.True(xlsx.Length > 0);
        }

        var stranger = new CurrentUser("applicant-9", "Other", scenario.OrganizationId + 1, new HashSet<string> { Roles.Applicant });
        Assert.Null(await Settlements.GetAsync(stranger, awardId));
        Assert.Null(await Settlements.ConfirmationAsync(stranger, awardId, "ko", GrantPortal.Core.Documents.DocumentFileFormat.Pdf));
        var pdf = (await Settlements.ConfirmationAsync(scenario.Applicant, awardId, "ko", GrantPortal.Core.Documents.DocumentFileFormat.Pdf))!;
        using (var document = UglyToad.PdfPig.PdfDocument.Open(pdf.Content))
        {
            var text = string.Concat(string.Concat(document.GetPages().Select(p => p.Text)).Where(c => !char.IsWhiteSpace(c)));
            Assert.Contains("정산확인서", text, StringComparison.Ordinal);
            Assert.Contains("반납액", text, StringComparison.Ordinal);
        }

        Assert.EndsWith(".docx", (await Settlements.ConfirmationAsync(scenario.Applicant, awardId, "en", GrantPortal.Core.Documents.DocumentFileFormat.Docx))!.FileName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Return_is_recorded_by_one_finance_user_and_confirmed_only_by_another()
    {
        var (scenario, awardId, _) = await ApprovedFinalReportAsync(50_000_000);
        Assert.True((await Confirm.ConfirmAsync(AwardScenario.Officer, awardId)).Succeeded);
        var receivable = Assert.Single((await scenario.FinanceWorklist.WorklistAsync(AwardScenario.Finance1))!.Receivables);

        Assert.Equal(Outcome.NotFound, (await RecordReturn.RecordAsync(AwardScenario.Officer, receivable.SettlementId, receivable.Version, scenario.Today, null)).Outcome);
        var recorded = await RecordReturn.RecordAsync(AwardScenario.Finance1, receivable.SettlementId, receivable.Version, scenario.Today, "REF-77");
        Assert.True(recorded.Succeeded, recorded.Message);
        var waiting = Assert.Single((await scenario.FinanceWorklist.WorklistAsync(AwardScenario.Finance1))!.Receivables);
        Assert.True(waiting.RecordedByMe);
        var self = await ConfirmReturn.ConfirmAsync(AwardScenario.Finance1, waiting.SettlementId, waiting.Version);
        Assert.Equal(Outcome.Refused, self.Outcome);
        Assert.Contains("Another finance user", self.Message, StringComparison.Ordinal);
        var confirmed = await ConfirmReturn.ConfirmAsync(AwardScenario.Finance2, waiting.SettlementId, waiting.Version);

        Assert.True(confirmed.Succeeded, confirmed.Message);
        Assert.Equal(Outcome.Refused, (await ConfirmReturn.ConfirmAsync(AwardScenario.Finance2, waiting.SettlementId, waiting.Version + 1)).Outcome);
        Assert.Empty((await scenario.FinanceWorklist.WorklistAsync(AwardScenario.Finance2))!.Receivables);
        var details = await scenario.DetailsAsync(awardId);
        Assert.Equal(receivable.Amount, details.ReturnedAmount);
        Assert.Equal(new Krw(50_000_000), details.Amount);
        await using var db = await Host.CreateDbContextAsync();
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == "settlement.return-recorded"));
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == "settlement.return-confirmed"));
    }

    private const string AuditActionsSettlementConfirmed = "settlement.confirmed";

    private static MemoryStream Pdf() => new(AwardScenario.BankBookPdf);

    /// <summary>An award whose grant decision is issued and whose first tranche (₩30,000,000) is paid.</summary>
    private async Task<(AwardScenario Scenario, int AwardId, int FinalReportId)> PaidAwardAsync(long amount, AwardScenario? existing = null)
    {
        var scenario = existing ?? await AwardScenario.CreateAsync(Host);
        var (_, applications) = await scenario.CallAsync(300_000_000, 1, amount);
        var awardId = await scenario.PayableAwardAsync(applications[0], amount);
        var details = await scenario.DetailsAsync(awardId);
        await scenario.PayAsync(details.Tranches[0].Id, Paid);
        return (scenario, awardId, details.Reports.Single(r => r.Kind == ReportKind.Final).Id);
    }

    /// <summary>
    /// The final report saved once (so its lines have ids): ₩28,000,000 of grant and ₩2,000,000 of own contribution on
    /// its one line, ₩15,000 of interest, narrative complete.
    /// </summary>
    private async Task<ReportView> SavedFinalReportAsync(AwardScenario scenario, int reportId, long ownSpent = 2_000_000)
    {
        var view = (await Reports.GetAsync(scenario.Applicant, reportId, CancellationToken.None))!;
        var form = view.Form with
        {
            ActivitiesCarriedOut = "Four weekend workshops.",
            Outcomes = "Twenty activists trained.",
            Lessons = "Recruit earlier.",
            InterestEarned = new Krw(15_000),
            SpendingLines = view.Form.SpendingLines.Select(l => l with
            {
                Spent = new Krw(28_000_000), OwnSpent = new Krw(ownSpent), VarianceExplanation = "Only the first tranche was paid.",
            }).ToList(),
        };
        var saved = await Drafts.SaveDraftAsync(scenario.Applicant, reportId, view.Version, form, CancellationToken.None);
        Assert.True(saved.Succeeded, string.Join(" ", saved.Errors.Select(e => e.Message)));
        return (await Reports.GetAsync(scenario.Applicant, reportId, CancellationToken.None))!;
    }

    private async Task UploadEvidenceAsync(AwardScenario scenario, int reportId, ReportView view)
    {
        foreach (var line in view.Form.SpendingLines)
        {
            var uploaded = await Evidence.UploadAsync(scenario.Applicant, reportId, line.SpendingLineId!.Value, EvidenceKind.TaxInvoice, "세금계산서.pdf", Pdf());
            Assert.True(uploaded.Succeeded, uploaded.Message);
        }
    }

    /// <summary>A paid award whose final report, with evidence, is submitted and approved by the officer.</summary>
    private async Task<(AwardScenario Scenario, int AwardId, int FinalReportId)> ApprovedFinalReportAsync(long amount)
    {
        var (scenario, awardId, reportId) = await PaidAwardAsync(amount);
        var view = await SavedFinalReportAsync(scenario, reportId);
        await UploadEvidenceAsync(scenario, reportId, view);
        view = (await Reports.GetAsync(scenario.Applicant, reportId, CancellationToken.None))!;
        var submitted = await Submission.SubmitAsync(scenario.Applicant, reportId, view.Version, view.Form, CancellationToken.None);
        Assert.True(submitted.Succeeded, string.Join(" ", submitted.Errors.Select(e => e.Message)));
        var approved = await Review.ApproveAsync(AwardScenario.Officer, reportId, submitted.Value!.Version, null, CancellationToken.None);
        Assert.True(approved.Succeeded, approved.Message);
        return (scenario, awardId, reportId);
    }
}

public sealed class SettlementTests_on_Sqlite : SettlementTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartSqliteAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class SettlementTests_on_PostgreSql(PostgresCluster cluster) : SettlementTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartPostgreSqlAsync(cluster);
}
