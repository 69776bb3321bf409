namespace GrantPortal.Core.Reporting;

/// <summary>
/// What a report's spending is measured against. A final report answers for the whole approved budget. An interim
/// report answers for the share of each budget line that the elapsed project time makes due: from the project's
/// first day up to the report's period end (its due date, or the project's last day if that comes first), pro rata
/// by calendar days. Mid-project every line is under its full budget, so comparing with the full budget would ask
/// for a reason on every line; compared with the share, only real departures from the plan need one.
/// </summary>
public sealed record SpendingBaseline(ReportKind Kind, LocalDate? PeriodEnd, long ElapsedDays, long ProjectDays)
{
    /// <summary>Spending further than this share of the expected amount from it (either way) needs a reason.</summary>
    public const int TolerancePercent = 10;

    public static SpendingBaseline For(ReportKind kind, LocalDate? projectStart, LocalDate? projectEnd, LocalDate dueOn)
    {
        if (kind == ReportKind.Final || projectStart is not { } start || projectEnd is not { } end || end < start)
        {
            return new SpendingBaseline(kind, projectEnd, 0, 0);
        }

        var periodEnd = dueOn < end ? dueOn : end;
        var projectDays = Period.DaysBetween(start, end) + 1L;
        var elapsed = Math.Clamp(Period.DaysBetween(start, periodEnd) + 1L, 0L, projectDays);
        return new SpendingBaseline(kind, periodEnd, elapsed, projectDays);
    }

    /// <summary>True when the report answers for the full budget (a final report, or a project without dates).</summary>
    public bool IsWholeBudget => Kind == ReportKind.Final || ProjectDays <= 0;

    /// <summary>The share of the project period elapsed by the period end, in whole percent (rounded down).</summary>
    public int Percent => IsWholeBudget ? 100 : (int)(ElapsedDays * 100 / ProjectDays);

    /// <summary>What a line with this budget is expected to have spent by the period end, in whole won (rounded down).</summary>
    public Krw Expected(Krw budgeted) =>
        IsWholeBudget ? budgeted : new Krw((long)((Int128)budgeted.Won * ElapsedDays / ProjectDays));

    /// <summary>More than <see cref="TolerancePercent"/>% away from what was expected, or any spending where nothing was.</summary>
    public static bool NeedsExplanation(Krw expected, Krw spent) =>
        expected.IsZero ? !spent.IsZero : (Int128)Math.Abs((spent - expected).Won) * 100 > (Int128)expected.Won * TolerancePercent;
}
