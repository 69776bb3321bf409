using System.Globalization;
using GrantPortal.Core.Data;
using GrantPortal.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using UglyToad.PdfPig;
using static Microsoft.Playwright.Assertions;

namespace GrantPortal.BrowserTests;

/// <summary>The award letter as PDF and the year's spending by category, downloaded by clicking from the home page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DocumentDownloadTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Officer_opens_an_award_from_the_budget_and_downloads_its_letter_as_a_pdf_naming_the_organization_in_korean()
    {
        var page = await fixture.NewPageAsync();
        await SignInTests.SignInAsync(page, DemoAccounts.Officer.Email, DemoAccounts.Password);
        await page.GetByTestId("nav-Budget_Nav").ClickAsync();
        await AwardTests.ChooseAsync(page, "budget-year", "2023");
        var firstAward = page.Locator("[data-testid^=budget-award-]").First;
        await Expect(firstAward).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await firstAward.ClickAsync();
        await Expect(page.GetByTestId("award-title")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        var awardId = int.Parse(page.Url[(page.Url.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("letter-pdf-ko").ClickAsync());

        Assert.EndsWith("-ko.pdf", download.SuggestedFilename, StringComparison.Ordinal);
        var content = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(content, 0, 5));
        using var pdf = PdfDocument.Open(content);
        var text = Squeeze(string.Concat(pdf.GetPages().Select(p => p.Text)));
        Assert.Contains(Squeeze(await KoreanNameAsync(awardId)), text, StringComparison.Ordinal);
        Assert.Contains("지원결정통지서", text, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Finance_downloads_the_years_spending_by_category_from_the_budget_page()
    {
        var page = await fixture.NewPageAsync();
        await SignInTests.SignInAsync(page, DemoAccounts.Finance1.Email, DemoAccounts.Password);
        await page.GetByTestId("nav-Budget_Nav").ClickAsync();
        await AwardTests.ChooseAsync(page, "budget-year", "2023");
        await Expect(page.GetByTestId("export-spending-csv")).ToHaveAttributeAsync("href", "/budget/2023/spending.csv", new() { Timeout = 20_000 });

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-spending-csv").ClickAsync());

        Assert.Equal("spending-2023.csv", download.SuggestedFilename);
        var lines = (await File.ReadAllTextAsync((await download.PathAsync())!)).TrimStart('\uFEFF').TrimEnd().Split('\n')
            .Select(l => l.TrimEnd('\r')[1..^1].Split("\",\""))
            .ToList();
        Assert.Equal(["Year", "AwardId", "Receipt"], lines[0][..3]);
        var grant = lines[0].ToList().IndexOf("Budget grant (KRW)");
        var status = lines[0].ToList().IndexOf("AwardStatus");
        Assert.True(lines.Count > 29, $"{lines.Count} lines");
        Assert.All(lines.Skip(1), l => Assert.Equal("2023", l[0]));
        // The categories of every award add up to what was given in 2023.
        Assert.Equal(2_000_000_000, lines.Skip(1).Where(l => l[status] != "Cancelled").Sum(l => long.Parse(l[grant], CultureInfo.InvariantCulture)));
        await page.Context.CloseAsync();
    }

    private async Task<string> KoreanNameAsync(int awardId)
    {
        await using var db = await fixture.Server.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.Awards.Where(a => a.Id == awardId).Select(a => a.Application!.Organization!.NameKorean).SingleAsync();
    }

    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
