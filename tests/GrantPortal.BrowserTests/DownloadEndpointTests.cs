using GrantPortal.Core.Data;
using GrantPortal.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GrantPortal.BrowserTests;

/// <summary>The award letter and the budget exports, as a signed-in browser fetches them: staff get the file, others "not found".</summary>
[Collection(BrowserCollection.Name)]
public sealed class DownloadEndpointTests(BrowserFixture fixture)
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [Fact]
    public async Task Officer_gets_the_award_letter_and_the_budget_exports_and_another_organization_gets_not_found()
    {
        var (awardId, year) = await AwardOfAnotherOrganizationThanAsync(DemoAccounts.Applicant2.Email);
        var officer = await fixture.NewPageAsync();
        await SignInTests.SignInAsync(officer, DemoAccounts.Officer.Email, DemoAccounts.Password);

        var letter = await officer.Context.APIRequest.GetAsync($"/awards/{awardId}/letter.docx?lang=en");
        var awards = await officer.Context.APIRequest.GetAsync($"/budget/{year}/awards.csv");
        var payments = await officer.Context.APIRequest.GetAsync($"/budget/{year}/payments.xlsx");
        var pdf = await officer.Context.APIRequest.GetAsync($"/budget/{year}/awards.pdf");
        var letterPdf = await officer.Context.APIRequest.GetAsync($"/awards/{awardId}/letter.pdf?lang=ko");

        Assert.Equal(200, letter.Status);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", letter.Headers["content-type"]);
        Assert.Equal("nosniff", letter.Headers["x-content-type-options"]);
        Assert.Equal(200, awards.Status);
        Assert.StartsWith("text/csv", awards.Headers["content-type"], StringComparison.Ordinal);
        Assert.Equal($"attachment; filename=\"awards-{year}.csv\"", awards.Headers["content-disposition"]);
        Assert.Equal((200, Xlsx), (payments.Status, payments.Headers["content-type"]));
        Assert.Equal(404, pdf.Status);
        Assert.Equal((200, "application/pdf"), (letterPdf.Status, letterPdf.Headers["content-type"]));
        await officer.Context.CloseAsync();

        var stranger = await fixture.NewPageAsync();
        await SignInTests.SignInAsync(stranger, DemoAccounts.Applicant2.Email, DemoAccounts.Password);
        Assert.Equal(404, (await stranger.Context.APIRequest.GetAsync($"/awards/{awardId}/letter.docx")).Status);
        Assert.Equal(404, (await stranger.Context.APIRequest.GetAsync($"/budget/{year}/awards.csv")).Status);
        Assert.Equal(404, (await stranger.Context.APIRequest.GetAsync($"/awards/{awardId}/letter.pdf")).Status);
        Assert.Equal(404, (await stranger.Context.APIRequest.GetAsync($"/budget/{year}/spending.csv")).Status);
        await stranger.Context.CloseAsync();
    }

    [Fact]
    public async Task Anyone_signed_out_is_sent_to_sign_in_instead_of_a_download()
    {
        var (awardId, year) = await AwardOfAnotherOrganizationThanAsync(DemoAccounts.Applicant2.Email);
        var page = await fixture.NewPageAsync();

        foreach (var path in new[] { $"/awards/{awardId}/letter.docx", $"/budget/{year}/payments.csv", "/applications/export.csv", "/applications/export.xlsx", "/attachments/1", "/reports/receipts/1" })
        {
            var response = await page.Context.APIRequest.GetAsync(path, new APIRequestContextOptions { MaxRedirects = 0 });
            Assert.Equal(302, response.Status);
            Assert.Contains("/Account/Login", response.Headers["location"], StringComparison.Ordinal);
        }

        await page.Context.CloseAsync();
    }

    private async Task<(int AwardId, int Year)> AwardOfAnotherOrganizationThanAsync(string email)
    {
        await using var db = await fixture.Server.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var organizationId = await db.Users.Where(u => u.Email == email).Select(u => u.OrganizationId).SingleAsync();
        var award = await db.Awards.Where(a => a.OrganizationId != organizationId).OrderBy(a => a.Id).Select(a => new { a.Id, a.CallId }).FirstAsync();
        var year = await db.Calls.Where(c => c.Id == award.CallId).Select(c => c.BudgetYear!.Year).SingleAsync();
        return (award.Id, year);
    }
}
