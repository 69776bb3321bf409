using System.Diagnostics;
using System.Globalization;

namespace GrantPortal.Benchmarks;

/// <summary>Latency percentiles and the process's peak memory, printed as one Markdown row per measurement.</summary>
internal static class Measure
{
    public static double Percentile(IReadOnlyList<double> sortedMilliseconds, double percentile)
    {
        if (sortedMilliseconds.Count == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(percentile / 100 * sortedMilliseconds.Count) - 1;
        return sortedMilliseconds[Math.Clamp(rank, 0, sortedMilliseconds.Count - 1)];
    }

    public static double Milliseconds(long startTimestamp) => Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds;

    public static string PeakMemory()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return (process.PeakWorkingSet64 / (1024.0 * 1024.0)).ToString("0", CultureInfo.InvariantCulture) + " MiB";
    }

    /// <summary>
    /// Starts a new high-water mark of the process's resident memory (Linux: writing 5 to /proc/self/clear_refs), so
    /// <see cref="PeakMemoryMiB"/> reports the peak of what follows rather than of the seeding before it. False where
    /// the system does not allow it; the peak then covers the whole run.
    /// </summary>
    public static bool ResetPeakMemory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DirectoryNotFoundException)
        {
            return false;
        }
    }

    public static double PeakMemoryMiB()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.PeakWorkingSet64 / (1024.0 * 1024.0);
    }

    public static double CurrentMemoryMiB()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.WorkingSet64 / (1024.0 * 1024.0);
    }

    public static string Ms(double value) => value.ToString("0.0", CultureInfo.InvariantCulture) + " ms";
}
