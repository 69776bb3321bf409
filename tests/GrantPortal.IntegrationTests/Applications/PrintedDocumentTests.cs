using System.Globalization;
using GrantPortal.Core.Applications;
using GrantPortal.Core.Reporting;
using GrantPortal.IntegrationTests.Infrastructure;
using GrantPortal.IntegrationTests.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace GrantPortal.IntegrationTests.Applications;

/// <summary>The PDF of a submitted application and of a submitted report, for the organization's files and nobody else's.</summary>
public abstract class PrintedDocumentTests : ProviderTest
{
    protected PrintedDocumentTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ko");

    [Fact]
    public async Task Submitted_application_and_its_final_report_print_as_pdfs_naming_the_project_for_its_organization_only()
    {
        await ReportingScenario.SeedAsync(Host);
        await using var db = await Host.CreateDbContextAsync();
        var award = await db.Awards.AsNoTracking().OrderBy(a => a.Id)
            .Select(a => new { a.ApplicationId, a.OrganizationId, a.Application!.ProjectTitle, a.Application.ReceiptNumber, ReportId = a.Reports.Where(r => r.SubmittedAt != null).Select(r => (int?)r.Id).FirstOrDefault() })
            .FirstAsync(a => a.ReportId != null);
        var draft = await db.Applications.AsNoTracking().Where(a => a.Status == ApplicationStatus.Draft).Select(a => new { a.Id, a.OrganizationId }).FirstAsync();
        var stranger = ReportingScenario.ApplicantOf(await db.Organizations.Where(o => o.Id != award.OrganizationId).Select(o => o.Id).FirstAsync());
        var owner = ReportingScenario.ApplicantOf(award.OrganizationId);
        var applications = Host.Services.GetRequiredService<PrintedApplication>();
        var reports = Host.Services.GetRequiredService<PrintedReport>();

        var application = (await applications.PdfAsync(owner, award.ApplicationId))!;
        var report = (await reports.PdfAsync(owner, award.ReportId!.Value))!;

        Assert.Equal(("application/pdf", $"application-{award.ReceiptNumber}.pdf"), (application.ContentType, application.FileName));
        Assert.Contains(Squeeze(award.ProjectTitle), PdfText(application.Content), StringComparison.Ordinal);
        Assert.Contains(Squeeze(award.ReceiptNumber!), PdfText(application.Content), StringComparison.Ordinal);
        Assert.Contains(Squeeze(award.ProjectTitle), PdfText(report.Content), StringComparison.Ordinal);
        Assert.NotNull(await applications.PdfAsync(ReportingScenario.Officer, award.ApplicationId));
        Assert.Null(await applications.PdfAsync(stranger, award.ApplicationId));
        Assert.Null(await reports.PdfAsync(stranger, award.ReportId.Value));
        Assert.Null(await applications.PdfAsync(ReportingScenario.ApplicantOf(draft.OrganizationId), draft.Id));
    }

    private static string PdfText(byte[] content)
    {
        using var document = PdfDocument.Open(content);
        return string.Concat(document.GetPages().Select(p => Squeeze(p.Text)));
    }

    /// <summary>Text without white space: where a PDF extractor puts spaces between placed words is its guess.</summary>
    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}

public sealed class PrintedDocumentTests_on_Sqlite : PrintedDocumentTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartSqliteAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class PrintedDocumentTests_on_PostgreSql(PostgresCluster cluster) : PrintedDocumentTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartPostgreSqlAsync(cluster);
}
