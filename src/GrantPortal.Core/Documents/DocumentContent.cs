namespace GrantPortal.Core.Documents;

/// <summary>
/// What a generated document says, apart from how it looks: a title and blocks in reading order. The same content
/// is written as DOCX (<see cref="DocxRenderer"/>) and as PDF (<see cref="PdfRenderer"/>), so the two files a person
/// downloads never say different things.
/// </summary>
public sealed record DocumentContent(string Title, IReadOnlyList<DocumentBlock> Blocks);

/// <summary>One block of a document's body.</summary>
public abstract record DocumentBlock;

/// <summary>A section heading.</summary>
public sealed record DocumentHeading(string Text) : DocumentBlock;

/// <summary>Running text; a line break in it starts a new line (DOCX: a new paragraph).</summary>
public sealed record DocumentParagraph(string Text, bool Bold = false) : DocumentBlock;

/// <summary>Label and value pairs (amount, account, period), the label in bold beside its value.</summary>
public sealed record DocumentFields(IReadOnlyList<DocumentField> Rows) : DocumentBlock;

public sealed record DocumentField(string Label, string Value);

/// <summary>
/// A table with a header row, repeated on every PDF page the table runs onto. <paramref name="Widths"/> are relative
/// column widths (equal when null); columns in <paramref name="RightAligned"/> hold amounts.
/// </summary>
public sealed record DocumentTable(
    IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<double>? Widths = null, IReadOnlySet<int>? RightAligned = null)
    : DocumentBlock
{
    public bool IsRightAligned(int column) => RightAligned?.Contains(column) == true;

    /// <summary>Each column's share of the table's width, adding up to 1.</summary>
    public IReadOnlyList<double> Shares()
    {
        var widths = Widths is { Count: > 0 } given && given.Count == Header.Count && given.All(w => w > 0) ? given : Enumerable.Repeat(1d, Header.Count).ToList();
        var total = widths.Sum();
        return widths.Select(w => w / total).ToList();
    }
}

/// <summary>The file formats a document is written in.</summary>
public enum DocumentFileFormat
{
    Docx,
    Pdf,
}

/// <summary>A generated document as it is downloaded.</summary>
public sealed record DocumentFile(string FileName, string ContentType, byte[] Content)
{
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public const string PdfContentType = "application/pdf";

    /// <summary>Writes <paramref name="content"/> in <paramref name="format"/>; <paramref name="baseName"/> is the file name without extension.</summary>
    public static DocumentFile Write(DocumentContent content, DocumentFileFormat format, string baseName) => format == DocumentFileFormat.Pdf
        ? new DocumentFile(baseName + ".pdf", PdfContentType, PdfRenderer.Write(content))
        : new DocumentFile(baseName + ".docx", DocxContentType, DocxRenderer.Write(content));
}
