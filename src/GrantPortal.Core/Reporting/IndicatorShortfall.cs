namespace GrantPortal.Core.Reporting;

/// <summary>
/// When a reported figure needs a reason: it falls short of what was expected by more than a tenth. A final report
/// is measured against the application's target; an interim report against the share of it that the elapsed project
/// time makes due (the same share <see cref="SpendingBaseline"/> uses for spending), so mid-project figures are not
/// all "short". Without a target, or with a target of zero, nothing can fall short.
/// </summary>
public static class IndicatorShortfall
{
    public const int TolerancePercent = 10;

    /// <summary>What the report is expected to show: the target, or its share due by an interim report's period end (rounded down).</summary>
    public static long? Expected(long? target, SpendingBaseline baseline)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        if (target is not { } whole)
        {
            return null;
        }

        return baseline.IsWholeBudget ? whole : (long)((Int128)whole * baseline.ElapsedDays / baseline.ProjectDays);
    }

    /// <summary>Short of <paramref name="expected"/> by more than <see cref="TolerancePercent"/>%: 90 of 100 is fine, 89 is not.</summary>
    public static bool NeedsExplanation(long? expected, long actual) =>
        expected is > 0 and { } e && (Int128)(e - actual) * 100 > (Int128)e * TolerancePercent;
}

/// <summary>
/// A report's indicators as the grantee fills them in: the call's indicator, the application's target (none for
/// applications made before calls had indicators) and what an interim report is expected to show by its period end.
/// </summary>
public sealed record IndicatorActualDraft
{
    public IndicatorView Indicator { get; init; } = default!;

    public long? Target { get; init; }

    /// <summary>For an interim report, the share of the target due by its period end; null means the whole target.</summary>
    public long? Expected { get; init; }

    public long Actual { get; set; }

    public string? Explanation { get; set; }

    public long? ExpectedActual => Expected ?? Target;

    public bool NeedsExplanation => IndicatorShortfall.NeedsExplanation(ExpectedActual, Actual);
}

/// <summary>Reads a report's indicators from the database: the award's call decides which, the application the targets.</summary>
internal static class ReportIndicators
{
    public static async Task<List<IndicatorActualDraft>> ForAsync(
        PortalDbContext db, int awardId, IReadOnlyCollection<IndicatorActual> actuals, SpendingBaseline baseline, CancellationToken ct)
    {
        var award = await db.Awards.AsNoTracking().Where(a => a.Id == awardId).Select(a => new { a.CallId, a.ApplicationId }).SingleAsync(ct);
        var indicators = await db.CallIndicators.AsNoTracking().Where(i => i.CallId == award.CallId).OrderBy(i => i.Order).ToListAsync(ct);
        var targets = await db.IndicatorTargets.AsNoTracking().Where(t => t.ApplicationId == award.ApplicationId)
            .ToDictionaryAsync(t => t.CallIndicatorId, t => t.Target, ct);
        return indicators.Select(indicator =>
            {
                var actual = actuals.FirstOrDefault(a => a.CallIndicatorId == indicator.Id);
                long? target = targets.TryGetValue(indicator.Id, out var t) ? t : null;
                return new IndicatorActualDraft
                {
                    Indicator = IndicatorView.From(indicator),
                    Target = target,
                    Expected = baseline.IsWholeBudget ? null : IndicatorShortfall.Expected(target, baseline),
                    Actual = actual?.Actual ?? 0,
                    Explanation = actual?.Explanation,
                };
            })
            .ToList();
    }

    /// <summary>Copies what the grantee typed onto the report's rows, for the call's indicators only.</summary>
    public static async Task ApplyAsync(PortalDbContext db, ProjectReport report, ReportDraft draft, CancellationToken ct)
    {
        var ids = await db.CallIndicators.Where(i => db.Awards.Any(a => a.Id == report.AwardId && a.CallId == i.CallId)).Select(i => i.Id).ToListAsync(ct);
        foreach (var id in ids)
        {
            if (draft.Indicators.FirstOrDefault(d => d.Indicator?.Id == id) is not { } typed)
            {
                continue;
            }

            var row = report.IndicatorActuals.FirstOrDefault(a => a.CallIndicatorId == id);
            if (row is null)
            {
                row = new IndicatorActual { CallIndicatorId = id };
                report.IndicatorActuals.Add(row);
            }

            row.Actual = typed.Actual;
            row.Explanation = string.IsNullOrWhiteSpace(typed.Explanation) ? null : typed.Explanation.Trim();
        }
    }
}
