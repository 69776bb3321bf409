using GrantPortal.Core.Reviews;

namespace GrantPortal.Core.Tests.Reviews;

public sealed class CalibrationTests
{
    private static readonly RubricScale[] OneToFive = [new(1, 1m, 1, 5)];

    private static ScoredReview Review(int application, string reviewer, decimal score) =>
        new(application, reviewer, new Dictionary<int, decimal> { [1] = score });

    /// <summary>
    /// Hand-computed: harsh H gives W=1, X=3 (mean 2, spread 1); lenient L gives Y=4, V=5 (mean 4.5, spread 0.5);
    /// M gives X=4, Y=2 (mean 3, spread 1). Calibrated = 3 + z × (5 − 1) / 4 = 3 + z.
    /// W: H z=−1 → 2. X: H z=+1 → 4, M z=+1 → 4. Y: L z=−1 → 2, M z=−1 → 2. V: L z=+1 → 4.
    /// </summary>
    private static IReadOnlyList<RankedApplication> HandComputed() => Calibration.Rank(
        OneToFive,
        [Review(1, "H", 1), Review(2, "H", 3), Review(3, "L", 4), Review(4, "L", 5), Review(2, "M", 4), Review(3, "M", 2)],
        new Dictionary<int, int> { [1] = 1, [2] = 2, [3] = 3, [4] = 1 });

    [Fact]
    public void Calibration_matches_the_hand_computed_values()
    {
        var rows = HandComputed().ToDictionary(r => r.ApplicationId);

        Assert.Equal(2.0, rows[1].CalibratedMean!.Value, 9);
        Assert.Equal(4.0, rows[2].CalibratedMean!.Value, 9);
        Assert.Equal(2.0, rows[3].CalibratedMean!.Value, 9);
        Assert.Equal(4.0, rows[4].CalibratedMean!.Value, 9);
        Assert.Equal([("H", 3.0, 4.0), ("M", 4.0, 4.0)], rows[2].Reviews.Select(r => (r.ReviewerId, r.Raw, Math.Round(r.Calibrated, 9))));
        Assert.Equal([("L", 4.0, 2.0), ("M", 2.0, 2.0)], rows[3].Reviews.Select(r => (r.ReviewerId, r.Raw, Math.Round(r.Calibrated, 9))));
    }

    [Fact]
    public void Raw_statistics_are_mean_count_min_max_sample_deviation_and_missing()
    {
        var rows = HandComputed().ToDictionary(r => r.ApplicationId);

        var x = rows[2];
        Assert.Equal((2, 0, 3.5, 3.0, 4.0), (x.Count, x.Missing, x.Mean!.Value, x.Minimum!.Value, x.Maximum!.Value));
        Assert.Equal(Math.Sqrt(0.5), x.StandardDeviation!.Value, 9);
        var y = rows[3];
        Assert.Equal((2, 1, 3.0), (y.Count, y.Missing, y.Mean!.Value));
        Assert.Equal(Math.Sqrt(2), y.StandardDeviation!.Value, 9);
        Assert.True(y.IsIncomplete);
        Assert.Null(rows[1].StandardDeviation);
    }

    [Fact]
    public void Raw_and_calibrated_ranks_differ_when_a_harsh_reviewer_liked_an_application()
    {
        var rows = HandComputed().ToDictionary(r => r.ApplicationId);

        // Raw: V 5, X 3.5, Y 3, W 1. Calibrated: X and V 4 (shared first), Y and W 2 (shared third).
        Assert.Equal((1, 1), (rows[4].RawRank, rows[4].CalibratedRank));
        Assert.Equal((2, 1), (rows[2].RawRank, rows[2].CalibratedRank));
        Assert.Equal((3, 3), (rows[3].RawRank, rows[3].CalibratedRank));
        Assert.Equal((4, 3), (rows[1].RawRank, rows[1].CalibratedRank));
    }

    [Fact]
    public void Disagreement_is_flagged_above_a_fifth_of_the_range()
    {
        var rows = HandComputed().ToDictionary(r => r.ApplicationId);

        Assert.True(rows[3].HighDisagreement);
        Assert.False(rows[2].HighDisagreement);
    }

    [Fact]
    public void A_review_score_is_the_weighted_mean_of_its_criteria()
    {
        RubricScale[] rubric = [new(1, 2m, 1, 5), new(2, 1m, 0, 10)];

        Assert.Equal(4.0, Calibration.ScoreOf(rubric, new Dictionary<int, decimal> { [1] = 5, [2] = 2 }), 9);
        var (minimum, maximum) = Calibration.RangeOf(rubric);
        Assert.Equal(2.0 / 3.0, minimum, 9);
        Assert.Equal(20.0 / 3.0, maximum, 9);
    }

    [Fact]
    public void A_reviewer_with_one_review_keeps_the_raw_score_and_one_who_never_varies_lands_mid_scale()
    {
        var rows = Calibration.Rank(
            OneToFive,
            [Review(1, "Once", 5), Review(2, "Flat", 4), Review(3, "Flat", 4)],
            new Dictionary<int, int> { [1] = 1, [2] = 1, [3] = 1, [4] = 2 }).ToDictionary(r => r.ApplicationId);

        Assert.Equal(5.0, rows[1].CalibratedMean!.Value, 9);
        Assert.False(rows[1].Reviews.Single().WasCalibrated);
        Assert.Equal(3.0, rows[2].CalibratedMean!.Value, 9);
        Assert.Equal((0, 2, (int?)null), (rows[4].Count, rows[4].Missing, rows[4].CalibratedRank));
    }

    [Fact]
    public void Calibrated_scores_are_clamped_to_the_rubric()
    {
        // One outlier among many equal scores has a z-score of 3: 3 + 3 would leave the 1–5 scale.
        var reviews = Enumerable.Range(1, 9).Select(i => Review(i, "R", 2)).Append(Review(10, "R", 5)).ToList();
        var rows = Calibration.Rank(OneToFive, reviews, reviews.ToDictionary(r => r.ApplicationId, _ => 1)).ToDictionary(r => r.ApplicationId);

        Assert.Equal(5.0, rows[10].CalibratedMean!.Value, 9);
        Assert.Equal(3 - (1.0 / 3.0), rows[1].CalibratedMean!.Value, 9);
    }
}
