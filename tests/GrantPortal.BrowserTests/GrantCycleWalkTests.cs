using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using GrantPortal.Core.Data;
using GrantPortal.Demo;
using GrantPortal.Core.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NodaTime;
using static Microsoft.Playwright.Assertions;

namespace GrantPortal.BrowserTests;

/// <summary>
/// The whole grant cycle as the people who live it click through it, from the home page: a new organization registers,
/// the officer verifies it, it applies, the call closes, a reviewer scores, the officer decides and awards, two finance
/// users pay the first tranche, the grantee reports, the officer approves the report and the second tranche is paid.
/// Nobody types an address: each person starts at <c>/</c> and moves by the menus, buttons and links the screens
/// offer, or by the link in a mail the portal sent. It runs once in Korean and once in English; in Korean every page
/// on the way is read for English left in the UI.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class GrantCycleWalkTests(BrowserFixture fixture)
{
    private const float Slow = 30_000;

    /// <summary>The demo's open call that closes seven to fourteen days after seeding.</summary>
    private const string CallCode = "YOUTH";

    private static readonly ResourceManager Resources = new("GrantPortal.Core.Localization.Strings", typeof(Strings).Assembly);

    [Theory]
    [InlineData("ko-KR")]
    [InlineData("en-US")]
    public async Task A_new_organization_walks_the_whole_grant_cycle_by_clicking_from_the_home_page(string locale)
    {
        var clock = new ShiftedClock();
        await using var server = new PortalServer(clock);
        await server.StartAsync();
        var walk = new Walk(fixture, server, locale);
        var unique = Guid.NewGuid().ToString("N")[..8];
        var korean = walk.Language == "ko";
        var organization = korean ? $"새빛 청년인권모임 {unique}" : $"New Light Youth Rights {unique}";
        var number = SignInTests.UniqueRegistrationNumber();
        var email = $"walk-{unique}@newlight.example";
        var title = korean ? $"청년 인권기록가 양성 과정 {unique}" : $"Young human rights documenters course {unique}";
        walk.Allow(organization, title, email, number, unique);

        // A visitor finds how to join from the home page.
        var applicant = await walk.OpenHomeAsync();
        await walk.StepAsync("register", applicant, async () =>
        {
            await applicant.GetByTestId("landing-register").ClickAsync();
            await Expect(applicant.Locator("#reg-org-ko")).ToBeVisibleAsync();
            await walk.CheckAsync(applicant, "registration form");
            await applicant.FillAsync("#reg-org-ko", organization);
            if (!korean)
            {
                await applicant.FillAsync("#reg-org-en", organization);
            }

            await applicant.FillAsync("#reg-number", number);
            await applicant.FillAsync("#reg-contact", korean ? "윤새빛" : "Yoon Saebit");
            await applicant.FillAsync("#reg-email", email);
            await applicant.FillAsync("#reg-phone", "02-555-0192");
            await applicant.FillAsync("#reg-password", SignInTests.TestPassword);
            await applicant.FillAsync("#reg-confirm", SignInTests.TestPassword);
            await applicant.GetByTestId("register-submit").ClickAsync();
            await Expect(applicant.GetByTestId("registered-notice")).ToBeVisibleAsync(new() { Timeout = Slow });
            await SignInTests.WaitUntilInteractiveAsync(applicant);
            await Expect(applicant.Locator($"[data-testid=dashboard-call][data-call-code={CallCode}]").GetByTestId("apply-blocked")).ToBeVisibleAsync();
            await walk.CheckAsync(applicant, "dashboard awaiting verification");
        });

        // The officer verifies the new organization from the menu.
        var officer = await walk.SignInAsync(DemoAccounts.Officer.Email, DemoAccounts.Password);
        await walk.StepAsync("verify", officer, async () =>
        {
            await officer.GetByTestId("nav-Nav_Organizations").ClickAsync();
            await officer.GetByTestId("verify-" + number).ClickAsync(new() { Timeout = Slow });
            await walk.ConfirmDialogAsync(officer, "verify organization");
            await Expect(officer.GetByTestId("verify-" + number)).ToHaveCountAsync(0, new() { Timeout = Slow });
        });

        // The organization hears by mail that it was verified; the mail's link opens its dashboard, where it applies.
        var applicationId = 0;
        await walk.StepAsync("apply", applicant, async () =>
        {
            await applicant.GotoAsync(await walk.LinkInMailAsync(email, "/"));
            var call = applicant.Locator($"[data-testid=dashboard-call][data-call-code={CallCode}]");
            await Expect(call.GetByTestId("apply")).ToBeVisibleAsync(new() { Timeout = Slow });
            await walk.CheckAsync(applicant, "dashboard, verified");
            await call.GetByTestId("apply").ClickAsync();
            await EligibilityTests.PassScreeningAsync(applicant);
            await applicant.WaitForURLAsync(ApplicationUrl(), new() { Timeout = Slow });
            await SignInTests.WaitUntilInteractiveAsync(applicant);
            applicationId = int.Parse(ApplicationUrl().Match(applicant.Url).Groups[1].Value, CultureInfo.InvariantCulture);
            await walk.CheckAsync(applicant, "empty application form");

            await Field(applicant, "field-ProjectTitle").FillAsync(title);
            await Field(applicant, "field-Summary").FillAsync(korean ? "탈북 청년 20명이 인권 침해 증언을 기록하는 법을 배웁니다." : "Twenty young defectors learn to record testimonies of human rights violations.");
            await Field(applicant, "answer-objectives").FillAsync(korean ? "증언 기록 역량을 갖춘 청년 활동가를 기릅니다." : "Train young activists able to document testimony.");
            await Field(applicant, "answer-activities").FillAsync(korean ? "주말 워크숍 8회와 현장 실습을 진행합니다." : "Eight weekend workshops and field practice.");
            await Field(applicant, "answer-beneficiaries").FillAsync(korean ? "탈북 청년 20명" : "Twenty young defectors");
            await applicant.GetByTestId("question-defector_participation").GetByText(korean ? "아니요" : "No", new() { Exact = true }).ClickAsync();
            await Field(applicant, "answer-safety_plan").FillAsync(korean
                ? "참가자 명단은 암호화해 보관하고 사진은 동의한 사람만 촬영하며, 행사장 위치는 참가가 확정된 사람에게만 알립니다."
                : "The participant list is kept encrypted, photos only of those who agree, and the venue is told to confirmed participants only.");
            var year = await walk.ReadCallYearAsync();
            await Walk.TypeDateAsync(applicant, "field-StartDate", $"{year}-03-02");
            await Walk.TypeDateAsync(applicant, "field-EndDate", $"{year}-11-30");
            await OfficerNavigation.ChooseFirstAsync(applicant, applicant.GetByTestId("field-Category"));
            if (await applicant.GetByTestId("budget-line").CountAsync() == 0)
            {
                await applicant.GetByTestId("add-budget-line").ClickAsync();
            }

            await Field(applicant, "budget-item-1").FillAsync(korean ? "강사비" : "Trainers");
            await applicant.Locator("input[data-testid=budget-amount-1]").PressSequentiallyAsync("30000000");
            await Expect(applicant.Locator("input[data-testid=budget-amount-1]")).ToHaveValueAsync("30,000,000");
            await Field(applicant, "budget-justification-1").FillAsync(korean ? "8회 워크숍 강사" : "Eight workshops");

            // The call asks for at least 10% own contribution (자부담): one line of the organization's own funds.
            await applicant.GetByTestId("add-budget-line").ClickAsync();
            await Field(applicant, "budget-item-2").FillAsync(korean ? "단체 자부담" : "Own funds");
            await applicant.Locator("input[data-testid=budget-amount-2]").PressSequentiallyAsync("3400000");
            await applicant.Locator("[data-testid=budget-own-2] input, input[data-testid=budget-own-2]").First.CheckAsync(new() { Force = true });
            var targets = applicant.Locator("[data-testid^=indicator-target-] input, input[data-testid^=indicator-target-]");
            for (var i = 0; i < await targets.CountAsync(); i++)
            {
                await targets.Nth(i).FillAsync("20");
            }

            await applicant.Locator("section[aria-labelledby=attachments-heading] input[type=file]").SetInputFilesAsync(new FilePayload
            {
                Name = "project-plan.pdf",
                MimeType = "application/pdf",
                Buffer = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray(),
            });
            await Expect(applicant.GetByTestId("attachment")).ToContainTextAsync("project-plan.pdf");
            await applicant.Locator("[data-testid=field-DeclarationAccepted] input, input[data-testid=field-DeclarationAccepted]").First.CheckAsync(new() { Force = true });
            await Expect(applicant.GetByTestId("saved-at")).ToBeVisibleAsync(new() { Timeout = Slow });
            await walk.CheckAsync(applicant, "filled application form");
            await applicant.GetByTestId("submit").ClickAsync();
            await Expect(applicant.GetByTestId("receipt")).ToContainTextAsync(ReceiptNumber(), new() { Timeout = Slow });
            await walk.CheckAsync(applicant, "submitted application");
        });

        // Two weeks pass: the call has closed.
        clock.Advance(Duration.FromDays(15));

        // The officer gives the application to a reviewer from the call's page in "Manage calls".
        await walk.StepAsync("assign", officer, async () =>
        {
            await officer.GetByTestId("nav-Nav_Dashboard").ClickAsync();
            await OfficerNavigation.OpenCallReviewPageAsync(officer, CallCode, walk.CallYear, "assignments");
            await walk.CheckAsync(officer, "reviewer assignment");
            var board = officer.GetByTestId($"board-{applicationId}");
            await OfficerNavigation.ChooseAsync(officer, board.GetByTestId($"pick-{applicationId}"), DemoAccounts.Reviewer1.DisplayName);
            await board.GetByTestId($"assign-{applicationId}").ClickAsync();
            await Expect(board.Locator("[data-testid^=assigned-]")).ToContainTextAsync(DemoAccounts.Reviewer1.DisplayName, new() { Timeout = Slow });
        });

        // The reviewer finds the task on the dashboard, declares no conflict, reads the budget and scores.
        var reviewer = await walk.SignInAsync(DemoAccounts.Reviewer1.Email, DemoAccounts.Password);
        await walk.StepAsync("review", reviewer, async () =>
        {
            await reviewer.GetByTestId("dashboard-open-reviews").ClickAsync();
            await reviewer.Locator("[data-testid^=task-]", new() { HasText = title }).ClickAsync(new() { Timeout = Slow });
            await reviewer.GetByTestId("declare-no-conflict").ClickAsync(new() { Timeout = Slow });
            await Expect(reviewer.GetByTestId("scoring-form")).ToBeVisibleAsync(new() { Timeout = Slow });
            await Expect(reviewer.GetByTestId("review-budget")).ToContainTextAsync(korean ? "강사비" : "Trainers");
            await walk.CheckAsync(reviewer, "review form");
            var criteria = await reviewer.Locator("[data-testid^=criterion-]").CountAsync();
            for (var i = 0; i < criteria; i++)
            {
                await Field(reviewer, $"score-{i}").FillAsync("4");
                await Field(reviewer, $"comment-{i}").FillAsync(korean ? "현실적이고 구체적인 계획입니다." : "A realistic, concrete plan.");
                await reviewer.Keyboard.PressAsync("Tab");
            }

            await Field(reviewer, "overall-comment").FillAsync(korean ? "지원을 권합니다." : "I recommend funding it.");
            await reviewer.Keyboard.PressAsync("Tab");
            await reviewer.GetByTestId("recommend-Fund").ClickAsync();
            await Expect(reviewer.GetByTestId("save-state")).Not.ToBeEmptyAsync(new() { Timeout = Slow });
            await reviewer.GetByTestId("submit-review").ClickAsync();
            await walk.ConfirmDialogAsync(reviewer, "submit review");
            await Expect(reviewer.GetByTestId("review-submitted")).ToBeVisibleAsync(new() { Timeout = Slow });
            await walk.CheckAsync(reviewer, "submitted review");
        });

        // The officer records the panel's decision (one review of three: the portal asks first), awards and finalizes.
        var awardId = 0;
        await walk.StepAsync("decide and award", officer, async () =>
        {
            await officer.GetByTestId("nav-Nav_Dashboard").ClickAsync();
            await OfficerNavigation.OpenCallReviewPageAsync(officer, CallCode, walk.CallYear, "ranking");
            var row = officer.GetByTestId($"rank-row-{applicationId}");
            await Expect(row.GetByTestId("raw-rank")).Not.ToHaveTextAsync("–", new() { Timeout = Slow });
            await walk.CheckAsync(officer, "ranking");
            await OfficerNavigation.ChooseAsync(officer, row.GetByTestId("decision"), walk.Text("Ranking_Decision_Fund"));
            await row.GetByTestId("record-decision").ClickAsync();
            await walk.ConfirmDialogAsync(officer, "decision with missing reviews");
            await Expect(row.GetByTestId("recorded-decision")).ToBeVisibleAsync(new() { Timeout = Slow });

            await officer.GetByTestId("nav-Awards_Nav").ClickAsync();
            await OfficerNavigation.ChooseAsync(officer, officer.GetByTestId("awards-call"), $"{walk.CallYear} · {CallCode}");
            await officer.GetByTestId("award-" + applicationId).ClickAsync(new() { Timeout = Slow });
            await Expect(officer.GetByTestId("award-editor")).ToBeVisibleAsync();
            await Expect(officer.GetByTestId("award-error")).ToHaveCountAsync(0);
            await walk.CheckAsync(officer, "award editor");
            await officer.GetByTestId("award-save").ClickAsync();
            await Expect(officer.GetByTestId("award-title")).ToHaveTextAsync(title, new() { Timeout = Slow });
            awardId = int.Parse(AwardUrl().Match(officer.Url).Groups[1].Value, CultureInfo.InvariantCulture);
            await walk.CheckAsync(officer, "award page (officer)");

            await officer.GetByTestId("nav-Awards_Nav").ClickAsync();
            await OfficerNavigation.ChooseAsync(officer, officer.GetByTestId("awards-call"), $"{walk.CallYear} · {CallCode}");
            await officer.GetByTestId("finalize").ClickAsync();
            await walk.ConfirmDialogAsync(officer, "finalize call");
            await Expect(officer.GetByTestId("call-finalized")).ToBeVisibleAsync(new() { Timeout = Slow });
        });

        // The decision reaches the organization by mail; its link opens the award.
        await walk.StepAsync("decision mail", applicant, async () =>
        {
            var link = await walk.LinkInMailAsync(email, $"/awards/{awardId}");
            await applicant.GotoAsync(link);
            await Expect(applicant.GetByTestId("award-title")).ToHaveTextAsync(title, new() { Timeout = Slow });
            await Expect(applicant.GetByTestId("award-audit")).ToHaveCountAsync(0);
            await walk.CheckAsync(applicant, "award page (grantee)");
        });

        // The grantee's checklist and the grant decision (clicked through in GrantAgreementTests): payments may follow.
        await GrantDecisions.DecideAsync(server.Services, awardId);

        // Finance pays the first tranche: finance1 records it from the worklist, finance2 approves and marks it paid.
        var maker = await walk.SignInAsync(DemoAccounts.Finance1.Email, DemoAccounts.Password);
        await walk.StepAsync("record first tranche", maker, async () =>
        {
            await maker.GetByTestId("tranches-month-link").ClickAsync();
            await maker.Locator("[data-testid^=due-this-month-tranche-], [data-testid^=overdue-tranche-]").Filter(new() { HasText = title }).First.ClickAsync(new() { Timeout = Slow });
            await Expect(maker.GetByTestId("award-title")).ToHaveTextAsync(title, new() { Timeout = Slow });
            await walk.CheckAsync(maker, "award page (finance)");
            await maker.GetByTestId("record-payment-1").ClickAsync();
            await Expect(maker.GetByTestId("tranche-1").Locator("[data-testid^=payment-status-]")).ToHaveCountAsync(1, new() { Timeout = Slow });
        });

        var checker = await walk.SignInAsync(DemoAccounts.Finance2.Email, DemoAccounts.Password);
        await walk.PayAsync(checker, title, "EFT-WALK-0001");

        // The grantee writes the interim report from its award; the officer approves it.
        await walk.StepAsync("interim report", applicant, async () =>
        {
            await applicant.GetByTestId("nav-Awards_Nav").ClickAsync();
            await applicant.GetByTestId("my-awards").GetByTestId("award-link").Filter(new() { HasText = title }).ClickAsync();
            await applicant.GetByTestId("open-report-Interim").ClickAsync(new() { Timeout = Slow });
            await Expect(applicant.GetByTestId("report-activities")).ToBeVisibleAsync(new() { Timeout = Slow });
            await SignInTests.WaitUntilInteractiveAsync(applicant);
            await walk.CheckAsync(applicant, "interim report form");
            await Field(applicant, "report-activities").FillAsync(korean ? "워크숍 네 번을 열었습니다." : "Four workshops held.");
            await Field(applicant, "report-outcomes").FillAsync(korean ? "참가자 모두 증언 기록 실습을 마쳤습니다." : "Every participant completed a recorded interview.");
            await Field(applicant, "report-lessons").FillAsync(korean ? "모집을 더 일찍 시작해야 합니다." : "Start recruiting earlier.");
            var actuals = applicant.Locator("[data-testid^=indicator-actual-] input, input[data-testid^=indicator-actual-]");
            for (var i = 0; i < await actuals.CountAsync(); i++)
            {
                await actuals.Nth(i).FillAsync("20");
            }

            await Field(applicant, "spent-0").FillAsync("1000000");
            await applicant.Keyboard.PressAsync("Tab");
            var explanations = applicant.Locator("[data-testid^=explain-] input, input[data-testid^=explain-]");
            for (var i = 0; i < await explanations.CountAsync(); i++)
            {
                await explanations.Nth(i).FillAsync(korean ? "교부가 늦어 워크숍을 다음 달로 미뤘습니다." : "Workshops moved to next month after the late start.");
            }

            await Expect(applicant.GetByTestId("report-autosave")).Not.ToBeEmptyAsync(new() { Timeout = Slow });
            await applicant.GetByTestId("report-submit").ClickAsync();
            await Expect(applicant.GetByTestId("report-message")).ToBeVisibleAsync(new() { Timeout = Slow });
            await walk.CheckAsync(applicant, "submitted interim report");
        });

        await walk.StepAsync("approve report", officer, async () =>
        {
            await officer.GetByTestId("nav-Nav_Reports").ClickAsync();
            await officer.GetByTestId("report-queue").Locator("a", new() { HasText = title }).First.ClickAsync(new() { Timeout = Slow });
            await Expect(officer.GetByTestId("report-review")).ToBeVisibleAsync(new() { Timeout = Slow });
            await walk.CheckAsync(officer, "report review");
            await Field(officer, "review-comment").FillAsync(korean ? "잘 정리되었습니다." : "Clear and complete.");
            await officer.GetByTestId("report-approve").ClickAsync();
            await Expect(officer.GetByTestId("gated-tranches")).ToBeVisibleAsync(new() { Timeout = Slow });
        });

        // With the report approved, the second tranche is recorded from the award page and paid.
        await walk.StepAsync("record second tranche", maker, async () =>
        {
            await maker.GetByTestId("nav-Budget_Nav").ClickAsync();
            await OfficerNavigation.ChooseAsync(maker, maker.GetByTestId("budget-year"), walk.CallYear.ToString(CultureInfo.InvariantCulture));
            await maker.GetByTestId($"budget-award-{awardId}").ClickAsync(new() { Timeout = Slow });
            await Expect(maker.GetByTestId("award-title")).ToHaveTextAsync(title, new() { Timeout = Slow });
            await maker.GetByTestId("record-payment-2").ClickAsync();
            await Expect(maker.GetByTestId("tranche-2").Locator("[data-testid^=payment-status-]")).ToHaveCountAsync(1, new() { Timeout = Slow });
            await walk.CheckAsync(maker, "award page, second tranche recorded");
        });

        await walk.PayAsync(checker, title, "EFT-WALK-0002");

        // The grantee sees the whole award paid, from its dashboard.
        await walk.StepAsync("grantee sees payments", applicant, async () =>
        {
            await applicant.GetByTestId("nav-Nav_Dashboard").ClickAsync();
            await applicant.GetByTestId("dashboard-awards").GetByTestId("award-payments").First.ClickAsync(new() { Timeout = Slow });
            await Expect(applicant.GetByTestId("award-title")).ToHaveTextAsync(title, new() { Timeout = Slow });
            await Expect(applicant.Locator("[data-testid^=payment-status-]")).ToHaveCountAsync(2);
            await walk.CheckAsync(applicant, "award payments (grantee)");
        });

        await walk.CloseAsync();
    }

    private static ILocator Field(IPage page, string testId) =>
        page.Locator($"[data-testid={testId}] input, input[data-testid={testId}], [data-testid={testId}] textarea, textarea[data-testid={testId}]").First;

    [GeneratedRegex(@"/applications/(\d+)$")]
    private static partial Regex ApplicationUrl();

    [GeneratedRegex(@"/awards/(\d+)")]
    private static partial Regex AwardUrl();

    [GeneratedRegex(@"\d{4}-[A-Z0-9]+-\d{4}")]
    private static partial Regex ReceiptNumber();

    /// <summary>The people of one walk, their browser pages, and what the walk checks on each page.</summary>
    private sealed partial class Walk(BrowserFixture fixture, PortalServer server, string locale)
    {
        private readonly List<IPage> pages = [];
        private readonly List<string> allowed = [];

        public string Language { get; } = locale.StartsWith("ko", StringComparison.Ordinal) ? "ko" : "en";

        /// <summary>The budget year of the call the organization applies to, read from its deadline.</summary>
        public int CallYear { get; private set; }

        public void Allow(params string[] texts) => allowed.AddRange(texts);

        public string Text(string key) => Resources.GetString(key, CultureInfo.GetCultureInfo(Language)) ?? throw new InvalidOperationException($"No resource {key}.");

        /// <summary>The budget year of the open call (the demo puts it where a project fits): the project's dates fall inside it.</summary>
        public async Task<int> ReadCallYearAsync()
        {
            await using var db = await server.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
            CallYear = await db.Calls.Where(c => c.Code == CallCode).OrderByDescending(c => c.ClosesAt).Select(c => c.BudgetYear!.Year).FirstAsync();
            return CallYear;
        }

        /// <summary>A new person at the home page, in the walk's language.</summary>
        public async Task<IPage> OpenHomeAsync()
        {
            var page = await fixture.NewPageAsync(locale, baseAddress: server.BaseAddress);
            pages.Add(page);
            await page.GotoAsync("/");
            await SignInTests.WaitUntilInteractiveAsync(page);
            await CheckAsync(page, "home page");
            return page;
        }

        /// <summary>From the home page: "Sign in", the form, the dashboard; then the walk's language if the profile says otherwise.</summary>
        public async Task<IPage> SignInAsync(string email, string password)
        {
            var page = await OpenHomeAsync();
            await StepAsync("sign in " + email, page, async () =>
            {
                await page.GetByTestId("sign-in").ClickAsync();
                await page.FillAsync("#login-email", email);
                await page.FillAsync("#login-password", password);
                await page.GetByTestId("login-submit").ClickAsync();
                await page.WaitForURLAsync(new Regex(@"/(\?.*)?$"), new() { Timeout = Slow });
                await SignInTests.WaitUntilInteractiveAsync(page);
                if (await page.Locator("html").GetAttributeAsync("lang") != Language)
                {
                    await page.GetByTestId("lang-" + Language).ClickAsync();
                    await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", Language, new() { Timeout = Slow });
                    await SignInTests.WaitUntilInteractiveAsync(page);
                }

                await CheckAsync(page, "dashboard of " + email);
            });
            return page;
        }

        /// <summary>The checker's side of a payment: approve it after confirming, then mark it paid after confirming.</summary>
        public Task PayAsync(IPage checker, string title, string bankReference) => StepAsync("pay " + bankReference, checker, async () =>
        {
            await checker.GetByTestId("nav-Finance_Nav").ClickAsync();
            await checker.GetByTestId("awaiting-approval").Locator($"[data-testid^=approve-][aria-label$='{title}']").ClickAsync(new() { Timeout = Slow });
            await Expect(checker.GetByTestId("payment-confirm-facts")).ToContainTextAsync(title);
            await CheckAsync(checker, "approval confirmation");
            await checker.GetByTestId("payment-confirm-yes").ClickAsync();
            await Expect(checker.GetByTestId("finance-message")).ToBeVisibleAsync(new() { Timeout = Slow });
            var row = checker.GetByTestId("awaiting-transfer").Locator("tr", new() { HasText = title });
            await row.Locator("[data-testid^=bank-reference-] input, input[data-testid^=bank-reference-]").FillAsync(bankReference);
            await row.Locator("[data-testid^=mark-paid-]").ClickAsync();
            await Expect(checker.GetByTestId("payment-confirm-facts")).ToContainTextAsync(bankReference);
            await CheckAsync(checker, "transfer confirmation");
            await checker.GetByTestId("payment-confirm-yes").ClickAsync();
            await Expect(checker.GetByTestId("awaiting-transfer").Locator("tr", new() { HasText = title })).ToHaveCountAsync(0, new() { Timeout = Slow });
            await CheckAsync(checker, "finance worklist after payment");
        });

        public async Task ConfirmDialogAsync(IPage page, string what)
        {
            var dialog = page.Locator(".mud-dialog");
            await Expect(dialog).ToBeVisibleAsync(new() { Timeout = Slow });
            await CheckAsync(page, "confirmation: " + what);
            await dialog.Locator(".mud-dialog-actions button").Last.ClickAsync();
            await Expect(dialog).ToHaveCountAsync(0, new() { Timeout = Slow });
        }

        /// <summary>Types a date as a person would into the date field, then leaves it.</summary>
        public static async Task TypeDateAsync(IPage page, string testId, string date)
        {
            var input = page.Locator($"[data-testid={testId}] input, input[data-testid={testId}]").First;
            await input.FillAsync(date);
            await input.PressAsync("Enter");
            await page.Keyboard.PressAsync("Escape");
            await Expect(input).ToHaveValueAsync(date);
        }

        /// <summary>The newest mail to <paramref name="to"/> with a link to <paramref name="path"/>, as the link.</summary>
        public async Task<string> LinkInMailAsync(string to, string path)
        {
            for (var attempt = 0; attempt < 60; attempt++)
            {
                var files = Directory.Exists(server.MailFolder) ? Directory.GetFiles(server.MailFolder, "*.eml") : [];
                foreach (var file in files.OrderByDescending(File.GetLastWriteTimeUtc))
                {
                    var message = await MimeKit.MimeMessage.LoadAsync(file);
                    if (!message.To.Mailboxes.Any(m => string.Equals(m.Address, to, StringComparison.OrdinalIgnoreCase)))
                    {
                        continue;
                    }

                    var link = MailLink().Matches(message.TextBody ?? "").Select(m => m.Value).FirstOrDefault(l => new Uri(l).AbsolutePath == path);
                    if (link is not null)
                    {
                        return new Uri(link).PathAndQuery;
                    }
                }

                await Task.Delay(500);
            }

            throw new InvalidOperationException($"No mail to {to} links to {path}.");
        }

        /// <summary>Runs one step of the walk; a failure says which step, as whom, on which page, and what the server logged.</summary>
        public async Task StepAsync(string name, IPage page, Func<Task> step)
        {
            try
            {
                await step();
            }
            catch (Exception ex)
            {
                throw new InvalidOperationException($"The {Language} walk failed at \"{name}\" on {page.Url}: {ex.Message}\n{server.Errors.Describe()}", ex);
            }
        }

        /// <summary>The page speaks the walk's language: in Korean, no English UI text at all.</summary>
        public async Task CheckAsync(IPage page, string where)
        {
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", Language);
            if (Language == "ko")
            {
                var checker = (await KoreanText.FromDatabaseAsync(server.Services)).Allow([.. allowed]);
                await checker.AssertNoEnglishAsync(page, where);
            }
        }

        public async Task CloseAsync()
        {
            foreach (var page in pages)
            {
                await page.Context.CloseAsync();
            }
        }

        [GeneratedRegex(@"https?://[^\s<>""]+")]
        private static partial Regex MailLink();
    }
}
