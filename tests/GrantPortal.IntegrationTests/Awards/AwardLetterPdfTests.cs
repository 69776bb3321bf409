using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using GrantPortal.Core.Documents;
using GrantPortal.IntegrationTests.Infrastructure;
using UglyToad.PdfPig;

namespace GrantPortal.IntegrationTests.Awards;

/// <summary>The award letter as a PDF: the same content as the Word letter, with its Korean text embedded and extractable.</summary>
public abstract class AwardLetterPdfTests : ProviderTest
{
    protected AwardLetterPdfTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

    [Fact]
    public async Task Pdf_letter_opens_with_the_organizations_korean_name_and_says_what_the_word_letter_says()
    {
        var scenario = await AwardScenario.CreateAsync(Host);
        var (_, applications) = await scenario.CallAsync(300_000_000, 1, 45_000_000);
        var awardId = await scenario.AwardAsync(applications[0], 45_000_000);

        var pdf = (await scenario.AwardDetails.LetterAsync(scenario.Applicant, awardId, "ko", DocumentFileFormat.Pdf))!;
        var docx = (await scenario.AwardDetails.LetterAsync(scenario.Applicant, awardId, "ko"))!;
        var english = (await scenario.AwardDetails.LetterAsync(AwardScenario.Finance1, awardId, "en", DocumentFileFormat.Pdf))!;

        Assert.Equal(("application/pdf", $"award-letter-2026-C1-0001-ko.pdf"), (pdf.ContentType, pdf.FileName));
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(pdf.Content, 0, 5), StringComparison.Ordinal);
        var text = PdfText(pdf.Content);
        Assert.Contains("열린문", text, StringComparison.Ordinal);
        Assert.Contains("4,500만원", text, StringComparison.Ordinal);
        Assert.Contains("지원결정통지서", text, StringComparison.Ordinal);
        Assert.Contains("사업비는전용계좌로관리합니다.", text, StringComparison.Ordinal);
        // Every paragraph and table cell of the Word letter is in the PDF, in the same order.
        Assert.Contains(Squeeze(string.Concat(DocxParagraphs(docx.Content))), text, StringComparison.Ordinal);
        var englishText = PdfText(english.Content);
        Assert.Contains("OpenDoorsKorea", englishText, StringComparison.Ordinal);
        Assert.Contains("₩27,000,000", englishText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pdf_letter_of_another_organizations_award_is_not_found()
    {
        var scenario = await AwardScenario.CreateAsync(Host);
        var (_, applications) = await scenario.CallAsync(300_000_000, 1, 45_000_000);
        var awardId = await scenario.AwardAsync(applications[0], 45_000_000);
        var stranger = new CurrentUser("applicant-9", "Other", scenario.OrganizationId + 1, new HashSet<string> { Roles.Applicant });
        var reviewer = new CurrentUser("reviewer-1", "Reviewer", null, new HashSet<string> { Roles.Reviewer });

        Assert.Null(await scenario.AwardDetails.LetterAsync(stranger, awardId, "ko", DocumentFileFormat.Pdf));
        Assert.Null(await scenario.AwardDetails.LetterAsync(reviewer, awardId, "ko", DocumentFileFormat.Pdf));
        Assert.Null(await scenario.AwardDetails.LetterAsync(AwardScenario.Officer, awardId + 1000, "ko", DocumentFileFormat.Pdf));
    }

    private static string PdfText(byte[] content)
    {
        using var document = PdfDocument.Open(content);
        return string.Concat(document.GetPages().Select(p => Squeeze(p.Text)));
    }

    private static List<string> DocxParagraphs(byte[] content)
    {
        using var stream = new MemoryStream(content);
        using var document = WordprocessingDocument.Open(stream, false);
        return document.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).ToList();
    }

    /// <summary>Text without white space: where a PDF extractor puts spaces between placed words is its guess.</summary>
    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}

public sealed class AwardLetterPdfTests_on_Sqlite : AwardLetterPdfTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartSqliteAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class AwardLetterPdfTests_on_PostgreSql(PostgresCluster cluster) : AwardLetterPdfTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartPostgreSqlAsync(cluster);
}
