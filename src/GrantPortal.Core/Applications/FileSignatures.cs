using System.IO.Compression;

namespace GrantPortal.Core.Applications;

/// <summary>What a file's first bytes say it is, whatever its name claims.</summary>
public enum DetectedContent
{
    Unknown,
    Executable,
    Pdf,
    Docx,
    Xlsx,
    Hwp,
    Hwpx,
    Jpeg,
    Png,
}

/// <summary>Identifies accepted attachment types from their content (magic bytes and container structure).</summary>
public static class FileSignatures
{
    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] WindowsExecutable = "MZ"u8.ToArray();
    private static readonly byte[] Elf = [0x7F, 0x45, 0x4C, 0x46];
    private static readonly byte[] MachO32 = [0xFE, 0xED, 0xFA, 0xCE];
    private static readonly byte[] MachO64 = [0xFE, 0xED, 0xFA, 0xCF];
    private static readonly byte[] HwpSignature = "HWP Document File"u8.ToArray();

    /// <summary>The kinds an extension may name; anything else is refused before the content is read.</summary>
    public static AttachmentKind? KindForExtension(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        return Path.GetExtension(fileName).ToUpperInvariant() switch
        {
            ".PDF" => AttachmentKind.Pdf,
            ".DOCX" => AttachmentKind.Docx,
            ".XLSX" => AttachmentKind.Xlsx,
            ".HWP" => AttachmentKind.Hwp,
            ".HWPX" => AttachmentKind.Hwpx,
            ".JPG" or ".JPEG" => AttachmentKind.Jpeg,
            ".PNG" => AttachmentKind.Png,
            _ => null,
        };
    }

    public static string ContentType(AttachmentKind kind) => kind switch
    {
        AttachmentKind.Pdf => "application/pdf",
        AttachmentKind.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        AttachmentKind.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        AttachmentKind.Hwp => "application/x-hwp",
        AttachmentKind.Hwpx => "application/hwp+zip",
        AttachmentKind.Jpeg => "image/jpeg",
        AttachmentKind.Png => "image/png",
        _ => "application/octet-stream",
    };

    /// <summary>The usual extension of a kind, with its dot: what a renamed download ends in.</summary>
    public static string Extension(AttachmentKind kind) => kind switch
    {
        AttachmentKind.Jpeg => ".jpg",
        _ => "." + kind.ToString().ToLowerInvariant(),
    };

    public static AttachmentKind? ToKind(DetectedContent content) => content switch
    {
        DetectedContent.Pdf => AttachmentKind.Pdf,
        DetectedContent.Docx => AttachmentKind.Docx,
        DetectedContent.Xlsx => AttachmentKind.Xlsx,
        DetectedContent.Hwp => AttachmentKind.Hwp,
        DetectedContent.Hwpx => AttachmentKind.Hwpx,
        DetectedContent.Jpeg => AttachmentKind.Jpeg,
        DetectedContent.Png => AttachmentKind.Png,
        _ => null,
    };

    /// <summary>Reads <paramref name="content"/> (seekable) from the start and says what it is.</summary>
    public static DetectedContent Detect(Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        content.Position = 0;
        Span<byte> header = stackalloc byte[16];
        var read = content.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        header = header[..read];
        if (header.StartsWith(WindowsExecutable) || header.StartsWith(Elf) || header.StartsWith(MachO32) || header.StartsWith(MachO64))
        {
            return DetectedContent.Executable;
        }

        if (header.StartsWith(Pdf))
        {
            return DetectedContent.Pdf;
        }

        if (header.StartsWith(Png))
        {
            return DetectedContent.Png;
        }

        if (header.StartsWith(Jpeg))
        {
            return DetectedContent.Jpeg;
        }

        if (header.StartsWith(Zip))
        {
            return DetectZipContainer(content);
        }

        if (header.StartsWith(Ole))
        {
            // Word 97 and Excel 97 files are OLE containers too; only HWP carries this signature in its FileHeader stream.
            return Contains(content, HwpSignature) ? DetectedContent.Hwp : DetectedContent.Unknown;
        }

        return DetectedContent.Unknown;
    }

    private static DetectedContent DetectZipContainer(Stream content)
    {
        content.Position = 0;
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var mimetype = zip.GetEntry("mimetype");
            if (mimetype is not null && mimetype.Length < 256)
            {
                using var reader = new StreamReader(mimetype.Open(), Encoding.ASCII);
                if (reader.ReadToEnd().Trim() == "application/hwp+zip")
                {
                    return DetectedContent.Hwpx;
                }
            }

            if (zip.GetEntry("[Content_Types].xml") is null)
            {
                return DetectedContent.Unknown;
            }

            if (zip.Entries.Any(e => e.FullName.StartsWith("word/", StringComparison.Ordinal)))
            {
                return DetectedContent.Docx;
            }

            if (zip.Entries.Any(e => e.FullName.StartsWith("xl/", StringComparison.Ordinal)))
            {
                return DetectedContent.Xlsx;
            }

            return DetectedContent.Unknown;
        }
        catch (InvalidDataException)
        {
            return DetectedContent.Unknown;
        }
    }

    private static bool Contains(Stream content, byte[] needle)
    {
        content.Position = 0;
        var buffer = new byte[64 * 1024];
        var carried = 0;
        int read;
        while ((read = content.Read(buffer, carried, buffer.Length - carried)) > 0)
        {
            var filled = carried + read;
            if (buffer.AsSpan(0, filled).IndexOf(needle) >= 0)
            {
                return true;
            }

            // Keep the tail, in case the signature straddles two reads.
            carried = Math.Min(needle.Length - 1, filled);
            Array.Copy(buffer, filled - carried, buffer, 0, carried);
        }

        return false;
    }

    /// <summary>
    /// The name shown to people: no folders (<c>../</c>, <c>C:\</c>), no control or direction-override characters,
    /// at most 255 characters with the extension kept. Never used to name the stored file.
    /// </summary>
    public static string SanitizeDisplayName(string? name)
    {
        var text = (name ?? "").Replace('\\', '/');
        text = text[(text.LastIndexOf('/') + 1)..];
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var category = char.GetUnicodeCategory(c);
            if (!char.IsControl(c) && category != System.Globalization.UnicodeCategory.Format && c != ':' && c != '"')
            {
                builder.Append(c);
            }
        }

        var cleaned = builder.ToString().Trim().TrimStart('.').Trim();
        if (cleaned.Length == 0)
        {
            return "attachment";
        }

        const int limit = 255;
        if (cleaned.Length > limit)
        {
            var extension = Path.GetExtension(cleaned);
            extension = extension.Length is > 0 and <= 10 ? extension : "";
            cleaned = cleaned[..(limit - extension.Length)] + extension;
        }

        return cleaned;
    }
}
