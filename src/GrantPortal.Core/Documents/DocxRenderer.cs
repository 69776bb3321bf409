using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace GrantPortal.Core.Documents;

/// <summary>A <see cref="DocumentContent"/> as a Word document (A4, one-inch margins) that any word processor opens.</summary>
public static class DocxRenderer
{
    // Word documents name fonts rather than carry them: Noto CJK is what the servers and CI have, and Word falls back
    // to Malgun Gothic on Korean Windows desktops. The PDF carries its own font (see PdfRenderer).
    private const string KoreanFont = "Noto Sans CJK KR";

    public static byte[] Write(DocumentContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            document.PackageProperties.Title = content.Title;

            body.Append(Heading(content.Title, 32));
            foreach (var block in content.Blocks)
            {
                switch (block)
                {
                    case DocumentHeading heading:
                        body.Append(Heading(heading.Text, 24));
                        break;
                    case DocumentParagraph paragraph:
                        foreach (var line in Lines(paragraph.Text))
                        {
                            body.Append(Text(line, paragraph.Bold));
                        }

                        break;
                    case DocumentFields fields:
                        body.Append(Fields(fields));
                        break;
                    case DocumentTable table:
                        body.Append(Grid(table));
                        break;
                }
            }

            body.Append(new SectionProperties(new PageSize { Width = 11906, Height = 16838 }, new PageMargin { Top = 1440, Bottom = 1440, Left = 1440, Right = 1440 }));
            main.Document.Save();
        }

        return stream.ToArray();
    }

    internal static IEnumerable<string> Lines(string text) => text.Split('\n').Select(l => l.TrimEnd('\r'));

    private static Paragraph Heading(string text, int halfPoints) =>
        new(new ParagraphProperties(new SpacingBetweenLines { Before = "240", After = "120" }), new Run(Properties(bold: true, halfPoints), new Text(text)));

    private static Paragraph Text(string text, bool bold = false) =>
        new(new Run(Properties(bold, 22), new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static Table Fields(DocumentFields fields)
    {
        var table = new Table(new TableProperties(new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }));
        foreach (var field in fields.Rows)
        {
            table.Append(new TableRow(
                Cell(field.Label, bold: true, 22, width: 1500),
                Cell(field.Value, bold: false, 22, width: 3500)));
        }

        return table;
    }

    private static Table Grid(DocumentTable source)
    {
        var shares = source.Shares();
        var table = new Table(new TableProperties(
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 })));
        // The header row repeats on every page the table runs onto, as in the PDF.
        var header = new TableRow(source.Header.Select((h, i) => Cell(h, bold: true, 20, Fiftieths(shares[i]), source.IsRightAligned(i))));
        header.PrependChild(new TableRowProperties(new TableHeader()));
        table.Append(header);
        foreach (var row in source.Rows)
        {
            table.Append(new TableRow(row.Select((c, i) => Cell(c, bold: false, 20, Fiftieths(shares[Math.Min(i, shares.Count - 1)]), source.IsRightAligned(i)))));
        }

        return table;
    }

    /// <summary>A share of the table as Word's percentage unit (fiftieths of a percent).</summary>
    private static int Fiftieths(double share) => (int)Math.Round(share * 5000);

    private static TableCell Cell(string text, bool bold, int halfPoints, int width, bool right = false)
    {
        var cell = new TableCell(new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Pct, Width = width.ToString(CultureInfo.InvariantCulture) }));
        foreach (var line in Lines(text))
        {
            var paragraph = new Paragraph(new Run(Properties(bold, halfPoints), new Text(line) { Space = SpaceProcessingModeValues.Preserve }));
            if (right)
            {
                paragraph.PrependChild(new ParagraphProperties(new Justification { Val = JustificationValues.Right }));
            }

            cell.Append(paragraph);
        }

        return cell;
    }

    private static RunProperties Properties(bool bold, int halfPoints)
    {
        var properties = new RunProperties(new RunFonts { EastAsia = KoreanFont, Ascii = "Calibri", HighAnsi = "Calibri" });
        if (bold)
        {
            properties.Append(new Bold());
        }

        properties.Append(new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) });
        return properties;
    }
}
