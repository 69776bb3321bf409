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

    public static string Ms(double value) => value.ToString("0.0", CultureInfo.InvariantCulture) + " ms";
}
