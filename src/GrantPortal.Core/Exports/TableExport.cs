using System.IO.Compression;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace GrantPortal.Core.Exports;

public enum ExportFormat
{
    Csv,
    Xlsx,
}

public static class ExportFormats
{
    public static string ContentType(this ExportFormat format) => format == ExportFormat.Xlsx
        ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        : "text/csv; charset=utf-8";

    /// <summary>The format a download's extension names ("csv", "xlsx"); null for any other.</summary>
    public static ExportFormat? FromExtension(string? extension) => extension switch
    {
        "csv" => ExportFormat.Csv,
        "xlsx" => ExportFormat.Xlsx,
        _ => null,
    };
}

/// <summary>
/// One exported cell: text, a whole number that spreadsheets can sum, or both: then CSV readers get the text as people
/// read it ("5,400만 원") and a spreadsheet gets the number.
/// </summary>
internal readonly record struct ExportCell(string? Text, long? Number)
{
    public static implicit operator ExportCell(string text) => new(text, null);

    public static implicit operator ExportCell(long number) => new(null, number);

    public override string ToString() => Text ?? Number?.ToString(CultureInfo.InvariantCulture) ?? "";
}

/// <summary>A table written as CSV or as an Excel workbook of one sheet, row by row as the rows arrive.</summary>
internal static class TableExport
{
    public static async Task WriteAsync(
        ExportFormat format, string sheet, IReadOnlyList<string> columns, IAsyncEnumerable<ExportCell[]> rows, Stream output, CancellationToken ct)
    {
        if (format == ExportFormat.Csv)
        {
            await WriteCsvAsync(columns, rows, output, ct);
        }
        else
        {
            await WriteXlsxAsync(sheet, columns, rows, output, ct);
        }
    }

    private static async Task WriteCsvAsync(IReadOnlyList<string> columns, IAsyncEnumerable<ExportCell[]> rows, Stream output, CancellationToken ct)
    {
        // UTF-8 with a byte order mark, so Excel reads Korean.
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 16 * 1024, leaveOpen: true);
        await writer.WriteLineAsync(Csv.Line(columns));
        var lines = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            await writer.WriteLineAsync(string.Join(',', row.Select(CsvCell)));
            if (++lines % 500 == 0)
            {
                await writer.FlushAsync(ct);
            }
        }

        await writer.FlushAsync(ct);
    }

    /// <summary>
    /// A number is written as it is, minus sign included: the guard against formula injection that text gets
    /// (<see cref="Csv.Cell"/>) would turn an overspent "-500000" into text.
    /// </summary>
    private static string CsvCell(ExportCell cell) => cell is { Text: null, Number: { } number }
        ? "\"" + number.ToString(CultureInfo.InvariantCulture) + "\""
        : Csv.Cell(cell.ToString());

    /// <summary>
    /// System.IO.Packaging holds every part it writes in memory, uncompressed, until the package closes, so a sheet of
    /// 50,000 rows written through the SDK's package would sit whole in memory. Instead the SDK makes the package's
    /// small parts once, and the sheet is streamed by <see cref="OpenXmlWriter"/> into its zip entry in a temporary
    /// file (a zip needs a seekable stream, and a response only takes asynchronous writes), which then goes out.
    /// </summary>
    private static async Task WriteXlsxAsync(string sheet, IReadOnlyList<string> columns, IAsyncEnumerable<ExportCell[]> rows, Stream output, CancellationToken ct)
    {
        var (skeleton, sheetEntry) = Skeleton(sheet);
        await using var file = new FileStream(
            Path.Combine(Path.GetTempPath(), Path.GetRandomFileName()), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        using (skeleton)
        using (var parts = new ZipArchive(skeleton, ZipArchiveMode.Read))
        using (var package = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var part in parts.Entries)
            {
                using var target = package.CreateEntry(part.FullName, CompressionLevel.Optimal).Open();
                if (part.FullName != sheetEntry)
                {
                    using var source = part.Open();
                    await source.CopyToAsync(target, ct);
                    continue;
                }

                using var writer = OpenXmlWriter.Create(target);
                writer.WriteStartElement(new Worksheet());
                writer.WriteStartElement(new SheetData());
                WriteRow(writer, columns.Select(c => (ExportCell)c));
                await foreach (var row in rows.WithCancellation(ct))
                {
                    WriteRow(writer, row);
                }

                writer.WriteEndElement();
                writer.WriteEndElement();
            }
        }

        file.Position = 0;
        await file.CopyToAsync(output, ct);
    }

    /// <summary>A workbook of one empty sheet, as the SDK packages it, and the name of that sheet's zip entry.</summary>
    private static (MemoryStream Package, string SheetEntry) Skeleton(string sheet)
    {
        var package = new MemoryStream();
        string sheetEntry;
        using (var document = SpreadsheetDocument.Create(package, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            var worksheet = workbook.AddNewPart<WorksheetPart>();
            worksheet.Worksheet = new Worksheet(new SheetData());
            worksheet.Worksheet.Save();
            workbook.Workbook = new Workbook(new Sheets(new Sheet { Name = sheet, SheetId = 1, Id = workbook.GetIdOfPart(worksheet) }));
            workbook.Workbook.Save();
            sheetEntry = worksheet.Uri.OriginalString.TrimStart('/');
        }

        package.Position = 0;
        return (package, sheetEntry);
    }

    private static void WriteRow(OpenXmlWriter writer, IEnumerable<ExportCell> cells)
    {
        writer.WriteStartElement(new Row());
        foreach (var cell in cells)
        {
            if (cell.Number is { } number)
            {
                writer.WriteElement(new Cell { DataType = CellValues.Number, CellValue = new CellValue(number.ToString(CultureInfo.InvariantCulture)) });
            }
            else
            {
                writer.WriteElement(new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(XmlText(cell.Text ?? ""))) });
            }
        }

        writer.WriteEndElement();
    }

    /// <summary>
    /// Text without the characters XML cannot hold (a vertical tab pasted from a word processor, say), which would
    /// otherwise stop the file halfway.
    /// </summary>
    private static string XmlText(string text)
    {
        if (text.All(XmlConvert.IsXmlChar))
        {
            return text;
        }

        var kept = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                kept.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                kept.Append(text, i, 2);
                i++;
            }
        }

        return kept.ToString();
    }
}
