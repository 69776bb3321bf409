using System.Diagnostics;
using System.Globalization;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Applications;
using GrantPortal.Core.Exports;
using Microsoft.Extensions.DependencyInjection;

namespace GrantPortal.Benchmarks;

/// <summary>
/// The officer's intake over a call whose form asks 40 questions, 50,000 applications answering all of them: the
/// first page, and the whole intake exported as CSV and XLSX, which must stream (flat memory whatever the number of rows).
/// </summary>
internal static class IntakeExportBenchmarks
{
    public static async Task<int> IntakeExportAsync(string[] args)
    {
        var provider = args.FirstOrDefault() ?? "sqlite";
        var total = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50_000;
        var questions = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 40;
        var runs = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 5;
        await using var host = await BenchmarkHost.StartAsync(provider);
        var form = BenchmarkForms.Build(questions, withFiles: false);
        var seeding = Stopwatch.GetTimestamp();
        var callId = await ApplicationBenchmarks.PrepareSubmittedAsync(host.DbFactory, total, form);
        Console.WriteLine($"seeded {total:N0} applications × {questions} answers in {Stopwatch.GetElapsedTime(seeding).TotalSeconds:0} s");
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ko");

        await ApplicationBenchmarks.MeasureIntakeAsync(host, callId, total);
        Console.WriteLine();

        var intake = host.Services.GetRequiredService<ApplicationIntake>();
        var officer = new CurrentUser("bench-officer", "Officer", null, new HashSet<string> { Roles.ProgramOfficer });
        var query = new ApplicationQuery { CallId = callId };
        Console.WriteLine("| provider | applications | answers each | export | run | first byte | whole export | SQL commands | rows | size | memory before | peak memory during |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        var failed = false;
        foreach (var format in new[] { ExportFormat.Csv, ExportFormat.Xlsx })
        {
            for (var run = 1; run <= runs; run++)
            {
                var peakReset = Measure.ResetPeakMemory();
                var before = Measure.CurrentMemoryMiB();
                var output = new CountingStream();
                host.Commands.Reset();
                var begin = Stopwatch.GetTimestamp();
                output.Started = begin;
                var allowed = await intake.ExportAsync(officer, query, format, output);
                var elapsed = Measure.Milliseconds(begin);
                var peak = Measure.PeakMemoryMiB();

                // A CSV's records are counted as they pass; an XLSX is a zip, not read back here (the integration tests open one).
                var rows = format == ExportFormat.Csv ? (output.Lines - 1).ToString("N0", CultureInfo.InvariantCulture) : "(zip)";
                failed |= !allowed || output.Length == 0 || (format == ExportFormat.Csv && output.Lines - 1 != total);
                Console.WriteLine(
                    $"| {host.Provider} | {total:N0} | {questions} | {format.ToString().ToUpperInvariant()} | {run} | {Measure.Ms(output.FirstByteMilliseconds)} | {Measure.Ms(elapsed)} | {host.Commands.Count} | {rows} | " +
                    $"{output.Length / (1024.0 * 1024.0):0.0} MiB | {before:0} MiB | {peak:0} MiB{(peakReset ? "" : " (whole run)")} |");
            }
        }

        return failed ? 1 : 0;
    }

    /// <summary>Where the export goes: nowhere, counting bytes, CSV records and when the first byte arrived.</summary>
    private sealed class CountingStream : Stream
    {
        private bool quoted;

        public long Started { get; set; }

        public double FirstByteMilliseconds { get; private set; } = double.NaN;

        public long Lines { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => Position;

        public override long Position { get; set; }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (Position == 0 && buffer.Length > 0)
            {
                FirstByteMilliseconds = Measure.Milliseconds(Started);
            }

            Position += buffer.Length;

            // Records, not raw line breaks: a quoted cell may hold a line break of its own ("" toggles twice).
            foreach (var b in buffer)
            {
                if (b == (byte)'"')
                {
                    quoted = !quoted;
                }
                else if (b == (byte)'\n' && !quoted)
                {
                    Lines++;
                }
            }
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer.AsSpan(offset, count));
            return Task.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
