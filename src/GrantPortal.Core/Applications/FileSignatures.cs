using System.Buffers.Binary;
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
    private const int HwpSignatureField = 32;
    private const int LocalHeaderSize = 30;
    private const ushort StoredMethod = 0;

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
    private static readonly byte[] HwpxMimetype = "application/hwp+zip"u8.ToArray();

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
            // Word 97 and Excel 97 files are OLE containers too, and any of them may quote the signature somewhere.
            return IsHwp5(content) ? DetectedContent.Hwp : DetectedContent.Unknown;
        }

        return DetectedContent.Unknown;
    }

    private static DetectedContent DetectZipContainer(Stream content)
    {
        content.Position = 0;
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            if (IsHwpx(content, zip))
            {
                return DetectedContent.Hwpx;
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

    /// <summary>
    /// HWP 5: a compound file whose top-level FileHeader stream begins with the 32-byte signature field, the text
    /// padded with NULs. The text found anywhere else in a container proves nothing.
    /// </summary>
    private static bool IsHwp5(Stream content)
    {
        var signature = CompoundFile.ReadTopLevelStreamStart(content, "FileHeader", HwpSignatureField);
        return signature is not null
            && signature.AsSpan().StartsWith(HwpSignature)
            && !signature.AsSpan(HwpSignature.Length).ContainsAnyExcept((byte)0);
    }

    /// <summary>
    /// HWPX is an OCF package, like EPUB and ODF: its first entry is <c>mimetype</c>, stored uncompressed, holding
    /// exactly <c>application/hwp+zip</c>, so the type can be read at a fixed place. Read from the local header at the
    /// start of the file, then confirmed as the archive's first entry in the central directory.
    /// </summary>
    private static bool IsHwpx(Stream content, ZipArchive zip)
    {
        var name = "mimetype"u8;
        var header = new byte[LocalHeaderSize + name.Length];
        content.Position = 0;
        if (content.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length
            || BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(8)) != StoredMethod
            || BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(26)) != name.Length
            || !header.AsSpan(LocalHeaderSize).SequenceEqual(name))
        {
            return false;
        }

        var extraLength = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(28));
        var data = new byte[HwpxMimetype.Length];
        content.Position = header.Length + extraLength;
        if (content.ReadAtLeast(data, data.Length, throwOnEndOfStream: false) < data.Length || !data.AsSpan().SequenceEqual(HwpxMimetype))
        {
            return false;
        }

        var first = zip.Entries.Count > 0 ? zip.Entries[0] : null;
        return first is { FullName: "mimetype" } && first.Length == HwpxMimetype.Length && first.CompressedLength == HwpxMimetype.Length;
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
