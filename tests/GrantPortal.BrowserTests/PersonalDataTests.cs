using System.Text.Json;
using GrantPortal.Demo;
using static Microsoft.Playwright.Assertions;

namespace GrantPortal.BrowserTests;

/// <summary>A data-subject request: the administrator finds the person on the admin page and downloads what the portal holds about them.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PersonalDataTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Administrator_exports_everything_about_an_applicant_from_the_admin_page()
    {
        var page = await fixture.NewPageAsync("en-US");
        await SignInTests.SignInAsync(page, DemoAccounts.Administrator.Email, DemoAccounts.Password);
        await page.GetByTestId("nav-Nav_Admin").ClickAsync();
        await SignInTests.WaitUntilInteractiveAsync(page);
        var search = page.Locator("input[data-testid=admin-search]");
        await search.FillAsync(DemoAccounts.Applicant1.Email);
        var export = page.GetByTestId($"personal-data-{DemoAccounts.Applicant1.Email}");
        await Expect(export).ToBeVisibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => export.ClickAsync());
        var failure = await download.FailureAsync();
        Assert.True(failure is null, failure + "\n" + fixture.Server.Errors.Describe());

        Assert.StartsWith("personal-data-", download.SuggestedFilename, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync((await download.PathAsync())!));
        var root = json.RootElement;
        Assert.Equal(DemoAccounts.Applicant1.Email, root.GetProperty("account").GetProperty("email").GetString());
        Assert.Equal(DemoAccounts.Applicant1.DisplayName, root.GetProperty("account").GetProperty("displayName").GetString());
        Assert.NotEqual(JsonValueKind.Null, root.GetProperty("organization").ValueKind);
        Assert.NotEmpty(root.GetProperty("records").GetProperty("Application.CreatedById").EnumerateArray());
        Assert.DoesNotContain("PasswordHash", json.RootElement.GetRawText(), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Export_posted_from_another_site_without_the_token_is_refused()
    {
        var page = await fixture.NewPageAsync();
        await SignInTests.SignInAsync(page, DemoAccounts.Administrator.Email, DemoAccounts.Password);

        var forged = await page.Context.APIRequest.PostAsync("/admin/people/any/personal-data", new()
        {
            Form = page.Context.APIRequest.CreateFormData(),
            Headers = new Dictionary<string, string> { ["Origin"] = "https://attacker.example" },
            MaxRedirects = 0,
        });

        Assert.Equal(400, forged.Status);
        await page.Context.CloseAsync();
    }
}
