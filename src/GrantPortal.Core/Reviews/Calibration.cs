namespace GrantPortal.Core.Reviews;

public sealed record RubricScale(int CriterionId, decimal Weight, int Minimum, int Maximum);

/// <summary>One submitted review: the reviewer's score per criterion.</summary>
public sealed record ScoredReview(int ApplicationId, string ReviewerId, IReadOnlyDictionary<int, decimal> Scores);

/// <summary>A reviewer's part in an application's row: the weighted score they gave and what calibration made of it.</summary>
public sealed record ReviewerScore(string ReviewerId, double Raw, double Calibrated, bool WasCalibrated);

public sealed record RankedApplication(
    int ApplicationId,
    int Count,
    int Missing,
    double? Mean,
    double? Minimum,
    double? Maximum,
    double? StandardDeviation,
    double? CalibratedMean,
    int? RawRank,
    int? CalibratedRank,
    bool HighDisagreement,
    IReadOnlyList<ReviewerScore> Reviews)
{
    public bool IsIncomplete => Missing > 0;
}

/// <summary>
/// Per-application statistics and reviewer calibration for one call. A review's score is the weighted mean of
/// its criterion scores. Calibration turns each score into a z-score against the same reviewer's scores in
/// the call and maps it back onto the rubric: the middle of the scale plus z quarter-ranges, clamped, so a
/// harsh and a lenient reviewer who rank applications alike give them alike calibrated scores.
/// </summary>
public static class Calibration
{
    /// <summary>
    /// A sample standard deviation above a fifth of the rubric's range is high disagreement: on a 1–5 scale,
    /// reviews of 2 and 4 (SD 1.41) are flagged, 3 and 4 (SD 0.71) are not.
    /// </summary>
    public const double DisagreementShareOfRange = 0.2;

    public static double ScoreOf(IReadOnlyList<RubricScale> rubric, IReadOnlyDictionary<int, decimal> scores)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        ArgumentNullException.ThrowIfNull(scores);
        var weight = 0m;
        var sum = 0m;
        foreach (var criterion in rubric)
        {
            if (scores.TryGetValue(criterion.CriterionId, out var score))
            {
                weight += criterion.Weight;
                sum += criterion.Weight * score;
            }
        }

        return weight == 0 ? 0 : (double)(sum / weight);
    }

    /// <summary>The range a review's weighted score can take: the weighted means of the scale ends.</summary>
    public static (double Minimum, double Maximum) RangeOf(IReadOnlyList<RubricScale> rubric)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        var weight = rubric.Sum(c => c.Weight);
        return weight == 0
            ? (0, 0)
            : ((double)(rubric.Sum(c => c.Weight * c.Minimum) / weight), (double)(rubric.Sum(c => c.Weight * c.Maximum) / weight));
    }

    /// <param name="assignedCounts">Reviews expected per application (assignments), for the missing count.</param>
    public static IReadOnlyList<RankedApplication> Rank(
        IReadOnlyList<RubricScale> rubric,
        IReadOnlyList<ScoredReview> reviews,
        IReadOnlyDictionary<int, int> assignedCounts)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        ArgumentNullException.ThrowIfNull(reviews);
        ArgumentNullException.ThrowIfNull(assignedCounts);
        var (minimum, maximum) = RangeOf(rubric);
        var middle = (minimum + maximum) / 2;
        var quarter = (maximum - minimum) / 4;

        var raw = new double[reviews.Count];
        for (var i = 0; i < reviews.Count; i++)
        {
            raw[i] = ScoreOf(rubric, reviews[i].Scores);
        }

        // Each reviewer's own mean and (population) spread over everything they scored in the call.
        var byReviewer = new Dictionary<string, (double Sum, double Squares, int Count)>(StringComparer.Ordinal);
        for (var i = 0; i < reviews.Count; i++)
        {
            var id = reviews[i].ReviewerId;
            var s = byReviewer.GetValueOrDefault(id);
            byReviewer[id] = (s.Sum + raw[i], s.Squares + (raw[i] * raw[i]), s.Count + 1);
        }

        var reviewerStats = byReviewer.ToDictionary(
            p => p.Key,
            p =>
            {
                var mean = p.Value.Sum / p.Value.Count;
                var variance = Math.Max(0, (p.Value.Squares / p.Value.Count) - (mean * mean));
                return (Mean: mean, Spread: Math.Sqrt(variance), p.Value.Count);
            },
            StringComparer.Ordinal);

        var rows = new Dictionary<int, List<ReviewerScore>>();
        for (var i = 0; i < reviews.Count; i++)
        {
            var stats = reviewerStats[reviews[i].ReviewerId];

            // One review says nothing about a reviewer's habits: it stays as given. A reviewer who gave every
            // application the same score expressed no preference, so each lands in the middle of the scale.
            var calibrated = stats.Count < 2
                ? raw[i]
                : stats.Spread < 1e-9
                    ? middle
                    : Math.Clamp(middle + ((raw[i] - stats.Mean) / stats.Spread * quarter), minimum, maximum);
            if (!rows.TryGetValue(reviews[i].ApplicationId, out var list))
            {
                rows[reviews[i].ApplicationId] = list = [];
            }

            list.Add(new ReviewerScore(reviews[i].ReviewerId, raw[i], calibrated, stats.Count >= 2));
        }

        var threshold = DisagreementShareOfRange * (maximum - minimum);
        var ranked = assignedCounts.Keys.Union(rows.Keys).Select(applicationId =>
        {
            var scores = rows.GetValueOrDefault(applicationId) ?? [];
            var expected = Math.Max(assignedCounts.GetValueOrDefault(applicationId), scores.Count);
            if (scores.Count == 0)
            {
                return new RankedApplication(applicationId, 0, expected, null, null, null, null, null, null, null, false, []);
            }

            var values = scores.Select(s => s.Raw).ToList();
            var mean = values.Average();
            double? deviation = values.Count < 2 ? null : Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
            return new RankedApplication(
                applicationId,
                scores.Count,
                expected - scores.Count,
                mean,
                values.Min(),
                values.Max(),
                deviation,
                scores.Average(s => s.Calibrated),
                null,
                null,
                deviation > threshold,
                scores.OrderBy(s => s.ReviewerId, StringComparer.Ordinal).ToList());
        }).ToList();

        var rawRanks = CompetitionRanks(ranked, r => r.Mean);
        var calibratedRanks = CompetitionRanks(ranked, r => r.CalibratedMean);
        return ranked
            .Select(r => r with { RawRank = rawRanks.GetValueOrDefault(r.ApplicationId), CalibratedRank = calibratedRanks.GetValueOrDefault(r.ApplicationId) })
            .OrderBy(r => r.CalibratedRank ?? int.MaxValue)
            .ThenBy(r => r.RawRank ?? int.MaxValue)
            .ThenBy(r => r.ApplicationId)
            .ToList();
    }

    /// <summary>1, 2, 2, 4: equal scores (to 1e-9) share a rank; applications without reviews get none.</summary>
    private static Dictionary<int, int?> CompetitionRanks(List<RankedApplication> rows, Func<RankedApplication, double?> score)
    {
        var ordered = rows.Where(r => score(r) is not null).OrderByDescending(r => score(r)!.Value).ToList();
        var ranks = new Dictionary<int, int?>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var tied = i > 0 && Math.Abs(score(ordered[i])!.Value - score(ordered[i - 1])!.Value) < 1e-9;
            ranks[ordered[i].ApplicationId] = tied ? ranks[ordered[i - 1].ApplicationId] : i + 1;
        }

        return ranks;
    }
}
