using System.Diagnostics;
using GrantPortal.Core.Accounts;
using GrantPortal.Demo;
using GrantPortal.Core.OpenData;
using GrantPortal.Core.Recommendations;
using GrantPortal.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GrantPortal.Benchmarks;

/// <summary>The open data's figures: the public feeds and the accountability narrative over the demo data.</summary>
internal static class ReportingBenchmarks
{
    /// <summary>
    /// Seeds the demo data, then builds each public feed and the 1224 narrative for 2023 repeatedly: latency and
    /// SQL commands per build. The feeds are anonymous, so their cost per request is what a crawler can ask for.
    /// </summary>
    public static async Task<int> FeedsAsync(string[] args)
    {
        var provider = args.FirstOrDefault() ?? "sqlite";
        var runs = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 40;
        await using var host = await BenchmarkHost.StartAsync(provider);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
        }

        var options = Options.Create(new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Repository.Root, "src", "GrantPortal.Web", "appsettings.json"))
            .Build()
            .GetSection(AccountabilityOptions.Section)
            .Get<AccountabilityOptions>()!);
        var figures = host.Services.GetRequiredService<RecommendationFigures>();
        var openData = new OpenDataService(figures, options);
        var accountability = new AccountabilityService(figures, options);
        var officer = new CurrentUser("bench", "Bench", null, new HashSet<string> { Roles.ProgramOfficer });

        (string Name, Func<Task<long>> Build)[] targets =
        [
            ("recommendations.json", async () => await WriteAsync(s => openData.WriteRecommendationsJsonAsync(2023, s, CancellationToken.None))),
            ("360giving.json", async () => await WriteAsync(s => openData.WriteGrantsJsonAsync(2023, s, CancellationToken.None))),
            ("360giving.csv", async () => await WriteAsync(s => openData.WriteGrantsCsvAsync(2023, s, CancellationToken.None))),
            ("narrative 1224 (en+ko)", async () => (await accountability.GenerateAsync(officer, CoiRecommendations.CivilSociety, 2023, 2023, CancellationToken.None))!.English.Length),
        ];

        Console.WriteLine("| provider | output | p50 | p95 | SQL commands per build | bytes or characters |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var (name, build) in targets)
        {
            await build();
            var latencies = new List<double>(runs);
            long size = 0;
            long commands = 0;
            for (var i = 0; i < runs; i++)
            {
                host.Commands.Reset();
                var begin = Stopwatch.GetTimestamp();
                size = await build();
                latencies.Add(Measure.Milliseconds(begin));
                commands = host.Commands.Count;
            }

            latencies.Sort();
            Console.WriteLine($"| {host.Provider} | {name} | {Measure.Ms(Measure.Percentile(latencies, 50))} | {Measure.Ms(Measure.Percentile(latencies, 95))} | {commands} | {size:#,0} |");
        }

        Console.WriteLine($"peak memory {Measure.PeakMemory()}");
        return 0;
    }

    private static async Task<long> WriteAsync(Func<Stream, Task> write)
    {
        using var buffer = new MemoryStream();
        await write(buffer);
        return buffer.Length;
    }
}
