using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace GrantPortal.Core.Recommendations;

/// <summary>The officer's edited narrative as a file: Markdown for the web and e-mail, DOCX for the ministry's documents.</summary>
public static class AccountabilityExport
{
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static string ToMarkdown(string heading, string text)
    {
        ArgumentNullException.ThrowIfNull(heading);
        var markdown = new StringBuilder();
        markdown.Append("# ").Append(heading.Trim()).Append("\n\n");
        foreach (var paragraph in Paragraphs(text))
        {
            markdown.Append(paragraph).Append("\n\n");
        }

        return markdown.ToString().TrimEnd('\n') + "\n";
    }

    public static byte[] ToDocx(string heading, string text)
    {
        ArgumentNullException.ThrowIfNull(heading);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            body.Append(Paragraph(heading.Trim(), bold: true, size: "32"));
            foreach (var paragraph in Paragraphs(text))
            {
                body.Append(Paragraph(paragraph, bold: false, size: "24"));
            }

            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    /// <summary>Blank lines separate paragraphs; single line breaks inside one are kept as spaces.</summary>
    public static IReadOnlyList<string> Paragraphs(string? text) =>
        (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => string.Join(' ', p.Split('\n', StringSplitOptions.TrimEntries)))
            .Where(p => p.Length > 0)
            .ToList();

    private static Paragraph Paragraph(string text, bool bold, string size)
    {
        var properties = new RunProperties(
            new RunFonts { Ascii = "Malgun Gothic", HighAnsi = "Malgun Gothic", EastAsia = "Malgun Gothic" },
            new FontSize { Val = size });
        if (bold)
        {
            properties.Append(new Bold());
        }

        return new Paragraph(
            new ParagraphProperties(new SpacingBetweenLines { After = "200" }),
            new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }
}
