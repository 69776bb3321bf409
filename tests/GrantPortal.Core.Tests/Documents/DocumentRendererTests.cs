using System.Text;
using DocumentFormat.OpenXml.Packaging;
using GrantPortal.Core.Documents;
using UglyToad.PdfPig;

namespace GrantPortal.Core.Tests.Documents;

public sealed class DocumentRendererTests
{
    // A4 in whole points, as PDFsharp writes it.
    private const double A4Width = 595;
    private const double A4Height = 842;

    [Fact]
    public void Pdf_carries_every_block_in_an_embedded_korean_font_whose_text_can_be_extracted()
    {
        var content = new DocumentContent("교부결정 통지서", [
            new DocumentHeading("사업 개요"),
            new DocumentParagraph("수신: 사단법인 열린문\n사업명: 청년 인권 아카데미"),
            new DocumentFields([new DocumentField("지원 금액", "4,500만 원"), new DocumentField("전용 계좌", "국민은행 123-456-789012")]),
            new DocumentTable(["회차", "지급 예정일", "금액"], [["1", "2026-04-01", "2,700만 원"], ["2", "2026-08-01", "1,800만 원"]], RightAligned: new HashSet<int> { 2 }),
        ]);

        var pdf = PdfRenderer.Write(content);

        using var document = PdfDocument.Open(pdf);
        var text = Squeezed(document);
        foreach (var expected in new[] { "교부결정 통지서", "사업 개요", "수신: 사단법인 열린문", "사업명: 청년 인권 아카데미", "지원 금액", "4,500만 원", "국민은행 123-456-789012", "지급 예정일", "2,700만 원", "1 / 1" })
        {
            Assert.Contains(Squeeze(expected), text, StringComparison.Ordinal);
        }

        Assert.All(document.GetPage(1).Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)), l => Assert.Contains("NanumGothic", l.FontName, StringComparison.Ordinal));
        // A TrueType font program inside the file: the reader needs no Korean font of its own.
        Assert.Contains("/FontFile2", Encoding.Latin1.GetString(pdf), StringComparison.Ordinal);
        Assert.Equal("교부결정 통지서", document.Information.Title);
    }

    [Fact]
    public void Long_table_continues_on_new_pages_with_its_header_repeated_and_every_row_once()
    {
        var rows = Enumerable.Range(1, 120).Select(i => (IReadOnlyList<string>)[$"행{i:000}", "항목 설명", "1,000,000"]).ToList();
        var content = new DocumentContent("긴 표", [new DocumentTable(["번호", "내용", "금액"], rows)]);

        using var document = PdfDocument.Open(PdfRenderer.Write(content));

        Assert.True(document.NumberOfPages >= 3, $"{document.NumberOfPages} pages");
        var pages = document.GetPages().Select(p => Squeeze(p.Text)).ToList();
        Assert.All(pages, p => Assert.Contains("번호내용금액", p, StringComparison.Ordinal));
        var all = string.Concat(pages);
        Assert.All(Enumerable.Range(1, 120), i => Assert.Single(Occurrences(all, $"행{i:000}")));
        Assert.Contains($"{document.NumberOfPages}/{document.NumberOfPages}", pages[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Long_text_and_a_word_wider_than_the_line_wrap_inside_the_margins_of_an_a4_page()
    {
        var sentence = string.Concat(Enumerable.Repeat("보조사업자는 보조금을 다른 용도에 사용하여서는 아니 됩니다. ", 40));
        var unbroken = new string('가', 150);
        var content = new DocumentContent("조건", [new DocumentParagraph(sentence), new DocumentParagraph(unbroken), new DocumentTable(["a", "b"], [[unbroken, "x"]])]);

        using var document = PdfDocument.Open(PdfRenderer.Write(content));

        var page = document.GetPage(1);
        Assert.Equal((A4Width, A4Height), (Math.Round(page.Width), Math.Round(page.Height)));
        var letters = document.GetPages().SelectMany(p => p.Letters).Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
        Assert.All(letters, l => Assert.InRange(l.BoundingBox.Right, 72 - 1, A4Width - 72 + 1));
        Assert.Equal(150 * 2, letters.Count(l => l.Value == "가"));
    }

    [Fact]
    public void Docx_and_pdf_of_the_same_content_say_the_same()
    {
        var content = new DocumentContent("Grant award letter", [
            new DocumentHeading("Amount"),
            new DocumentParagraph("₩45,000,000", Bold: true),
            new DocumentFields([new DocumentField("Account", "KB 123-456")]),
            new DocumentTable(["Tranche", "Amount"], [["1", "₩27,000,000"]]),
        ]);

        using var stream = new MemoryStream(DocxRenderer.Write(content));
        using var docx = WordprocessingDocument.Open(stream, false);
        var paragraphs = docx.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).ToList();
        using var pdf = PdfDocument.Open(PdfRenderer.Write(content));

        Assert.Equal(["Grant award letter", "Amount", "₩45,000,000", "Account", "KB 123-456", "Tranche", "Amount", "1", "₩27,000,000"], paragraphs);
        Assert.Contains(Squeeze(string.Concat(paragraphs)), Squeezed(pdf), StringComparison.Ordinal);
    }

    private static string Squeezed(PdfDocument document) => string.Concat(document.GetPages().Select(p => Squeeze(p.Text)));

    /// <summary>Text without white space: a PDF places words, and where the extractor puts spaces is its guess.</summary>
    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static IEnumerable<int> Occurrences(string text, string value)
    {
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            yield return i;
        }
    }
}
