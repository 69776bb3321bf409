using System.Globalization;

namespace GrantPortal.Benchmarks;

/// <summary>
/// Samples, twice a second, what a browser burst costs the machine: the proportional memory of this process's child
/// processes (the Playwright driver and Chromium), the memory still available, and the load average. Linux /proc only;
/// elsewhere every figure stays zero.
/// </summary>
internal sealed class ResourceSampler : IDisposable
{
    private readonly CancellationTokenSource stop = new();
    private Task? sampling;

    public double PeakBrowserMiB { get; private set; }

    public double LowestAvailableMiB { get; private set; } = double.MaxValue;

    public double PeakLoad { get; private set; }

    public void Start() => sampling = Task.Run(async () =>
    {
        while (!stop.IsCancellationRequested)
        {
            PeakBrowserMiB = Math.Max(PeakBrowserMiB, BrowserMemoryMiB());
            LowestAvailableMiB = Math.Min(LowestAvailableMiB, AvailableMemoryMiB());
            PeakLoad = Math.Max(PeakLoad, LoadOneMinute());
            try
            {
                await Task.Delay(500, stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    });

    public void Stop()
    {
        stop.Cancel();
        sampling?.Wait(TimeSpan.FromSeconds(2));
    }

    public void Dispose()
    {
        Stop();
        stop.Dispose();
    }

    /// <summary>
    /// The proportional resident memory (PSS: shared pages split among their sharers, so Chromium's shared code counts
    /// once) of every process descended from this one: Chromium's browser, renderers and the Playwright driver.
    /// </summary>
    public static double BrowserMemoryMiB()
    {
        if (!Directory.Exists("/proc"))
        {
            return 0;
        }

        var parents = new Dictionary<int, int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && ReadParent(pid) is { } parent)
            {
                parents[pid] = parent;
            }
        }

        var self = Environment.ProcessId;
        long kib = 0;
        foreach (var pid in parents.Keys.Where(pid => DescendsFrom(pid, self, parents)))
        {
            kib += ReadProportionalKiB(pid);
        }

        return kib / 1024.0;
    }

    public static double AvailableMemoryMiB() => ReadMeminfoKiB("MemAvailable") / 1024.0;

    private static double LoadOneMinute() =>
        File.Exists("/proc/loadavg") ? double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture) : 0;

    private static bool DescendsFrom(int pid, int ancestor, Dictionary<int, int> parents)
    {
        for (var current = pid; parents.TryGetValue(current, out var parent) && parent > 1; current = parent)
        {
            if (parent == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    private static int? ReadParent(int pid)
    {
        try
        {
            // The command name is in parentheses and may hold spaces: the fields after its closing one are fixed.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    private static long ReadProportionalKiB(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/smaps_rollup").FirstOrDefault(l => l.StartsWith("Pss:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    private static long ReadMeminfoKiB(string key)
    {
        if (!File.Exists("/proc/meminfo"))
        {
            return 0;
        }

        var line = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith(key + ":", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }
}
