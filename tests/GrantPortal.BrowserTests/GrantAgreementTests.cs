using System.Globalization;
using System.Text.RegularExpressions;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Applications;
using GrantPortal.Core.Awards;
using GrantPortal.Core.Calls;
using GrantPortal.Core.Data;
using GrantPortal.Core.Disbursements;
using GrantPortal.Core.Money;
using GrantPortal.Core.Time;
using GrantPortal.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NodaTime;
using UglyToad.PdfPig;
using static Microsoft.Playwright.Assertions;

namespace GrantPortal.BrowserTests;

/// <summary>The grant agreement (교부) by clicking: the grantee's checklist, the officer's decision, the first payment.</summary>
[Collection(BrowserCollection.Name)]
public sealed class GrantAgreementTests(BrowserFixture fixture)
{
    private const int Year = 2094;

    [Fact]
    public async Task Grantee_completes_the_checklist_the_officer_issues_the_decision_and_two_finance_users_pay_the_first_tranche()
    {
        var title = "Agreement walk " + Guid.NewGuid().ToString("N")[..6];
        var (awardId, holder) = await AwardForApplicant1Async(title);

        // The grantee: home page → its award → the four steps → submit.
        var grantee = await fixture.NewPageAsync("ko-KR");
        await SignInTests.SignInAsync(grantee, DemoAccounts.Applicant1.Email, DemoAccounts.Password);
        await grantee.GetByTestId("dashboard-awards").GetByTestId("award-link").Filter(new() { HasText = title }).ClickAsync();
        await grantee.WaitForURLAsync(new Regex(@"/awards/\d+$"));
        await SignInTests.WaitUntilInteractiveAsync(grantee);
        await Expect(grantee.GetByTestId("agreement-status")).ToHaveTextAsync("작성 중");
        await Expect(grantee.GetByTestId("agreement-conditions")).ToContainTextAsync("전용 계좌로만 관리");
        await Expect(grantee.GetByTestId("agreement-submit")).ToBeDisabledAsync();
        await grantee.GetByTestId("agreement-accept").ClickAsync();
        await Expect(grantee.GetByTestId("step-conditions")).ToHaveAttributeAsync("data-done", "true");

        await OfficerNavigation.ChooseAsync(grantee, grantee.GetByTestId("agreement-bank"), "신한은행");
        await Field(grantee, "agreement-account-number").FillAsync("110-12-3456");
        await Field(grantee, "agreement-holder").FillAsync(holder);
        await grantee.GetByTestId("agreement-register").ClickAsync();
        await Expect(grantee.GetByTestId("agreement")).ToContainTextAsync("신한은행 계좌번호는 11, 12자리입니다");
        await Field(grantee, "agreement-account-number").FillAsync("110-123-456789");
        await grantee.GetByTestId("agreement-register").ClickAsync();
        await Expect(grantee.GetByTestId("agreement-pending-account")).ToContainTextAsync("********6789");
        await Expect(grantee.GetByTestId("step-account")).ToHaveAttributeAsync("data-done", "true");
        await Expect(grantee.GetByTestId("agreement-pending-account-holder-warning")).ToHaveCountAsync(0);

        await grantee.GetByTestId("agreement-bankbook-upload").Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "통장사본.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray(),
        });
        await Expect(grantee.GetByTestId("step-bankbook")).ToHaveAttributeAsync("data-done", "true");
        await Expect(grantee.GetByTestId("agreement-pending-account-bankbook")).ToContainTextAsync("통장사본.pdf");

        await Field(grantee, "agreement-signer-name").FillAsync("김민지");
        await Field(grantee, "agreement-signer-position").FillAsync("대표");
        await grantee.GetByTestId("agreement-sign").ClickAsync();
        await Expect(grantee.GetByTestId("agreement-pledge")).ToContainTextAsync("김민지(대표)");
        await grantee.GetByTestId("agreement-submit").ClickAsync();
        await Expect(grantee.GetByTestId("agreement-status")).ToHaveTextAsync("제출됨(담당자 검토 대기)");
        await grantee.Context.CloseAsync();

        // The officer: home page → the card of agreements waiting → the award → the grant decision → the notice.
        var officer = await fixture.NewPageAsync("ko-KR");
        await SignInTests.SignInAsync(officer, DemoAccounts.Officer.Email, DemoAccounts.Password);
        await officer.GetByTestId("agreement-waiting-" + awardId).ClickAsync();
        await officer.WaitForURLAsync(new Regex(@"/awards/\d+#agreement$"));
        await SignInTests.WaitUntilInteractiveAsync(officer);
        await officer.GetByTestId("agreement-decide").ClickAsync();
        await Expect(officer.GetByTestId("agreement-status")).ToHaveTextAsync("교부결정 완료");
        await Expect(officer.GetByTestId("agreement-approved-account")).ToContainTextAsync("승인");
        var download = await officer.RunAndWaitForDownloadAsync(() => officer.GetByTestId("decision-pdf").ClickAsync());
        Assert.EndsWith("-ko.pdf", download.SuggestedFilename, StringComparison.Ordinal);
        using (var pdf = PdfDocument.Open(await File.ReadAllBytesAsync((await download.PathAsync())!)))
        {
            var text = Squeeze(string.Concat(pdf.GetPages().Select(p => p.Text)));
            Assert.Contains("교부결정통지서", text, StringComparison.Ordinal);
            Assert.Contains(Squeeze(holder), text, StringComparison.Ordinal);
            Assert.Contains("신한은행********6789", text, StringComparison.Ordinal);
            Assert.Contains("김민지(대표)", text, StringComparison.Ordinal);
        }

        await officer.Context.CloseAsync();

        // Finance: finance1 records the first tranche from the budget's award list (to the approved account), finance2 approves.
        var maker = await fixture.NewPageAsync("ko-KR");
        await SignInTests.SignInAsync(maker, DemoAccounts.Finance1.Email, DemoAccounts.Password);
        await maker.GetByTestId("nav-Budget_Nav").ClickAsync();
        await AwardTests.ChooseAsync(maker, "budget-year", Year.ToString(CultureInfo.InvariantCulture));
        await maker.GetByTestId($"budget-award-{awardId}").ClickAsync();
        await Expect(maker.GetByTestId("award-title")).ToHaveTextAsync(title);
        await SignInTests.WaitUntilInteractiveAsync(maker);
        await maker.GetByTestId("record-payment-1").ClickAsync();
        await Expect(maker.GetByTestId("tranche-1").Locator("[data-testid^=payment-account-]")).ToContainTextAsync("신한은행 ********6789");
        var paymentId = await PaymentIdAsync(awardId);
        await maker.Context.CloseAsync();

        var checker = await fixture.NewPageAsync("ko-KR");
        await SignInTests.SignInAsync(checker, DemoAccounts.Finance2.Email, DemoAccounts.Password);
        await checker.GetByTestId("nav-Finance_Nav").ClickAsync();
        await Expect(checker.GetByTestId("payment-account-" + paymentId)).ToContainTextAsync("신한은행 ********6789");
        await checker.GetByTestId("approve-" + paymentId).ClickAsync();
        await checker.GetByTestId("payment-confirm-yes").ClickAsync();
        await Expect(checker.GetByTestId("finance-message")).ToHaveTextAsync("지급이 승인되었습니다.", new() { Timeout = 20_000 });
        await checker.Context.CloseAsync();

        await using var db = await DbAsync();
        var payment = await db.Payments.SingleAsync(p => p.Id == paymentId);
        Assert.Equal(PaymentStatus.Approved, payment.Status);
        var approved = await db.BankAccounts.SingleAsync(a => a.AwardId == awardId && a.Status == BankAccountStatus.Approved);
        Assert.Equal(approved.Id, payment.BankAccountId);
    }

    private static ILocator Field(IPage page, string testId) =>
        page.Locator($"[data-testid={testId}] input, input[data-testid={testId}]").First;

    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private async Task<PortalDbContext> DbAsync() =>
        await fixture.Server.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();

    private async Task<int> PaymentIdAsync(int awardId)
    {
        await using var db = await DbAsync();
        return await db.Payments.Where(p => p.AwardId == awardId).Select(p => p.Id).SingleAsync();
    }

    /// <summary>An award of ₩80,000,000 to applicant1's organization, in a budget year of its own; the value is its id and the organization's Korean name.</summary>
    private async Task<(int AwardId, string Holder)> AwardForApplicant1Async(string title)
    {
        var clock = SystemClock.Instance;
        var now = clock.GetCurrentInstant();
        var today = Seoul.Today(clock);
        var services = fixture.Server.Services;
        int applicationId;
        string holder;
        CurrentUser officer;
        await using (var db = await DbAsync())
        {
            var organizationId = await db.Users.Where(u => u.Email == DemoAccounts.Applicant1.Email).Select(u => u.OrganizationId!.Value).SingleAsync();
            holder = await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.NameKorean).SingleAsync();
            var officerUser = await db.Users.SingleAsync(u => u.Email == DemoAccounts.Officer.Email);
            officer = new CurrentUser(officerUser.Id, officerUser.DisplayName, null, new HashSet<string> { Roles.ProgramOfficer });
            var year = await db.BudgetYears.SingleOrDefaultAsync(y => y.Year == Year) ?? BudgetYear.Open(Year, new Krw(1_000_000_000));
            if (year.Id == 0)
            {
                db.BudgetYears.Add(year);
                await db.SaveChangesAsync();
            }

            var code = "GA" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
            var call = new Call
            {
                BudgetYearId = year.Id,
                Code = code,
                TitleEnglish = "Grant agreement call " + code,
                TitleKorean = "교부 시험 공모 " + code,
                Envelope = new Krw(200_000_000),
                MinimumRequest = new Krw(1_000_000),
                MaximumRequest = new Krw(150_000_000),
                OpensAt = now - Duration.FromDays(30),
                ClosesAt = now - Duration.FromDays(1),
                ReviewDueOn = today,
                AwardConditionsKorean = "보조금은 전용 계좌로만 관리합니다.",
                AwardConditionsEnglish = "The grant is kept only in the dedicated account.",
            };
            call.Publish(now - Duration.FromDays(30));
            db.Calls.Add(call);
            await db.SaveChangesAsync();
            var application = Application.StartDraft(call, organizationId, "browser-test", now - Duration.FromDays(10));
            application.ProjectTitle = title;
            application.StartDate = today.PlusDays(7);
            application.EndDate = today.PlusDays(200);
            application.BudgetLines.Add(new BudgetLine { Order = 0, Category = BudgetCategory.Activities, Item = "Workshops", Amount = new Krw(80_000_000), Justification = "10 workshops" });
            application.Submit($"{Year}-{code}-0001", now - Duration.FromDays(2));
            application.StartReview();
            application.RecordPanelDecision(PanelDecision.Fund, "지원");
            db.Applications.Add(application);
            await db.SaveChangesAsync();
            applicationId = application.Id;
        }

        var form = AwardForm.Proposed(applicationId, new Krw(80_000_000), today, today.PlusDays(7), today.PlusDays(200));
        var awarded = await services.GetRequiredService<AwardApplication>().AwardAsync(officer, form);
        Assert.True(awarded.Succeeded, awarded.Message);
        return (awarded.Value, holder);
    }
}
