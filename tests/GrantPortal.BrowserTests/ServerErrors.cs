using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace GrantPortal.BrowserTests;

/// <summary>
/// Errors the portal logs while the browser drives it (an exception in a circuit, a failed save), kept so a test
/// that sees "nothing happened" on the page can say what happened on the server.
/// </summary>
public sealed class ServerErrors : ILoggerProvider
{
    private readonly ConcurrentQueue<string> entries = new();

    /// <summary>What every portal of this test run logged at Error or above, for a helper that has no server at hand.</summary>
    private static readonly ConcurrentQueue<string> Everything = new();

    public IReadOnlyCollection<string> Entries => entries;

    public ILogger CreateLogger(string categoryName) => new Recorder(categoryName, entries);

    public void Dispose()
    {
    }

    /// <summary>The entries as one block for an assertion message.</summary>
    public string Describe() => entries.IsEmpty ? "The server logged no errors." : "The server logged:\n" + string.Join("\n", entries);

    /// <summary>The last few errors any portal of the run logged.</summary>
    public static string DescribeLatest() =>
        Everything.IsEmpty ? "No portal logged an error." : "The portals last logged:\n" + string.Join("\n", Everything.TakeLast(5));

    private sealed class Recorder(string category, ConcurrentQueue<string> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                var entry = $"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : "\n" + exception)}";
                entries.Enqueue(entry);
                Everything.Enqueue(entry);
            }
        }
    }
}
