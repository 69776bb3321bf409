using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GrantPortal.Core.Applications;
using GrantPortal.Core.Auditing;
using GrantPortal.Core.Awards;
using GrantPortal.Core.Disbursements;
using GrantPortal.Core.Exports;
using GrantPortal.Core.Money;
using GrantPortal.Core.Reporting;
using GrantPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrantPortal.IntegrationTests.Awards;

public abstract class AwardTests : ProviderTest
{
    protected AwardTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

    [Fact]
    public async Task Fifty_officers_awarding_at_once_never_overspend_and_each_refusal_names_the_remaining_amount()
    {
        var scenario = await AwardScenario.CreateAsync(Host);

        // Each round: 50 applications of ₩30,000,000 against ₩310,000,000; exactly ten fit and ₩10,000,000 stays free.
        for (var round = 0; round < 20; round++)
        {
            var (callId, applications) = await scenario.CallAsync(310_000_000, 50, 30_000_000);
            var results = await Task.WhenAll(applications.Select((id, i) =>
                Task.Run(() => scenario.AwardApplication.AwardAsync(i % 2 == 0 ? AwardScenario.Officer : AwardScenario.SecondOfficer, scenario.Form(id, 30_000_000)))));

            Assert.Equal(10, results.Count(r => r.Succeeded));
            Assert.All(results.Where(r => !r.Succeeded), r =>
            {
                Assert.Equal(Outcome.Refused, r.Outcome);
                Assert.Equal("An award of ₩30,000,000 does not fit the call's envelope: only ₩10,000,000 remains.", r.Message);
            });

            await using var db = await Host.CreateDbContextAsync();
            var committed = await db.Awards.Where(a => a.CallId == callId && a.Status != AwardStatus.Cancelled).SumAsync(a => (long)a.Amount);
            Assert.Equal(300_000_000L, committed);
            Assert.Equal(10, await db.Applications.CountAsync(a => a.CallId == callId && a.Status == ApplicationStatus.Awarded));
        }
    }

    [Fact]
    public async Task Award_creates_report_requirements_and_a_schedule_that_sums_to_the_amount()
    {
        var scenario = await AwardScenario.CreateAsync(Host);
        var (_, applications) = await scenario.CallAsync(300_000_000, 1, 50_000_000);

        var awardId = await scenario.AwardAsync(applications[0], 50_000_000);

        var details = await scenario.DetailsAsync(awardId);
        Assert.Equal(ApplicationStatus.Awarded, (await scenario.AwardQueries.GetCallAsync(AwardScenario.Officer, details.CallId))!.Candidates.Single().Status);
        Assert.Equal([ReportKind.Interim, ReportKind.Final], details.Reports.Select(r => r.Kind));
        Assert.All(details.Reports, r => Assert.Equal(ReportStatus.Due, r.Status));
        Assert.Equal(new Krw(50_000_000), Krw.Sum(details.Tranches.Select(t => t.Amount)));
        Assert.Equal(ReportKind.Interim, details.Tranches[1].GatingReportKind);
        await using var db = await Host.CreateDbContextAsync();
        var created = await db.AuditEvents.SingleAsync(e => e.Action == "award.created");
        Assert.Equal(AwardScenario.Officer.UserId, created.ActorId);
        Assert.Contains("50000000", created.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reduction_needs_a_reason_and_an_award_never_exceeds_the_request()
    {
        var scenario = await AwardScenario.CreateAsync(Host);
        var (_, applications) = await scenario.CallAsync(300_000_000, 1, 50_000_000);

        var above = await scenario.AwardApplication.AwardAsync(AwardScenario.Officer, scenario.Form(applications[0], 60_000_000));
        var unexplained = await scenario.AwardApplication.AwardAsync(AwardScenario.Officer, scenario.Form(applications[0], 40_000_000));
        var explained = await scenario.AwardApplication.AwardAsync(AwardScenario.Officer, scenario.Form(applications[0], 40_000_000, "Publicity costs duplicated"));

        Assert.Equal("An award cannot exceed the requested ₩50,000,000.", above.Message);
        Assert.Equal(Outcome.Invalid, unexplained.Outcome);
        Assert.Contains("reason for the reduction", unexplained.Message, StringComparison.Ordinal);
        Assert.True(explained.Succeeded, explained.Message);
        Assert.Equal("Publicity costs duplicated", (await scenario.DetailsAsync(explained.Value)).ReductionReason);
    }

    [Fact]
    public async Task Self_approval_is_refused_and_a_second_finance_user_approves_and_pays()
    {
        var scenario = await AwardScenario.CreateAsync(Host);
        var (_, applications) = await scenario.CallAsync(300_000_000, 1, 50_000_000);
        var awardId = await scenario.PayableAwardAsync(applications[0], 50_000_000);
        var first = (await scenario.DetailsAsync(awardId)).Tranches[0];

        var recorded = await scenario.RecordPayment.RecordAsync(AwardScenario.Finance1, first.Id, first.Amount, "선금");
        var self = await scenario.ApprovePayment.ApproveAsync(AwardScenario.Finance1, recorded.Value, 0);
        var byOfficer = await scenario.ApprovePayment.ApproveAsync(AwardScenario.Officer, recorded.Value, 0);
        var approved = await scenario.ApprovePayment.ApproveAsync(AwardScenario.Finance2, recorded.Value, 0);
        var paid = await scenario.MarkPaymentPaid.MarkPaidAsync(AwardScenario.Finance1, recorded.Value, "EFT-20260301-00001", scenario.Today, 1);

        Assert.True(recorded.Succeeded, recorded.Message);
        Assert.False(self.Succeeded);
        Assert.Equal("You recorded this payment; a different finance officer must approve it.", self.Message);
        Assert.False(byOfficer.Succeeded);
        Assert.Equal(Outcome.NotFound, byOfficer.Outcome);
        Assert.Null(byOfficer.Message);
        Assert.True(approved.Succeeded, approved.Message);
        Assert.True(paid.Succeeded, paid.Message);
        var details = await scenario.DetailsAsync(awardId);
        Assert.Equal(PaymentStatus.Paid, AwardScenario.Status(details, recorded.Value));
        Assert.Equal(first.Amount, details.Paid);
        await using var db = await Host.CreateDbContextAsync();
        var trail = await db.AuditEvents.Where(e => e.EntityType == nameof(Payment)).OrderBy(e => e.Id).Select(e => new { e.Action, e.ActorId }).ToListAsync();
        Assert.Equal(["payment.recorded", "payment.approved", "payment.paid"], trail.Select(t => t.Action));
        Assert.Equal(["finance-1", "finance-2", "finance-1"], trail.Select(t => t.ActorId));
        var notice = await MimeKit.MimeMessage.LoadAsync(Assert.Single(Directory.GetFiles(Host.MailPickupDirectory, "*.eml"), f => MimeKit.MimeMessage.Load(f).Subject?.EndsWith("지원금 지급 안내", StringComparison.Ordinal) == true));
        Assert.Equal("jiwon@opendoors.example", notice.To.Mailboxes.Single().Address);
        Assert.Contains("EFT-20260301-00001", notice.TextBody, StringComparison.Ordinal);
        Assert.Contains(first.Amount.ToKoreanUnits(), notice.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("₩", notice.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejected_payment_shows_the_checkers_reason_and_frees_its_amount()
    {
        var scenario = await AwardScenario.CreateAsync(Host);
        var (_, applications) = await scenario.CallAsync(300_000_000, 1, 50_000_000);
        var awardId = await scenario.PayableAwardAsync(applications[0], 50_000_000);
        var first = (await scenario.DetailsAsync(awardId)).Tranches[0];
        var recorded = await scenario.RecordPayment.RecordAsync(AwardScenario.Finance1, first.Id, first.Amount, null);

        var withoutReason = await scenario.RejectPayment.RejectAsync(AwardScenario.Finance2, recorded.Value, "  ", 0);
        var rejected = await scenario.RejectPayment.RejectAsync(AwardScenario.Finance2, recorded.Value, "Bank account does not match the grant agreement.", 0);
        var again = await scenario.RecordPayment.RecordAsync(AwardScenario.Finance1, first.Id, first.Amount, "corrected account");

        Assert.False(withoutReason.Succeeded);
        Assert.Equal("Give a reason; it is kept in the audit trail.", withoutReason.Message);
        Assert.True(rejected.Succeeded, rejected.Message);
        Assert.True(again.Succeeded, again.Message);
        var payments = (await scenario.DetailsAsync(awardId)).Tranches[0].Payments;
        var shown = Assert.Single(payments, p => p.Status == PaymentStatus.Rejected);
        Assert.Equal("Bank account does not match the grant agreement.", shown.RejectionReason);
        Assert.Null(Assert.Single(payments, p => p.Status == PaymentStatus.AwaitingApproval).RejectionReason);
    }

    [Fact]
    public async Task Overpayment_is_refused_with_what_remains()
    {
        var scenario = await AwardScenario.CreateAsync(Host);
        var (_, applications) = await scenario.CallAsync(300_000_000, 1, 50_000_000);
        var awardId = await scenario.PayableAwardAsync(applications[0], 50_000_000);
        var tranches = (await scenario.DetailsAsync(awardId)).Tranches;

        Assert.True((await scenario.RecordPayment.RecordAsync(AwardScenario.Finance1, tranches[0].Id, new Krw(30_000_000), null)).Succeeded);
        var overAward = await scenario.RecordPayment.RecordAsync(AwardScenario.Finance1, tranches[1].Id, new Krw(20_000_001), null);
        var overTranche = await scenario.RecordPayment.RecordAsync(AwardScenario.Finance1, tranches[0].Id, new Krw(1), null);
        var reducedBelowPayments = await scenario.AmendAward.AmendAsync(AwardScenario.Officer, awardId, new Krw(29_000_000), "", "Scope reduced", (await scenario.DetailsAsync(awardId)).Version);

        Assert.Equal("This payment would take the award past its amount: only ₩20,000,000 of ₩50,000,000 remains to pay.", overAward.Message);
        Assert.Equal("Only ₩0 remains on tranche 1.", overTranche.Message);
        Assert.Equal("Payments of ₩30,000,000 are already recorded on this award; it cannot go below that.", reducedBelowPayments.Message);
        Assert.Equal(new Krw(30_000_000), (await scenario.DetailsAsync(awardId)).Recorded);
    }

    [Fact]
    public async Task Parallel_payments_on_one_award_never_exceed_it()
    {
        var scenario = await AwardScenario.CreateAsync(Host);
        var (_, applications) = await scenario.CallAsync(300_000_000, 1, 50_000_000);
        var awardId = await scenario.PayableAwardAsync(applications[0], 50_000_000);
        var first = (await scenario.DetailsAsync(awardId)).Tranches[0];

        // The first tranche is ₩30,000,000; twenty makers each try to record ₩10,000,000 of it at once.
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => scenario.RecordPayment.RecordAsync(i % 2 == 0 ? AwardScenario.Finance1 : AwardScenario.Finance2, first.Id, new Krw(10_000_000), null))));

        Assert.Equal(3, results.Count(r => r.Succeeded));
        Assert.Equal(new Krw(30_000_000), (await scenario.DetailsAsync(awardId)).Recorded);
    }

    [Fact]
    public async Task A_tranche_gated_on_a_report_is_approved_only_after_the_report_is()
    {
        var scenario = await AwardScenario.CreateAsync(Host);
        var (_, applications) = await scenario.CallAsync(300_000_000, 1, 50_000_000);
        var awardId = await scenario.PayableAwardAsync(applications[0], 50_000_000);
        var gated = (await scenario.DetailsAsync(awardId)).Tranches[1];

        var recorded = await scenario.RecordPayment.RecordAsync(AwardScenario.Finance1, gated.Id, gated.Amount, null);
        var early = await scenario.ApprovePayment.ApproveAsync(AwardScenario.Finance2, recorded.Value, 0);
        await using (var db = await Host.CreateDbContextAsync())
        {
            // The reporting feature approves reports; here the officer's approval is set directly.
            var report = await db.ProjectReports.SingleAsync(r => r.Id == gated.GatingReportId);
            report.Status = ReportStatus.Approved;
            await db.SaveChangesAsync();
        }

        var later = await scenario.ApprovePayment.ApproveAsync(AwardScenario.Finance2, recorded.Value, 0);

        Assert.False(early.Succeeded);
        Assert.StartsWith("This tranche waits for the interim report (due ", early.Message, StringComparison.Ordinal);
        Assert.True(later.Succeeded, later.Message);
    }

    [Fact]
    public async Task Cancellation_returns_the_amount_to_the_envelope()
    {
        var scenario = await AwardScenario.CreateAsync(Host);
        var (callId, applications) = await scenario.CallAsync(60_000_000, 3, 30_000_000);
        var first = await scenario.PayableAwardAsync(applications[0], 30_000_000);
        await scenario.PayableAwardAsync(applications[1], 30_000_000);
        var pending = await scenario.RecordPayment.RecordAsync(AwardScenario.Finance1, (await scenario.DetailsAsync(first)).Tranches[0].Id, new Krw(1_000_000), null);

        var refused = await scenario.AwardApplication.AwardAsync(AwardScenario.Officer, scenario.Form(applications[2], 30_000_000));
        var noReason = await scenario.CancelAward.CancelAsync(AwardScenario.Officer, first, " ", (await scenario.DetailsAsync(first)).Version);
        var cancelled = await scenario.CancelAward.CancelAsync(AwardScenario.Officer, first, "The organization withdrew from the project", (await scenario.DetailsAsync(first)).Version);
        var afterCancel = await scenario.AwardApplication.AwardAsync(AwardScenario.Officer, scenario.Form(applications[2], 30_000_000));

        Assert.Equal("An award of ₩30,000,000 does not fit the call's envelope: only ₩0 remains.", refused.Message);
        Assert.Equal(Outcome.Invalid, noReason.Outcome);
        Assert.True(cancelled.Succeeded, cancelled.Message);
        Assert.Equal("The award was cancelled; ₩30,000,000 returned to the call's envelope.", cancelled.Message);
        Assert.True(afterCancel.Succeeded, afterCancel.Message);
        var details = await scenario.DetailsAsync(first);
        Assert.Equal(AwardStatus.Cancelled, details.Status);
        Assert.Equal(PaymentStatus.Rejected, AwardScenario.Status(details, pending.Value));
        Assert.Equal(new Krw(60_000_000), (await scenario.AwardQueries.GetCallAsync(AwardScenario.Officer, callId))!.Committed);
        await using var db = await Host.CreateDbContextAsync();
        var audit = await db.AuditEvents.SingleAsync(e => e.Action == "award.cancelled");
        Assert.Equal("The organization withdrew from the project", audit.Reason);
    }

    [Fact]
    public async Task Paid_money_cannot_be_cancelled_away_but_is_reduced_to_and_returned()
    {
        var scenario = await AwardScenario.CreateAsync(Host);
        var (_, applications) = await scenario.CallAsync(300_000_000, 1, 50_000_000);
        var awardId = await scenario.PayableAwardAsync(applications[0], 50_000_000);
        var first = (await scenario.DetailsAsync(awardId)).Tranches[0];
        await scenario.PayAsync(first.Id, 30_000_000);

        var cancel = await scenario.CancelAward.CancelAsync(AwardScenario.Officer, awardId, "Project stopped", (await scenario.DetailsAsync(awardId)).Version);
        var reduce = await scenario.AmendAward.AmendAsync(AwardScenario.Officer, awardId, new Krw(30_000_000), "", "Project stopped after the first half", (await scenario.DetailsAsync(awardId)).Version);
        var tooMuch = await scenario.RecordReturnedFunds.RecordReturnAsync(AwardScenario.Finance1, awardId, new Krw(30_000_001), "Unspent", (await scenario.DetailsAsync(awardId)).Version);
        var returned = await scenario.RecordReturnedFunds.RecordReturnAsync(AwardScenario.Finance1, awardId, new Krw(4_000_000), "Unspent venue money", (await scenario.DetailsAsync(awardId)).Version);

        Assert.Equal("₩30,000,000 has already been paid: reduce the award to what was paid instead, and record any funds returned.", cancel.Message);
        Assert.True(reduce.Succeeded, reduce.Message);
        Assert.Equal("At most ₩30,000,000 can be returned: what was paid and not yet returned.", tooMuch.Message);
        Assert.True(returned.Succeeded, returned.Message);
        var details = await scenario.DetailsAsync(awardId);
        Assert.Equal(new Krw(30_000_000), details.Amount);
        Assert.Equal([new Krw(30_000_000)], details.Tranches.Select(t => t.Amount));
        Assert.Equal(new Krw(4_000_000), details.ReturnedAmount);
    }

    [Fact]
    public async Task A_tranche_not_yet_paid_can_be_moved_and_the_move_is_audited()
    {
        var scenario = await AwardScenario.CreateAsync(Host);
        var (_, applications) = await scenario.CallAsync(300_000_000, 1, 50_000_000);
        var awardId = await scenario.PayableAwardAsync(applications[0], 50_000_000);
        var tranches = (await scenario.DetailsAsync(awardId)).Tranches;
        await scenario.PayAsync(tranches[0].Id, tranches[0].Amount.Won);

        var paidMove = await scenario.ReplanTranche.ReplanTrancheAsync(AwardScenario.Finance1, tranches[0].Id, new NodaTime.LocalDate(2026, 5, 1));
        var moved = await scenario.ReplanTranche.ReplanTrancheAsync(AwardScenario.Finance1, tranches[1].Id, new NodaTime.LocalDate(2026, 10, 15));
        var byApplicant = await scenario.ReplanTranche.ReplanTrancheAsync(scenario.Applicant, tranches[1].Id, new NodaTime.LocalDate(2026, 1, 1));

        Assert.Equal("Only a tranche of an active award that is not fully paid can be moved.", paidMove.Message);
        Assert.True(moved.Succeeded, moved.Message);
        Assert.Equal(Outcome.NotFound, byApplicant.Outcome);
        Assert.Equal(new NodaTime.LocalDate(2026, 10, 15), (await scenario.DetailsAsync(awardId)).Tranches[1].PlannedOn);
        await using var db = await Host.CreateDbContextAsync();
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == "tranche.replanned" && e.ActorId == "finance-1"));
    }

    [Fact]
    public async Task Finalizing_rejects_the_rest_and_tells_each_organization()
    {
        var scenario = await AwardScenario.CreateAsync(Host);
        var (callId, applications) = await scenario.CallAsync(300_000_000, 3, 30_000_000);
        await scenario.AwardAsync(applications[0], 30_000_000);

        var result = await scenario.FinalizeCall.FinalizeAsync(AwardScenario.Officer, callId);
        var again = await scenario.FinalizeCall.FinalizeAsync(AwardScenario.Officer, callId);
        var late = await scenario.AwardApplication.AwardAsync(AwardScenario.Officer, scenario.Form(applications[1], 30_000_000));

        Assert.True(result.Succeeded, result.Message);
        Assert.False(again.Succeeded);
        Assert.False(late.Succeeded);
        var call = await scenario.AwardQueries.GetCallAsync(AwardScenario.Officer, callId);
        Assert.NotNull(call!.FinalizedAt);
        Assert.Equal([ApplicationStatus.Awarded, ApplicationStatus.Rejected, ApplicationStatus.Rejected], call.Candidates.OrderBy(c => c.ApplicationId).Select(c => c.Status));
        var mails = Directory.GetFiles(Host.MailPickupDirectory, "*.eml").Select(File.ReadAllText).ToList();
        Assert.Equal(3, mails.Count);
    }

    [Fact]
    public async Task Award_letter_opens_and_names_the_organization_and_the_amount_in_the_letters_own_style()
    {
        var scenario = await AwardScenario.CreateAsync(Host);
        var (_, applications) = await scenario.CallAsync(300_000_000, 1, 45_000_000);
        var awardId = await scenario.AwardAsync(applications[0], 45_000_000);

        var korean = await scenario.AwardDetails.LetterAsync(scenario.Applicant, awardId, "ko");
        var english = await scenario.AwardDetails.LetterAsync(AwardScenario.Officer, awardId, "en");
        var stranger = await scenario.AwardDetails.LetterAsync(new("applicant-9", "Other", scenario.OrganizationId + 1, new HashSet<string> { Roles.Applicant }), awardId, "ko");

        Assert.Null(stranger);
        var koreanText = Text(korean!.Content);
        Assert.Contains("열린문", koreanText, StringComparison.Ordinal);
        Assert.Contains("4,500만 원", koreanText, StringComparison.Ordinal);
        Assert.DoesNotContain("₩", koreanText, StringComparison.Ordinal);
        Assert.Contains("지원 결정 통지서", koreanText, StringComparison.Ordinal);
        Assert.Contains("중간보고서", koreanText, StringComparison.Ordinal);
        var englishText = Text(english!.Content);
        Assert.Contains("Open Doors Korea", englishText, StringComparison.Ordinal);
        Assert.Contains("Grant award letter", englishText, StringComparison.Ordinal);
        Assert.Contains("₩27,000,000", englishText, StringComparison.Ordinal);
        Assert.DoesNotContain("만 원", englishText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Budget_overview_and_exports_show_committed_and_paid_money()
    {
        var scenario = await AwardScenario.CreateAsync(Host);
        var (_, applications) = await scenario.CallAsync(300_000_000, 3, 50_000_000);
        var first = await scenario.PayableAwardAsync(applications[0], 50_000_000);
        var second = await scenario.PayableAwardAsync(applications[1], 40_000_000 + 10_000_000);
        await scenario.PayAsync((await scenario.DetailsAsync(first)).Tranches[0].Id, 30_000_000);
        await scenario.CancelAward.CancelAsync(AwardScenario.Officer, second, "Withdrawn", (await scenario.DetailsAsync(second)).Version);

        var overview = await scenario.BudgetQueries.OverviewAsync(AwardScenario.Finance1, 2026);

        Assert.NotNull(overview);
        Assert.Equal(new Krw(1_800_000_000), overview.Envelope);
        Assert.Equal(new Krw(300_000_000), overview.Allocated);
        Assert.Equal(new Krw(50_000_000), overview.Committed);
        Assert.Equal(new Krw(30_000_000), overview.Disbursed);
        Assert.Equal((1, 1), (overview.Organizations, overview.Projects));
        Assert.Equal(new Krw(1_750_000_000), overview.Remaining);
        Assert.Equal("2026-03", overview.Timeline[^1].Month);
        Assert.Equal(new Krw(30_000_000), overview.Timeline[^1].Disbursed);
        Assert.Null(await scenario.BudgetQueries.OverviewAsync(scenario.Applicant, 2026));

        using var csv = new MemoryStream();
        Assert.True(await scenario.BudgetExports.ExportAwardsAsync(AwardScenario.Finance1, 2026, ExportFormat.Csv, csv));
        var lines = System.Text.Encoding.UTF8.GetString(csv.ToArray()).TrimEnd().Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Contains("\"Cancelled\"", lines[2], StringComparison.Ordinal);

        using var xlsx = new MemoryStream();
        Assert.True(await scenario.BudgetExports.ExportPaymentsAsync(AwardScenario.Finance1, 2026, ExportFormat.Xlsx, xlsx));
        xlsx.Position = 0;
        using var workbook = SpreadsheetDocument.Open(xlsx, false);
        var rows = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("30000000", rows[1].InnerText, StringComparison.Ordinal);
        Assert.False(await scenario.BudgetExports.ExportPaymentsAsync(scenario.Applicant, 2026, ExportFormat.Csv, new MemoryStream()));
    }

    [Fact]
    public async Task Audit_trail_is_filtered_for_staff_and_hidden_from_applicants()
    {
        var scenario = await AwardScenario.CreateAsync(Host);
        var (_, applications) = await scenario.CallAsync(300_000_000, 1, 50_000_000);
        var awardId = await scenario.PayableAwardAsync(applications[0], 50_000_000);
        await scenario.PayAsync((await scenario.DetailsAsync(awardId)).Tranches[0].Id, 30_000_000);
        var browser = Host.Services.GetRequiredService<AuditBrowser>();

        var payments = await browser.SearchAsync(AwardScenario.Finance2, new AuditQuery { Action = "payment." });
        var byFinance2 = await browser.SearchAsync(AwardScenario.Officer, new AuditQuery { Actor = "Seo" });
        var award = await browser.SearchAsync(AwardScenario.Officer, new AuditQuery { EntityType = "Award", EntityId = awardId.ToString(CultureInfo.InvariantCulture) });

        Assert.Equal(["payment.paid", "payment.approved", "payment.recorded"], payments!.Rows.Select(r => r.Action));
        Assert.Equal(["payment.approved"], byFinance2!.Rows.Select(r => r.Action));
        Assert.Equal(["award.created"], award!.Rows.Select(r => r.Action));
        Assert.Null(await browser.SearchAsync(scenario.Applicant, new AuditQuery()));
    }

    private static string Text(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        return string.Join('\n', document.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
    }
}

public sealed class AwardTests_on_Sqlite : AwardTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartSqliteAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class AwardTests_on_PostgreSql(PostgresCluster cluster) : AwardTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartPostgreSqlAsync(cluster);
}
