using System.Globalization;
using System.Text.RegularExpressions;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Applications;
using GrantPortal.Core.Awards;
using GrantPortal.Core.Calls;
using GrantPortal.Core.Data;
using GrantPortal.Core.Disbursements;
using GrantPortal.Core.Money;
using GrantPortal.Core.Reporting;
using GrantPortal.Core.Time;
using GrantPortal.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NodaTime;
using static Microsoft.Playwright.Assertions;

namespace GrantPortal.BrowserTests;

/// <summary>The settlement (정산) by clicking: the grantee's sheet with evidence, the officer's confirmation, the return received by two finance users.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SettlementTests(BrowserFixture fixture)
{
    private const int Year = 2093;

    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();

    [Fact]
    public async Task Grantee_submits_the_settlement_with_evidence_the_officer_confirms_and_two_finance_users_receive_the_return()
    {
        var title = "Settlement walk " + Guid.NewGuid().ToString("N")[..6];
        var awardId = await PaidAwardForApplicant1Async(title);

        // The grantee: home page → its award → the final report → the settlement sheet.
        var grantee = await fixture.NewPageAsync("ko-KR");
        await SignInTests.SignInAsync(grantee, DemoAccounts.Applicant1.Email, DemoAccounts.Password);
        await grantee.GetByTestId("dashboard-awards").GetByTestId("award-link").Filter(new() { HasText = title }).ClickAsync();
        await grantee.WaitForURLAsync(new Regex(@"/awards/\d+$"));
        await grantee.GetByTestId("open-report-Final").ClickAsync();
        await Expect(grantee.GetByTestId("settlement-sheet")).ToBeVisibleAsync();
        await SignInTests.WaitUntilInteractiveAsync(grantee);
        await Field(grantee, "report-activities").FillAsync("워크숍을 여덟 번 열었습니다.");
        await Field(grantee, "report-outcomes").FillAsync("참가자 서른 명이 증언 기록을 익혔습니다.");
        await Field(grantee, "report-lessons").FillAsync("모집을 더 일찍 시작해야 합니다.");
        await Field(grantee, "spent-0").FillAsync("23000000");
        await Field(grantee, "explain-0").FillAsync("2차분을 받지 않고 사업을 마쳤습니다.");
        await Field(grantee, "own-spent-0").FillAsync("5000000");
        await Field(grantee, "settlement-interest").FillAsync("12000");
        await Expect(grantee.GetByTestId("evidence-upload-0")).ToBeAttachedAsync(new() { Timeout = 20_000 });
        await Expect(grantee.GetByTestId("evidence-needed-0")).ToHaveTextAsync("증빙 필요");

        // Without the line's evidence the report is refused, naming the line.
        await grantee.GetByTestId("report-submit").ClickAsync();
        await Expect(grantee.GetByTestId("report-error").Filter(new() { HasText = "Workshops" })).ToContainTextAsync("세금계산서");

        await OfficerNavigation.ChooseAsync(grantee, grantee.GetByTestId("evidence-kind"), "계좌이체 확인증");
        await grantee.Locator("input[type=file][data-testid=evidence-upload-0], [data-testid=evidence-upload-0] input[type=file]").SetInputFilesAsync(new FilePayload { Name = "이체확인증.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await Expect(grantee.GetByTestId("evidence-0")).ToContainTextAsync("이체확인증.pdf (계좌이체 확인증)");
        await grantee.GetByTestId("report-submit").ClickAsync();
        await Expect(grantee.GetByTestId("report-message")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Expect(grantee.GetByTestId("report-status").First).ToHaveTextAsync("제출됨");
        await grantee.Context.CloseAsync();

        // The officer: the budget's award list → the award → the final report → approve; back to the award → confirm.
        var officer = await fixture.NewPageAsync("ko-KR");
        await SignInTests.SignInAsync(officer, DemoAccounts.Officer.Email, DemoAccounts.Password);
        await OpenAwardFromBudgetAsync(officer, awardId, title);
        await officer.GetByTestId("open-report-Final").ClickAsync();
        await Expect(officer.GetByTestId("report-review")).ToBeVisibleAsync();
        await SignInTests.WaitUntilInteractiveAsync(officer);
        await Expect(officer.GetByTestId("evidence-0")).ToContainTextAsync("이체확인증.pdf");
        await officer.GetByTestId("report-approve").ClickAsync();
        await Expect(officer.GetByTestId("report-message")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await OpenAwardFromBudgetAsync(officer, awardId, title);
        await Expect(officer.GetByTestId("settlement-row-Activities")).ToContainTextAsync("2,300만 원");
        await Expect(officer.GetByTestId("settlement-return")).ToContainTextAsync("101만 2,000원");
        await officer.GetByTestId("settlement-confirm").ClickAsync();
        await officer.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "정산 확정", Exact = true }).ClickAsync();
        await Expect(officer.GetByTestId("settlement-status")).ToHaveTextAsync("정산 확정 · 종결", new() { Timeout = 20_000 });
        await Expect(officer.GetByTestId("award-closed-on")).ToBeVisibleAsync();
        await officer.Context.CloseAsync();
        var settlementId = await SettlementIdAsync(awardId);

        // Finance: finance1 records the return as received, finance2 confirms it.
        var maker = await fixture.NewPageAsync("ko-KR");
        await SignInTests.SignInAsync(maker, DemoAccounts.Finance1.Email, DemoAccounts.Password);
        await maker.GetByTestId("nav-Finance_Nav").ClickAsync();
        await SignInTests.WaitUntilInteractiveAsync(maker);
        await Field(maker, "receivable-reference-" + settlementId).FillAsync("RTN-BROWSER-1");
        await maker.GetByTestId("receivable-record-" + settlementId).ClickAsync();
        await Expect(maker.GetByTestId("own-receivable-" + settlementId)).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await maker.Context.CloseAsync();

        var checker = await fixture.NewPageAsync("ko-KR");
        await SignInTests.SignInAsync(checker, DemoAccounts.Finance2.Email, DemoAccounts.Password);
        await checker.GetByTestId("nav-Finance_Nav").ClickAsync();
        await SignInTests.WaitUntilInteractiveAsync(checker);
        await checker.GetByTestId("receivable-confirm-" + settlementId).ClickAsync();
        await Expect(checker.GetByTestId("receivable-message")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Expect(checker.GetByTestId("receivable-confirm-" + settlementId)).ToHaveCountAsync(0);
        await checker.Context.CloseAsync();

        await using var db = await DbAsync();
        var award = await db.Awards.SingleAsync(a => a.Id == awardId);
        Assert.Equal(AwardStatus.Completed, award.Status);
        Assert.Equal(new Krw(1_012_000), award.ReturnedAmount);
        Assert.Equal(new Krw(40_000_000), award.Amount);
        Assert.Equal(ReturnStatus.Received, (await db.Settlements.SingleAsync(s => s.Id == settlementId)).ReturnStatus);
    }

    private static async Task OpenAwardFromBudgetAsync(IPage page, int awardId, string title)
    {
        await page.GetByTestId("nav-Budget_Nav").ClickAsync();
        await AwardTests.ChooseAsync(page, "budget-year", Year.ToString(CultureInfo.InvariantCulture));
        await page.GetByTestId($"budget-award-{awardId}").ClickAsync();
        await Expect(page.GetByTestId("award-title")).ToHaveTextAsync(title);
        await SignInTests.WaitUntilInteractiveAsync(page);
    }

    private static ILocator Field(IPage page, string testId) =>
        page.Locator($"[data-testid={testId}] textarea, textarea[data-testid={testId}], [data-testid={testId}] input, input[data-testid={testId}]").First;

    private async Task<PortalDbContext> DbAsync() =>
        await fixture.Server.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();

    private async Task<int> SettlementIdAsync(int awardId)
    {
        await using var db = await DbAsync();
        return await db.Settlements.Where(s => s.AwardId == awardId).Select(s => s.Id).SingleAsync();
    }

    /// <summary>
    /// An award of ₩40,000,000 to applicant1's organization in a budget year of its own, its grant decision issued and
    /// its first tranche (₩24,000,000) paid by two finance users; the value is its id.
    /// </summary>
    private async Task<int> PaidAwardForApplicant1Async(string title)
    {
        var now = SystemClock.Instance.GetCurrentInstant();
        var today = Seoul.Today(SystemClock.Instance);
        var services = fixture.Server.Services;
        int applicationId;
        string holder;
        CurrentUser officer, grantee, finance1, finance2;
        await using (var db = await DbAsync())
        {
            var applicant = await db.Users.SingleAsync(u => u.Email == DemoAccounts.Applicant1.Email);
            var organizationId = applicant.OrganizationId!.Value;
            grantee = new CurrentUser(applicant.Id, applicant.DisplayName, organizationId, new HashSet<string> { Roles.Applicant });
            holder = await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.NameKorean).SingleAsync();
            officer = await StaffAsync(db, DemoAccounts.Officer.Email, Roles.ProgramOfficer);
            finance1 = await StaffAsync(db, DemoAccounts.Finance1.Email, Roles.Finance);
            finance2 = await StaffAsync(db, DemoAccounts.Finance2.Email, Roles.Finance);
            var year = await db.BudgetYears.SingleOrDefaultAsync(y => y.Year == Year) ?? BudgetYear.Open(Year, new Krw(1_000_000_000));
            if (year.Id == 0)
            {
                db.BudgetYears.Add(year);
                await db.SaveChangesAsync();
            }

            var code = "ST" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
            var call = new Call
            {
                BudgetYearId = year.Id,
                Code = code,
                TitleEnglish = "Settlement call " + code,
                TitleKorean = "정산 시험 공모 " + code,
                Envelope = new Krw(200_000_000),
                MinimumRequest = new Krw(1_000_000),
                MaximumRequest = new Krw(150_000_000),
                OpensAt = now - Duration.FromDays(300),
                ClosesAt = now - Duration.FromDays(250),
                ReviewDueOn = today.PlusDays(-240),
            };
            call.Publish(now - Duration.FromDays(300));
            db.Calls.Add(call);
            await db.SaveChangesAsync();
            var application = Application.StartDraft(call, organizationId, applicant.Id, now - Duration.FromDays(260));
            application.ProjectTitle = title;
            application.StartDate = today.PlusDays(-200);
            application.EndDate = today.PlusDays(-10);
            application.BudgetLines.Add(new BudgetLine { Order = 0, Category = BudgetCategory.Activities, Item = "Workshops", Amount = new Krw(40_000_000), Justification = "8 workshops" });
            application.BudgetLines.Add(new BudgetLine { Order = 1, Category = BudgetCategory.Venue, Item = "Own hall", Amount = new Krw(5_000_000), Justification = "자부담", IsOwnContribution = true });
            application.Submit($"{Year}-{code}-0001", now - Duration.FromDays(251));
            application.StartReview();
            application.RecordPanelDecision(PanelDecision.Fund, "지원");
            db.Applications.Add(application);
            await db.SaveChangesAsync();
            applicationId = application.Id;
        }

        var form = AwardForm.Proposed(applicationId, new Krw(40_000_000), today, today.PlusDays(-200), today.PlusDays(-10));
        var awarded = await services.GetRequiredService<AwardApplication>().AwardAsync(officer, form);
        Assert.True(awarded.Succeeded, awarded.Message);
        var awardId = awarded.Value;

        Assert.True((await services.GetRequiredService<AcceptAwardConditions>().AcceptAsync(grantee, awardId)).Succeeded);
        var account = new BankAccountForm { BankCode = "004", AccountNumber = "123456-01-234567", Holder = holder };
        Assert.True((await services.GetRequiredService<RegisterBankAccount>().RegisterAsync(grantee, awardId, account)).Succeeded);
        await using (var bankBook = new MemoryStream(Pdf))
        {
            Assert.True((await services.GetRequiredService<UploadBankBook>().UploadAsync(grantee, awardId, "통장사본.pdf", bankBook)).Succeeded);
        }

        Assert.True((await services.GetRequiredService<SignPledge>().SignAsync(grantee, awardId, "김하늘", "대표")).Succeeded);
        Assert.True((await services.GetRequiredService<SubmitAgreement>().SubmitAsync(grantee, awardId)).Succeeded);
        Assert.True((await services.GetRequiredService<IssueGrantDecision>().IssueAsync(officer, awardId)).Succeeded);

        await using (var db = await DbAsync())
        {
            var first = await db.Tranches.Where(t => t.AwardId == awardId).OrderBy(t => t.Sequence).FirstAsync();
            var recorded = await services.GetRequiredService<RecordPayment>().RecordAsync(finance1, first.Id, first.Amount, null);
            Assert.True(recorded.Succeeded, recorded.Message);
            Assert.True((await services.GetRequiredService<ApprovePayment>().ApproveAsync(finance2, recorded.Value, 0)).Succeeded);
            Assert.True((await services.GetRequiredService<MarkPaymentPaid>().MarkPaidAsync(finance1, recorded.Value, "EFT-SETTLE", today, 1)).Succeeded);
            Assert.Equal(new Krw(24_000_000), first.Amount);
        }

        return awardId;
    }

    private static async Task<CurrentUser> StaffAsync(PortalDbContext db, string email, string role)
    {
        var user = await db.Users.SingleAsync(u => u.Email == email);
        return new CurrentUser(user.Id, user.DisplayName, null, new HashSet<string> { role });
    }
}
