using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace GrantPortal.Core.Documents;

/// <summary>
/// A <see cref="DocumentContent"/> as a PDF with PDFsharp: A4, one-inch margins as the DOCX, text wrapped at spaces
/// (and inside a word only when the word alone is wider than the line), tables whose header repeats on each page,
/// and page numbers. Text is written in NanumGothic, embedded as a subset with a Unicode map, so Korean is shown
/// without fonts on the reader's side and can be searched and copied.
/// </summary>
public static class PdfRenderer
{
    public static byte[] Write(DocumentContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        EmbeddedFonts.Install();
        using var document = new PdfDocument();
        document.Info.Title = content.Title;
        document.Info.Creator = "GrantPortal";
        var pages = new PdfPageWriter(document);
        pages.Heading(content.Title, pages.TitleFont, spaceBefore: 0);
        foreach (var block in content.Blocks)
        {
            switch (block)
            {
                case DocumentHeading heading:
                    pages.Heading(heading.Text, pages.HeadingFont, spaceBefore: 12);
                    break;
                case DocumentParagraph paragraph:
                    pages.Paragraph(paragraph.Text, paragraph.Bold ? pages.BoldFont : pages.BodyFont);
                    break;
                case DocumentFields fields:
                    pages.Fields(fields);
                    break;
                case DocumentTable table:
                    pages.Table(table);
                    break;
            }
        }

        pages.Finish();
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }
}

/// <summary>Writes lines down the pages of one PDF, starting a page when the next line or table row does not fit.</summary>
internal sealed class PdfPageWriter
{
    private const double Margin = 72;
    private const double CellPadding = 3;
    private const double LineSpacing = 1.45;

    private readonly PdfDocument document;
    private XGraphics graphics;
    private double width;
    private double bottom;
    private double y;

    public PdfPageWriter(PdfDocument document)
    {
        this.document = document;
        TitleFont = Font(16, bold: true);
        HeadingFont = Font(12, bold: true);
        BodyFont = Font(11, bold: false);
        BoldFont = Font(11, bold: true);
        CellFont = Font(10, bold: false);
        CellBoldFont = Font(10, bold: true);
        graphics = NewPage();
    }

    public XFont TitleFont { get; }

    public XFont HeadingFont { get; }

    public XFont BodyFont { get; }

    public XFont BoldFont { get; }

    private XFont CellFont { get; }

    private XFont CellBoldFont { get; }

    public void Heading(string text, XFont font, double spaceBefore)
    {
        var lines = Wrap(text, font, width);
        // Keep a heading with the first lines that follow it.
        Reserve(spaceBefore + (lines.Count * Height(font)) + (2 * Height(BodyFont)));
        y += spaceBefore;
        foreach (var line in lines)
        {
            graphics.DrawString(line, font, XBrushes.Black, new XPoint(Margin, y), XStringFormats.TopLeft);
            y += Height(font);
        }

        y += 4;
    }

    public void Paragraph(string text, XFont font)
    {
        foreach (var line in Wrap(text, font, width))
        {
            Reserve(Height(font));
            graphics.DrawString(line, font, XBrushes.Black, new XPoint(Margin, y), XStringFormats.TopLeft);
            y += Height(font);
        }

        y += 3;
    }

    public void Fields(DocumentFields fields)
    {
        var labelWidth = width * 0.3;
        foreach (var field in fields.Rows)
        {
            var label = Wrap(field.Label, BoldFont, labelWidth - CellPadding);
            var value = Wrap(field.Value, BodyFont, width - labelWidth);
            var height = Math.Max(label.Count, value.Count) * Height(BodyFont);
            Reserve(height);
            Draw(label, BoldFont, Margin, y);
            Draw(value, BodyFont, Margin + labelWidth, y);
            y += height + 2;
        }

        y += 3;
    }

    public void Table(DocumentTable table)
    {
        var columns = table.Shares().Select(s => s * width).ToList();
        var header = Cells(table.Header, CellBoldFont, columns);
        var rows = table.Rows.Select(r => Cells(r, CellFont, columns)).ToList();
        Reserve(RowHeight(header) + (rows.Count > 0 ? RowHeight(rows[0]) : 0));
        DrawRow(table, header, CellBoldFont, columns, shaded: true);
        foreach (var row in rows)
        {
            if (!Fits(RowHeight(row)))
            {
                graphics = NextPage();
                DrawRow(table, header, CellBoldFont, columns, shaded: true);
            }

            DrawRow(table, row, CellFont, columns, shaded: false);
        }

        y += 8;
    }

    /// <summary>Ends the last page and numbers every page ("2 / 3") at its foot.</summary>
    public void Finish()
    {
        graphics.Dispose();
        var font = Font(8, bold: false);
        for (var i = 0; i < document.PageCount; i++)
        {
            var page = document.Pages[i];
            using var footer = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var text = string.Create(CultureInfo.InvariantCulture, $"{i + 1} / {document.PageCount}");
            var x = (page.Width.Point - footer.MeasureString(text, font).Width) / 2;
            footer.DrawString(text, font, XBrushes.Gray, new XPoint(x, page.Height.Point - (Margin / 2)), XStringFormats.TopLeft);
        }
    }

    private static XFont Font(double size, bool bold) =>
        new(EmbeddedFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, XPdfFontOptions.UnicodeDefault);

    private static double Height(XFont font) => font.Size * LineSpacing;

    private bool Fits(double height) => y + height <= bottom;

    /// <summary>Starts a new page unless <paramref name="height"/> fits; at the top of a page it is drawn anyway.</summary>
    private void Reserve(double height)
    {
        if (!Fits(height) && y > Margin)
        {
            graphics = NextPage();
        }
    }

    private XGraphics NextPage()
    {
        graphics.Dispose();
        return NewPage();
    }

    private XGraphics NewPage()
    {
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        width = page.Width.Point - (2 * Margin);
        bottom = page.Height.Point - Margin;
        y = Margin;
        return XGraphics.FromPdfPage(page);
    }

    private List<List<string>> Cells(IReadOnlyList<string> row, XFont font, List<double> columns) =>
        columns.Select((w, i) => Wrap(i < row.Count ? row[i] : "", font, w - (2 * CellPadding))).ToList();

    private double RowHeight(List<List<string>> cells) => (cells.Max(c => c.Count) * Height(CellFont)) + (2 * CellPadding);

    private void DrawRow(DocumentTable table, List<List<string>> cells, XFont font, List<double> columns, bool shaded)
    {
        var height = RowHeight(cells);
        if (shaded)
        {
            graphics.DrawRectangle(XBrushes.WhiteSmoke, Margin, y, width, height);
            graphics.DrawLine(XPens.Gray, Margin, y, Margin + width, y);
        }

        var x = Margin;
        for (var i = 0; i < columns.Count; i++)
        {
            var top = y + CellPadding;
            foreach (var line in cells[i])
            {
                var left = table.IsRightAligned(i) ? x + columns[i] - CellPadding - graphics.MeasureString(line, font).Width : x + CellPadding;
                graphics.DrawString(line, font, XBrushes.Black, new XPoint(left, top), XStringFormats.TopLeft);
                top += Height(font);
            }

            x += columns[i];
        }

        y += height;
        graphics.DrawLine(XPens.Gray, Margin, y, Margin + width, y);
    }

    private void Draw(List<string> lines, XFont font, double x, double top)
    {
        foreach (var line in lines)
        {
            graphics.DrawString(line, font, XBrushes.Black, new XPoint(x, top), XStringFormats.TopLeft);
            top += Height(font);
        }
    }

    /// <summary>The lines <paramref name="text"/> takes in <paramref name="available"/> points: broken at spaces, and inside a word only when it is wider than a line.</summary>
    private List<string> Wrap(string text, XFont font, double available)
    {
        var lines = new List<string>();
        foreach (var paragraph in DocxRenderer.Lines(text))
        {
            var current = "";
            foreach (var word in paragraph.Split(' '))
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (Measure(candidate, font) <= available)
                {
                    current = candidate;
                    continue;
                }

                if (current.Length > 0)
                {
                    lines.Add(current);
                }

                current = word;
                while (Measure(current, font) > available && BreakWithin(current, font, available) is { } split)
                {
                    lines.Add(split.Head);
                    current = split.Tail;
                }
            }

            lines.Add(current);
        }

        return lines;
    }

    /// <summary>The longest head of <paramref name="word"/> that fits (whole text elements, at least one), and the rest.</summary>
    private (string Head, string Tail)? BreakWithin(string word, XFont font, double available)
    {
        var elements = StringInfo.GetTextElementEnumerator(word);
        var end = 0;
        while (elements.MoveNext())
        {
            var next = elements.ElementIndex + ((string)elements.Current).Length;
            if (end > 0 && Measure(word[..next], font) > available)
            {
                break;
            }

            end = next;
        }

        return end >= word.Length ? null : (word[..end], word[end..]);
    }

    private double Measure(string text, XFont font) => text.Length == 0 ? 0 : graphics.MeasureString(text, font).Width;
}
