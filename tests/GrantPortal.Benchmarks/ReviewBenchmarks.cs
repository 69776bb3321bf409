using System.Diagnostics;
using System.Globalization;
using GrantPortal.Core.Calls;
using GrantPortal.Core.Reviews;

namespace GrantPortal.Benchmarks;

/// <summary>The reviews' figures: ranking with calibration over a large call, and automatic assignment.</summary>
internal static class ReviewBenchmarks
{
    private static readonly ProjectCategories[] Categories =
        [ProjectCategories.CapacityBuilding, ProjectCategories.CultureAndArts, ProjectCategories.ResearchAndDocumentation, ProjectCategories.ConferencesAndAdvocacy];

    /// <summary>10,000 applications with 3 submitted reviews each, 4 weighted criteria, 60 reviewers.</summary>
    public static Task<int> RankingAsync(string[] args)
    {
        var applications = Argument(args, 0, 10_000);
        var perApplication = Argument(args, 1, 3);
        var random = new Random(4);
        RubricScale[] rubric = [new(1, 3m, 1, 10), new(2, 3m, 1, 10), new(3, 2m, 1, 5), new(4, 2m, 1, 5)];
        var reviews = new List<ScoredReview>(applications * perApplication);
        var expected = new Dictionary<int, int>(applications);
        for (var a = 1; a <= applications; a++)
        {
            expected[a] = perApplication;
            foreach (var reviewer in Enumerable.Range(0, 60).OrderBy(_ => random.Next()).Take(perApplication))
            {
                // Each reviewer has a habit: some score everything low, some high.
                var bias = (reviewer % 5) - 2;
                reviews.Add(new ScoredReview(a, $"r{reviewer:D2}", rubric.ToDictionary(
                    c => c.CriterionId,
                    c => (decimal)Math.Clamp(random.Next(c.Minimum, c.Maximum + 1) + bias, c.Minimum, c.Maximum))));
            }
        }

        var times = new List<double>();
        IReadOnlyList<RankedApplication> ranked = [];
        for (var run = 0; run < 5; run++)
        {
            var begin = Stopwatch.GetTimestamp();
            ranked = Calibration.Rank(rubric, reviews, expected);
            times.Add(Measure.Milliseconds(begin));
        }

        times.Sort();
        var moved = ranked.Count(r => r.RawRank != r.CalibratedRank);
        Console.WriteLine($"| ranking + calibration | {applications:N0} applications × {perApplication} reviews | median {Measure.Ms(Measure.Percentile(times, 50))}, worst {Measure.Ms(times[^1])} (5 runs) | {Measure.PeakMemory()} | {moved:N0} rows change rank after calibration |");
        return Task.FromResult(0);
    }

    /// <summary>2,000 applications, 60 reviewers, 3 reviewers each, 5% of pairs conflicted.</summary>
    public static Task<int> AssignmentAsync(string[] args)
    {
        var applications = Argument(args, 0, 2_000);
        var reviewerCount = Argument(args, 1, 60);
        var conflictRate = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 0.05;
        var random = new Random(4);
        var reviewers = Enumerable.Range(0, reviewerCount)
            .Select(i => new PlannerReviewer($"r{i:D2}", Categories[random.Next(Categories.Length)] | Categories[random.Next(Categories.Length)], 0))
            .ToList();
        var conflicts = new HashSet<(int, string)>();
        var planned = Enumerable.Range(1, applications).Select(id =>
        {
            foreach (var reviewer in reviewers.Where(_ => random.NextDouble() < conflictRate))
            {
                conflicts.Add((id, reviewer.Id));
            }

            return new PlannerApplication(id, Categories[random.Next(Categories.Length)], []);
        }).ToList();

        var times = new List<double>();
        AssignmentPlan plan = null!;
        for (var run = 0; run < 5; run++)
        {
            var begin = Stopwatch.GetTimestamp();
            plan = AssignmentPlanner.Plan(planned, reviewers, 3, (a, r) => conflicts.Contains((a, r)));
            times.Add(Measure.Milliseconds(begin));
        }

        times.Sort();
        Console.WriteLine($"| automatic assignment | {applications:N0} applications, {reviewerCount} reviewers, {conflictRate:P0} conflicts ({conflicts.Count:N0} pairs) | median {Measure.Ms(Measure.Percentile(times, 50))}, worst {Measure.Ms(times[^1])} (5 runs) | {Measure.PeakMemory()} | {plan.Assignments.Count:N0} assignments, spread {plan.Spread}, {plan.Uncovered.Count} uncovered, {plan.ExpertiseMatches:N0} expertise matches |");
        return Task.FromResult(0);
    }

    private static int Argument(string[] args, int index, int fallback) =>
        args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
}
