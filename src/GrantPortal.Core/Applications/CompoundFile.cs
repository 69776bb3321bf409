using System.Buffers.Binary;

namespace GrantPortal.Core.Applications;

/// <summary>
/// Just enough of the OLE2 compound file format ([MS-CFB]) to read the start of a stream at the top level of a
/// file: the header, the sector allocation table, the directory tree and the mini stream. Every offset comes from
/// an uploaded file, so each one is checked against the file's length and every chain walk is bounded: a broken or
/// hostile file reads as "no such stream", never as an exception or an endless loop.
/// </summary>
internal sealed class CompoundFile
{
    private const uint EndOfChain = 0xFFFFFFFE;
    private const uint LastRegularSector = 0xFFFFFFFA;
    private const uint NoStream = 0xFFFFFFFF;
    private const int HeaderDifatEntries = 109;
    private const int DirectoryEntrySize = 128;
    private const byte StreamObject = 2;
    private const byte RootObject = 5;

    private static readonly byte[] Signature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private readonly Stream file;
    private readonly int sectorSize;
    private readonly int miniSectorSize;
    private readonly uint miniStreamCutoff;
    private readonly List<uint> fatSectors;
    private readonly long maxSectors;

    private CompoundFile(Stream file, int sectorSize, int miniSectorSize, uint miniStreamCutoff, List<uint> fatSectors)
    {
        this.file = file;
        this.sectorSize = sectorSize;
        this.miniSectorSize = miniSectorSize;
        this.miniStreamCutoff = miniStreamCutoff;
        this.fatSectors = fatSectors;
        maxSectors = file.Length / sectorSize;
    }

    /// <summary>
    /// The first <paramref name="count"/> bytes of the stream named <paramref name="name"/> directly under the root
    /// storage; null when the file is not a compound file, has no such stream, or the stream is shorter.
    /// </summary>
    public static byte[]? ReadTopLevelStreamStart(Stream file, string name, int count)
    {
        ArgumentNullException.ThrowIfNull(file);
        try
        {
            var compound = Open(file, out var firstDirectorySector);
            return compound?.ReadStart(firstDirectorySector, name, count);
        }
        catch (EndOfStreamException)
        {
            return null;
        }
    }

    private static CompoundFile? Open(Stream file, out uint firstDirectorySector)
    {
        firstDirectorySector = EndOfChain;
        var header = new byte[512];
        file.Position = 0;
        file.ReadExactly(header);
        var sectorShift = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(30));
        var miniSectorShift = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(32));
        if (!header.AsSpan(0, 8).SequenceEqual(Signature) || BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(28)) != 0xFFFE
            || sectorShift is not (9 or 12) || miniSectorShift != 6)
        {
            return null;
        }

        var sectorSize = 1 << sectorShift;
        var fatSectorCount = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(44));
        if (fatSectorCount > file.Length / sectorSize)
        {
            return null;
        }

        // The allocation table's own sectors: the first 109 are listed in the header, any more in a chain of DIFAT sectors.
        var fatSectors = new List<uint>();
        for (var i = 0; i < HeaderDifatEntries && fatSectors.Count < fatSectorCount; i++)
        {
            fatSectors.Add(BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(76 + (4 * i))));
        }

        var compound = new CompoundFile(file, sectorSize, 1 << miniSectorShift, BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(56)), fatSectors);
        var difat = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(68));
        var sector = new byte[sectorSize];
        for (var hops = 0L; fatSectors.Count < fatSectorCount; hops++)
        {
            if (difat > LastRegularSector || hops > compound.maxSectors)
            {
                return null;
            }

            compound.ReadSector(difat, sector);
            for (var i = 0; i < (sectorSize / 4) - 1 && fatSectors.Count < fatSectorCount; i++)
            {
                fatSectors.Add(BinaryPrimitives.ReadUInt32LittleEndian(sector.AsSpan(4 * i)));
            }

            difat = BinaryPrimitives.ReadUInt32LittleEndian(sector.AsSpan(sectorSize - 4));
        }

        firstDirectorySector = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(48));
        return compound;
    }

    private byte[]? ReadStart(uint firstDirectorySector, string name, int count)
    {
        var directory = Chain(firstDirectorySector);
        if (directory is null || directory.Count == 0)
        {
            return null;
        }

        var root = ReadEntry(directory, 0);
        if (root is null || root.Type != RootObject)
        {
            return null;
        }

        var entry = FindChild(directory, root.Child, name);
        if (entry is null || entry.Size < (ulong)count)
        {
            return null;
        }

        var start = new byte[count];
        if (entry.Size < miniStreamCutoff)
        {
            // A small stream lives in the mini stream, itself the root entry's data; its first mini sector holds the start.
            var miniStream = Chain(root.StartSector);
            var offset = (long)entry.StartSector * miniSectorSize;
            if (entry.StartSector > LastRegularSector || miniStream is null || offset + count > (long)root.Size
                || (offset % sectorSize) + count > sectorSize || offset / sectorSize >= miniStream.Count)
            {
                return null;
            }

            ReadAt(miniStream[(int)(offset / sectorSize)], (int)(offset % sectorSize), start);
            return start;
        }

        if (entry.StartSector > LastRegularSector || count > sectorSize)
        {
            return null;
        }

        ReadAt(entry.StartSector, 0, start);
        return start;
    }

    /// <summary>Searches the red-black tree of the root's children (left and right siblings) for a stream by name.</summary>
    private DirectoryEntry? FindChild(List<uint> directory, uint child, string name)
    {
        var pending = new Stack<uint>();
        var seen = new HashSet<uint>();
        pending.Push(child);
        while (pending.Count > 0)
        {
            var id = pending.Pop();
            if (id == NoStream || !seen.Add(id) || ReadEntry(directory, id) is not { } entry)
            {
                continue;
            }

            if (entry.Type == StreamObject && string.Equals(entry.Name, name, StringComparison.Ordinal))
            {
                return entry;
            }

            pending.Push(entry.Left);
            pending.Push(entry.Right);
        }

        return null;
    }

    private DirectoryEntry? ReadEntry(List<uint> directory, uint id)
    {
        var perSector = sectorSize / DirectoryEntrySize;
        if (id / perSector >= (uint)directory.Count)
        {
            return null;
        }

        var raw = new byte[DirectoryEntrySize];
        ReadAt(directory[(int)(id / perSector)], (int)(id % perSector) * DirectoryEntrySize, raw);
        var nameBytes = BinaryPrimitives.ReadUInt16LittleEndian(raw.AsSpan(64));
        if (nameBytes is < 2 or > 64 || nameBytes % 2 != 0)
        {
            return null;
        }

        return new DirectoryEntry(
            Encoding.Unicode.GetString(raw, 0, nameBytes - 2),
            raw[66],
            BinaryPrimitives.ReadUInt32LittleEndian(raw.AsSpan(68)),
            BinaryPrimitives.ReadUInt32LittleEndian(raw.AsSpan(72)),
            BinaryPrimitives.ReadUInt32LittleEndian(raw.AsSpan(76)),
            BinaryPrimitives.ReadUInt32LittleEndian(raw.AsSpan(116)),

            // Version 3 files keep only the low 32 bits; the high ones may hold garbage.
            sectorSize == 512 ? BinaryPrimitives.ReadUInt32LittleEndian(raw.AsSpan(120)) : BinaryPrimitives.ReadUInt64LittleEndian(raw.AsSpan(120)));
    }

    /// <summary>The sectors of a chain in order; null when it leaves the file, loops, or meets a reserved value.</summary>
    private List<uint>? Chain(uint first)
    {
        var sectors = new List<uint>();
        var entry = new byte[4];
        for (var sector = first; sector != EndOfChain;)
        {
            if (sector > LastRegularSector || sectors.Count > maxSectors)
            {
                return null;
            }

            sectors.Add(sector);
            var perFatSector = (uint)(sectorSize / 4);
            if (sector / perFatSector >= (uint)fatSectors.Count)
            {
                return null;
            }

            ReadAt(fatSectors[(int)(sector / perFatSector)], (int)(sector % perFatSector) * 4, entry);
            sector = BinaryPrimitives.ReadUInt32LittleEndian(entry);
        }

        return sectors;
    }

    private void ReadSector(uint sector, byte[] buffer) => ReadAt(sector, 0, buffer);

    private void ReadAt(uint sector, int offset, Span<byte> buffer)
    {
        // Sector 0 follows the header, which takes one sector's room.
        var position = ((long)sector + 1) * sectorSize + offset;
        if (sector > LastRegularSector || position + buffer.Length > file.Length)
        {
            throw new EndOfStreamException();
        }

        file.Position = position;
        file.ReadExactly(buffer);
    }

    private sealed record DirectoryEntry(string Name, byte Type, uint Left, uint Right, uint Child, uint StartSector, ulong Size);
}
