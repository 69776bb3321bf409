using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace GrantPortal.Core.Tests.Applications;

/// <summary>
/// Small real files built byte by byte: OLE2 compound files ([MS-CFB] version 3, 512-byte sectors, every stream in
/// the mini stream, as HWP writes its short streams) and zip packages with a chosen first entry.
/// </summary>
internal static class SampleFiles
{
    private const int MiniSectorSize = 64;
    private const uint FreeSector = 0xFFFFFFFF;
    private const uint EndOfChain = 0xFFFFFFFE;
    private const uint FatSector = 0xFFFFFFFD;
    private const uint NoStream = 0xFFFFFFFF;

    /// <summary>The 256-byte FileHeader stream of an HWP 5.0.3.0 document: the signature field, then version and flags.</summary>
    public static byte[] HwpFileHeader()
    {
        var header = new byte[256];
        "HWP Document File"u8.CopyTo(header);
        header[32] = 0;
        header[33] = 3;
        header[34] = 0;
        header[35] = 5;
        return header;
    }

    /// <summary>
    /// A version 3 compound file with these streams directly under the root. Layout: sector 0 the allocation table,
    /// 1 the directory, 2 the mini allocation table, 3 on the mini stream.
    /// </summary>
    public static byte[] CompoundFile(params (string Name, byte[] Content)[] streams) => Build(512, streams);

    /// <summary>The same with version 4's 4096-byte sectors, holding one FileHeader stream.</summary>
    public static byte[] CompoundFileVersion4(byte[] fileHeader) => Build(4096, [("FileHeader", fileHeader)]);

    private static byte[] Build(int sectorSize, (string Name, byte[] Content)[] streams)
    {
        if (streams.Length > 3 || streams.Any(s => s.Content.Length >= 4096))
        {
            throw new ArgumentException("This builder fits three short streams in one directory sector.", nameof(streams));
        }

        var miniStream = new MemoryStream();
        var miniFat = new List<uint>();
        var starts = new List<uint>();
        foreach (var (_, content) in streams)
        {
            var first = (uint)miniFat.Count;
            var sectors = Math.Max(1, (content.Length + MiniSectorSize - 1) / MiniSectorSize);
            for (var i = 0; i < sectors; i++)
            {
                miniFat.Add(i == sectors - 1 ? EndOfChain : first + (uint)i + 1);
            }

            starts.Add(first);
            miniStream.Write(content);
            miniStream.Write(new byte[(sectors * MiniSectorSize) - content.Length]);
        }

        var miniStreamSectors = (int)((miniStream.Length + sectorSize - 1) / sectorSize);
        var file = new byte[sectorSize * (4 + miniStreamSectors)];

        var header = file.AsSpan(0, sectorSize);
        byte[] signature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        signature.CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header[24..], 0x003E);
        BinaryPrimitives.WriteUInt16LittleEndian(header[26..], (ushort)(sectorSize == 512 ? 3 : 4));
        BinaryPrimitives.WriteUInt16LittleEndian(header[28..], 0xFFFE);
        BinaryPrimitives.WriteUInt16LittleEndian(header[30..], (ushort)(sectorSize == 512 ? 9 : 12));
        BinaryPrimitives.WriteUInt32LittleEndian(header[40..], sectorSize == 512 ? 0u : 1u);
        BinaryPrimitives.WriteUInt16LittleEndian(header[32..], 6);
        BinaryPrimitives.WriteUInt32LittleEndian(header[44..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(header[48..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(header[56..], 4096);
        BinaryPrimitives.WriteUInt32LittleEndian(header[60..], 2);
        BinaryPrimitives.WriteUInt32LittleEndian(header[64..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(header[68..], EndOfChain);
        for (var i = 0; i < 109; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(header[(76 + (4 * i))..], i == 0 ? 0 : FreeSector);
        }

        var fat = Sector(file, sectorSize, 0);
        for (var i = 0; i < sectorSize / 4; i++)
        {
            var next = i switch
            {
                0 => FatSector,
                1 or 2 => EndOfChain,
                _ when i >= 3 && i < 3 + miniStreamSectors => i == 2 + miniStreamSectors ? EndOfChain : (uint)i + 1,
                _ => FreeSector,
            };
            BinaryPrimitives.WriteUInt32LittleEndian(fat[(4 * i)..], next);
        }

        var directory = Sector(file, sectorSize, 1);
        WriteEntry(directory, 0, "Root Entry", 5, NoStream, NoStream, streams.Length > 0 ? 1 : NoStream, miniStream.Length > 0 ? 3 : EndOfChain, (uint)miniStream.Length);
        for (var i = 0; i < streams.Length; i++)
        {
            // Each stream's right sibling is the next one: a valid, if unbalanced, search tree.
            WriteEntry(directory, i + 1, streams[i].Name, 2, NoStream, i + 1 < streams.Length ? (uint)i + 2 : NoStream, NoStream, starts[i], (uint)streams[i].Content.Length);
        }

        for (var i = streams.Length + 1; i < sectorSize / 128; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(directory[((i * 128) + 68)..], NoStream);
            BinaryPrimitives.WriteUInt32LittleEndian(directory[((i * 128) + 72)..], NoStream);
            BinaryPrimitives.WriteUInt32LittleEndian(directory[((i * 128) + 76)..], NoStream);
        }

        var miniFatSector = Sector(file, sectorSize, 2);
        for (var i = 0; i < sectorSize / 4; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(miniFatSector[(4 * i)..], i < miniFat.Count ? miniFat[i] : FreeSector);
        }

        miniStream.ToArray().CopyTo(file, sectorSize * 4);
        return file;
    }

    /// <summary>A zip package whose entries are written in this order, each stored or deflated as asked.</summary>
    public static byte[] Zip(params (string Name, string Content, bool Stored)[] entries)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content, stored) in entries)
            {
                using var entry = zip.CreateEntry(name, stored ? CompressionLevel.NoCompression : CompressionLevel.Optimal).Open();
                entry.Write(Encoding.UTF8.GetBytes(content));
            }
        }

        return memory.ToArray();
    }

    private static Span<byte> Sector(byte[] file, int sectorSize, int sector) => file.AsSpan(sectorSize * (sector + 1), sectorSize);

    private static void WriteEntry(Span<byte> directory, int id, string name, byte type, uint left, uint right, uint child, uint start, uint size)
    {
        var entry = directory.Slice(id * 128, 128);
        var nameBytes = Encoding.Unicode.GetBytes(name + "\0");
        nameBytes.CopyTo(entry);
        BinaryPrimitives.WriteUInt16LittleEndian(entry[64..], (ushort)nameBytes.Length);
        entry[66] = type;
        entry[67] = 1;
        BinaryPrimitives.WriteUInt32LittleEndian(entry[68..], left);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[72..], right);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[76..], child);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[116..], start);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[120..], size);
    }
}
