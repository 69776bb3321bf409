using System.IO.Compression;
using System.Text;
using GrantPortal.Core.Applications;

namespace GrantPortal.Core.Tests.Applications;

public sealed class FileSignatureTests
{
    public static TheoryData<string, byte[], DetectedContent> Samples() => new()
    {
        { "PDF", [.. "%PDF-1.7\n"u8], DetectedContent.Pdf },
        { "JPEG", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10], DetectedContent.Jpeg },
        { "PNG", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0], DetectedContent.Png },
        { "DOCX", Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>")), DetectedContent.Docx },
        { "XLSX", Zip(("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<workbook/>")), DetectedContent.Xlsx },
        { "HWPX", SampleFiles.Zip(("mimetype", "application/hwp+zip", true), ("Contents/section0.xml", "<hs:sec/>", false)), DetectedContent.Hwpx },
        { "HWP", SampleFiles.CompoundFile(("FileHeader", SampleFiles.HwpFileHeader()), ("DocInfo", new byte[300])), DetectedContent.Hwp },
        { "Word 97 (OLE without the HWP signature)", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[600]], DetectedContent.Unknown },
        { "plain ZIP", Zip(("notes.txt", "hello")), DetectedContent.Unknown },
        { "Windows executable", [0x4D, 0x5A, 0x90, 0x00], DetectedContent.Executable },
        { "ELF executable", [0x7F, 0x45, 0x4C, 0x46, 2, 1], DetectedContent.Executable },
        { "text", [.. "hello world"u8], DetectedContent.Unknown },
        { "truncated PDF header", [.. "%PD"u8], DetectedContent.Unknown },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Content_decides_the_type(string sample, byte[] content, DetectedContent expected)
    {
        Assert.True(expected == FileSignatures.Detect(new MemoryStream(content)), sample);
    }

    public static TheoryData<string, byte[]> DisguisedHwp() => new()
    {
        { "OLE signature with the text after it, no compound file", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[600], .. "HWP Document File"u8, 0, 0] },
        { "Word 97 file quoting the text in its WordDocument stream", SampleFiles.CompoundFile(("WordDocument", [.. "Saved as HWP Document File by mistake"u8])) },
        { "FileHeader stream that does not begin with the signature", SampleFiles.CompoundFile(("FileHeader", [.. "Fake: HWP Document File"u8, .. new byte[200]])) },
        { "signature field with text after the signature", SampleFiles.CompoundFile(("FileHeader", [.. "HWP Document File, really"u8, .. new byte[240]])) },
        { "FileHeader cut short", SampleFiles.CompoundFile(("FileHeader", [.. "HWP Document File"u8])) },
    };

    [Theory]
    [MemberData(nameof(DisguisedHwp))]
    public void Ole_file_that_only_mentions_the_hwp_signature_is_not_accepted_as_hwp(string sample, byte[] content)
    {
        Assert.True(FileSignatures.Detect(new MemoryStream(content)) == DetectedContent.Unknown, sample);
    }

    public static TheoryData<string, byte[]> DisguisedHwpx() => new()
    {
        { "mimetype compressed", SampleFiles.Zip(("mimetype", "application/hwp+zip", false), ("Contents/section0.xml", "<hs:sec/>", false)) },
        { "mimetype not the first entry", SampleFiles.Zip(("Contents/section0.xml", "<hs:sec/>", false), ("mimetype", "application/hwp+zip", true)) },
        { "another mimetype", SampleFiles.Zip(("mimetype", "application/zip", true), ("Contents/section0.xml", "<hs:sec/>", false)) },
        { "mimetype with more after it", SampleFiles.Zip(("mimetype", "application/hwp+zip\n", true), ("Contents/section0.xml", "<hs:sec/>", false)) },
    };

    [Theory]
    [MemberData(nameof(DisguisedHwpx))]
    public void Zip_without_a_stored_hwpx_mimetype_first_is_not_accepted_as_hwpx(string sample, byte[] content)
    {
        Assert.True(FileSignatures.Detect(new MemoryStream(content)) == DetectedContent.Unknown, sample);
    }

    [Fact]
    public void Hwp_written_with_4096_byte_sectors_is_recognized()
    {
        Assert.Equal(DetectedContent.Hwp, FileSignatures.Detect(new MemoryStream(SampleFiles.CompoundFileVersion4(SampleFiles.HwpFileHeader()))));
    }

    [Theory]
    [InlineData("plan.PDF", AttachmentKind.Pdf)]
    [InlineData("photo.jpeg", AttachmentKind.Jpeg)]
    [InlineData("photo.jpg", AttachmentKind.Jpeg)]
    [InlineData("사업계획서.hwp", AttachmentKind.Hwp)]
    [InlineData("사업계획서.hwpx", AttachmentKind.Hwpx)]
    [InlineData("budget.xlsx", AttachmentKind.Xlsx)]
    [InlineData("letter.docx", AttachmentKind.Docx)]
    [InlineData("image.png", AttachmentKind.Png)]
    public void Accepted_extensions_name_their_kind(string name, AttachmentKind kind) =>
        Assert.Equal(kind, FileSignatures.KindForExtension(name));

    [Theory]
    [InlineData("setup.exe")]
    [InlineData("macro.docm")]
    [InlineData("no-extension")]
    [InlineData("report.pdf.exe")]
    public void Other_extensions_are_refused(string name) => Assert.Null(FileSignatures.KindForExtension(name));

    [Theory]
    [InlineData("../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData("..\\..\\Windows\\win.ini.pdf", "win.ini.pdf")]
    [InlineData("C:\\Users\\kim\\사업계획서.hwp", "사업계획서.hwp")]
    [InlineData("bad\u0000name\u0007.pdf", "badname.pdf")]
    [InlineData("invoice\u202Efdp.exe", "invoicefdp.exe")]
    [InlineData("  ..hidden.pdf ", "hidden.pdf")]
    [InlineData("..", "attachment")]
    [InlineData("", "attachment")]
    [InlineData(null, "attachment")]
    public void Display_names_lose_paths_and_control_characters(string? given, string expected) =>
        Assert.Equal(expected, FileSignatures.SanitizeDisplayName(given));

    [Fact]
    public void Long_display_names_are_cut_to_255_keeping_the_extension()
    {
        var name = FileSignatures.SanitizeDisplayName(new string('가', 400) + ".pdf");

        Assert.Equal(255, name.Length);
        Assert.EndsWith(".pdf", name, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("=SUM(A1:A2)", "\"'=SUM(A1:A2)\"")]
    [InlineData("+82-2-1234", "\"'+82-2-1234\"")]
    [InlineData("-1", "\"'-1\"")]
    [InlineData("@cmd", "\"'@cmd\"")]
    [InlineData("say \"hi\", then", "\"say \"\"hi\"\", then\"")]
    [InlineData("열린문", "\"열린문\"")]
    public void Csv_cells_are_quoted_and_cannot_become_formulas(string value, string cell) => Assert.Equal(cell, Csv.Cell(value));

    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), Encoding.UTF8);
                writer.Write(content);
            }
        }

        return memory.ToArray();
    }
}
