using System.Globalization;
using System.Text.RegularExpressions;
using GrantPortal.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GrantPortal.BrowserTests;

/// <summary>An officer ticks rows from the menu's lists and acts on them together, after a confirmation that states the count.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class BatchActionTests(BrowserFixture fixture)
{
    private const float Slow = 20_000;

    // The demo officer reads Korean (their profile's language), so the pages speak Korean to them.

    [Fact]
    public async Task Officer_verifies_two_ticked_organizations_and_hears_one_was_already_verified()
    {
        var numbers = new[] { SignInTests.UniqueRegistrationNumber(), SignInTests.UniqueRegistrationNumber() };
        foreach (var number in numbers)
        {
            var applicant = await fixture.NewPageAsync();
            await applicant.GotoAsync("/Account/Register");
            await SignInTests.RegisterAsync(applicant, $"batch-{Guid.NewGuid():N}@example.org", number);
            await Expect(applicant.GetByTestId("registered-notice")).ToBeVisibleAsync();
            await applicant.Context.CloseAsync();
        }

        var officer = await fixture.NewPageAsync();
        await SignInTests.SignInAsync(officer, DemoAccounts.Officer.Email, DemoAccounts.Password);
        await officer.GetByTestId("nav-Nav_Organizations").ClickAsync();
        // All organizations, so the one verified on its own row stays in the list with its tick.
        await OfficerNavigation.ChooseAsync(officer, officer.GetByTestId("organization-filter"), "전체");
        // The run registers many organizations and the list is paged: the officer finds each by its number. A tick
        // stays when the search changes.
        var search = officer.Locator("input[data-testid=organization-search]");
        // Each step waits for the server: the list filtered to the one row before the tick (a click on a row the
        // filter is replacing is lost), and the count before the next search.
        var rowsShown = officer.Locator("[data-testid=organizations] tbody tr");
        for (var i = 0; i < numbers.Length; i++)
        {
            await search.FillAsync(numbers[i]);
            await Expect(rowsShown).ToHaveCountAsync(1, new() { Timeout = Slow });
            await Expect(rowsShown).ToContainTextAsync(numbers[i]);
            await officer.Locator($"input[data-testid=select-{numbers[i]}]").CheckAsync(new() { Timeout = Slow });
            await Expect(officer.GetByTestId("batch-count")).ToHaveTextAsync($"{i + 1}개 선택됨", new() { Timeout = Slow });
        }

        await Expect(officer.GetByTestId("batch-count")).ToHaveTextAsync("2개 선택됨");
        await search.FillAsync(numbers[0]);
        await Expect(rowsShown).ToHaveCountAsync(1, new() { Timeout = Slow });
        await officer.GetByTestId("verify-" + numbers[0]).ClickAsync();
        await officer.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "승인", Exact = true }).ClickAsync();
        await Expect(officer.GetByTestId("verify-" + numbers[0])).ToHaveCountAsync(0, new() { Timeout = Slow });

        await officer.GetByTestId("batch-verify").ClickAsync();
        await Expect(officer.Locator(".mud-dialog")).ToContainTextAsync("단체 2곳을 승인할까요?");
        await officer.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "승인", Exact = true }).ClickAsync();

        await Expect(officer.GetByTestId("batch-summary")).ToHaveTextAsync("1곳 승인, 1건 건너뜀: 이미 승인됨", new() { Timeout = Slow });
        await Expect(officer.GetByTestId("batch-not-done")).ToContainTextAsync("이미 승인됨");
        await search.FillAsync(numbers[1]);
        await Expect(officer.Locator($"input[data-testid=select-{numbers[1]}]")).ToHaveCountAsync(1);
        await Expect(officer.GetByTestId("verify-" + numbers[1])).ToHaveCountAsync(0);
        await officer.Context.CloseAsync();
    }

    [Fact]
    public async Task Officer_messages_the_applicants_of_two_ticked_applications_from_the_intake()
    {
        var officer = await fixture.NewPageAsync();
        await SignInTests.SignInAsync(officer, DemoAccounts.Officer.Email, DemoAccounts.Password);
        await officer.GetByTestId("nav-Nav_Applications").ClickAsync();
        await Expect(officer.GetByTestId("intake")).ToBeVisibleAsync(new() { Timeout = Slow });
        var ticks = officer.Locator("[data-testid^=select-]:not([data-testid=select-all])");
        await ticks.Nth(0).CheckAsync(new() { Timeout = Slow });
        await ticks.Nth(1).CheckAsync();

        await Expect(officer.GetByTestId("batch-count")).ToHaveTextAsync("2개 선택됨");
        // Sending without a subject or message keeps the selection and says what is missing.
        await officer.GetByTestId("batch-send").ClickAsync();
        await Expect(officer.GetByTestId("batch-bar")).ToContainTextAsync("제목을 입력하세요.", new() { Timeout = Slow });

        var subject = "Interview slots " + Guid.NewGuid().ToString("N")[..6];
        await officer.Locator("[data-testid=message-subject] input, input[data-testid=message-subject]").FillAsync(subject);
        await officer.Locator("[data-testid=message-body] textarea, textarea[data-testid=message-body]").FillAsync("Please choose an interview slot next week.");
        await officer.GetByTestId("batch-send").ClickAsync();
        await Expect(officer.Locator(".mud-dialog")).ToContainTextAsync($"신청서 2건의 신청 단체에 「{subject}」을(를) 보낼까요?");
        await officer.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "신청 단체 2곳에 보내기" }).ClickAsync();

        // Demo organizations other than the two with applicant accounts have nobody who can receive mail yet.
        var summary = officer.GetByTestId("batch-summary");
        await Expect(summary).ToHaveTextAsync(SummaryPattern(), new() { Timeout = Slow });
        var match = SummaryPattern().Match(await summary.InnerTextAsync());
        var sent = int.Parse(match.Groups["sent"].Value, CultureInfo.InvariantCulture);
        var notDone = match.Groups["failed"].Success ? int.Parse(match.Groups["failed"].Value, CultureInfo.InvariantCulture) : 0;
        Assert.Equal(2, sent + notDone);
        await Expect(officer.GetByTestId("batch-bar")).ToHaveCountAsync(0);
        await officer.Context.CloseAsync();
    }

    [GeneratedRegex("^(?<sent>[0-2])건 발송(, (?<failed>[12])건 처리 안 됨: 메일을 받을 수 있는 단체 구성원이 아직 없음)?$")]
    private static partial Regex SummaryPattern();
}
