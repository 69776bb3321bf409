// The load and throughput harness. It is not part of ./test.sh: run it on purpose, in Release,
//   dotnet run -c Release --project tests/GrantPortal.Benchmarks -- <benchmark>
// and with no argument to list what there is.

using GrantPortal.Benchmarks;

var benchmarks = new SortedDictionary<string, (string Description, Func<string[], Task<int>> Run)>(StringComparer.OrdinalIgnoreCase)
{
    ["deadline-burst"] = ("[sqlite|postgres] [applicants=500]: submissions just before the deadline", ApplicationBenchmarks.DeadlineBurstAsync),
    ["budget-year"] = ("[sqlite|postgres] [awards=5000] [payments=20000]: budget overview and finance exports of one year", AwardBenchmarks.BudgetYearAsync),
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
