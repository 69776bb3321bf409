// The load and throughput harness. It is not part of ./test.sh: run it on purpose, in Release,
//   dotnet run -c Release --project tests/GrantPortal.Benchmarks -- <benchmark>
// and with no argument to list what there is.

using GrantPortal.Benchmarks;

var benchmarks = new SortedDictionary<string, (string Description, Func<string[], Task<int>> Run)>(StringComparer.OrdinalIgnoreCase)
{
    ["circuit-memory"] = ("[circuits=40] [static,dashboard,form,intake] [hold=0 s, for a heap dump]: server memory one idle circuit holds, with real browsers", CircuitBenchmarks.CircuitMemoryAsync),
    ["deadline-burst"] = ("[sqlite|postgres] [applicants=500]: submissions just before the deadline, then their bare-SQL floor", ApplicationBenchmarks.DeadlineBurstAsync),
    ["browser-burst"] = ("[sessions=100] [more sizes]: browser sessions submit at once on one PostgreSQL portal, then the bare-SQL floor", BrowserBurstBenchmarks.BrowserBurstAsync),
    ["reporting-feeds"] = ("[sqlite|postgres] [runs=40]: open-data feeds and the accountability narrative over the demo data", ReportingBenchmarks.FeedsAsync),
    ["reminder-pass"] = ("[sqlite|postgres] [recipients=2000]: one reminder pass, 5 due reviews per recipient, to SMTP on loopback", ReminderBenchmarks.ReminderPassAsync),
    ["review-ranking"] = ("[applications=10000] [reviews=3]: ranking with reviewer calibration", ReviewBenchmarks.RankingAsync),
    ["review-assignment"] = ("[applications=2000] [reviewers=60] [conflicts=0.05]: automatic reviewer assignment", ReviewBenchmarks.AssignmentAsync),
    ["budget-year"] = ("[sqlite|postgres] [awards=5000] [payments=20000]: budget overview and finance exports of one year", AwardBenchmarks.BudgetYearAsync),
    ["form-60"] = ("[sqlite|postgres] [questions=60] [runs=40]: a large custom form: opening the draft, first render, autosave", FormBenchmarks.SixtyQuestionsAsync),
    ["intake-export"] = ("[sqlite|postgres] [applications=50000] [answers=40] [runs=5]: intake first page and CSV export of a call with a custom form", IntakeExportBenchmarks.IntakeExportAsync),
    ["intake-first-page"] = ("[sqlite|postgres] [applications=50000]: the officer's intake list", ApplicationBenchmarks.IntakeFirstPageAsync),
};

if (args.Length == 0 || args[0] is "-h" or "--help" or "list")
{
    Console.WriteLine("usage: dotnet run -c Release --project tests/GrantPortal.Benchmarks -- <benchmark> [options]");
    Console.WriteLine(benchmarks.Count == 0 ? "No benchmarks are defined yet." : "Benchmarks:");
    foreach (var (name, (description, _)) in benchmarks)
    {
        Console.WriteLine($"  {name,-24} {description}");
    }

    return 0;
}

if (!benchmarks.TryGetValue(args[0], out var benchmark))
{
    await Console.Error.WriteLineAsync($"Unknown benchmark '{args[0]}'. Run without arguments to list them.");
    return 2;
}

return await benchmark.Run(args[1..]);
