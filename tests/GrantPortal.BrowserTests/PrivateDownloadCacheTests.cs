using GrantPortal.Core.Applications;
using GrantPortal.Core.Data;
using GrantPortal.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using NodaTime;
using static Microsoft.Playwright.Assertions;

namespace GrantPortal.BrowserTests;

/// <summary>Every private download tells browsers and proxies not to keep a copy: <c>Cache-Control: no-store</c>.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PrivateDownloadCacheTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Attachments_receipts_letters_and_exports_are_not_stored_by_the_browser()
    {
        var (attachmentId, receiptId, awardId, year) = await StoredFilesAsync();
        var officer = await fixture.NewPageAsync();
        await SignInTests.SignInAsync(officer, DemoAccounts.Officer.Email, DemoAccounts.Password);

        foreach (var path in new[]
        {
            $"/attachments/{attachmentId}", $"/reports/receipts/{receiptId}", $"/awards/{awardId}/letter.docx",
            $"/awards/{awardId}/letter.pdf", $"/budget/{year}/awards.csv", $"/budget/{year}/payments.xlsx", $"/budget/{year}/spending.csv",
            $"/budget/{year}/spending.xlsx", "/applications/export.csv", "/applications/export.xlsx",
        })
        {
            var response = await officer.Context.APIRequest.GetAsync(path);
            Assert.True(response.Status == 200, $"{path} answered {response.Status}.");
            Assert.True(response.Headers.TryGetValue("cache-control", out var cache) && cache == "no-store", $"{path} sent Cache-Control: {cache}.");
        }

        // The accountability narrative is posted from its page's form and comes back as a file.
        await officer.GetByTestId("nav-Nav_Recommendations").ClickAsync();
        await officer.GetByTestId("to-accountability").ClickAsync();
        await officer.GetByTestId("accountability-generate").ClickAsync();
        await Expect(officer.GetByTestId("text-en")).Not.ToHaveValueAsync("");
        var exported = await officer.RunAndWaitForResponseAsync(
            () => officer.GetByTestId("export-md-en").ClickAsync(),
            response => response.Url.Contains("/accountability/export", StringComparison.Ordinal));
        Assert.Equal(200, exported.Status);
        Assert.Equal("no-store", exported.Headers["cache-control"]);
        await officer.Context.CloseAsync();
    }

    /// <summary>The demo data has no files: put one on a submitted application and one on a report, as uploads would.</summary>
    private async Task<(int Attachment, int Receipt, int Award, int Year)> StoredFilesAsync()
    {
        var directory = fixture.Server.Services.GetRequiredService<IOptions<AttachmentOptions>>().Value.Directory;
        Directory.CreateDirectory(directory);
        await using var db = await fixture.Server.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var applicationId = await db.Applications.Where(a => a.SubmittedAt != null).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
        var reportId = await db.ProjectReports.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
        var uploader = await db.Users.Where(u => u.Email == DemoAccounts.Applicant1.Email).Select(u => u.Id).SingleAsync();
        var attachment = File(uploader, a => a.ApplicationId = applicationId, directory);
        var receipt = File(uploader, a => a.ProjectReportId = reportId, directory);
        db.Attachments.AddRange(attachment, receipt);
        await db.SaveChangesAsync();

        var award = await db.Awards.OrderBy(a => a.Id).Select(a => new { a.Id, a.CallId }).FirstAsync();
        var year = await db.Calls.Where(c => c.Id == award.CallId).Select(c => c.BudgetYear!.Year).SingleAsync();
        return (attachment.Id, receipt.Id, award.Id, year);
    }

    private static Attachment File(string uploader, Action<Attachment> owner, string directory)
    {
        var content = "%PDF-1.4\n%%EOF\n"u8.ToArray();
        var attachment = new Attachment
        {
            StoredName = Guid.NewGuid().ToString("N"),
            DisplayName = "receipt.pdf",
            Kind = AttachmentKind.Pdf,
            SizeBytes = content.Length,
            Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)),
            UploadedById = uploader,
            UploadedAt = SystemClock.Instance.GetCurrentInstant(),
        };
        owner(attachment);
        System.IO.File.WriteAllBytes(Path.Combine(directory, attachment.StoredName), content);
        return attachment;
    }
}
