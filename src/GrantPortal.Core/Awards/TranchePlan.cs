namespace GrantPortal.Core.Awards;

/// <summary>A tranche's amount and what payments already hold of it.</summary>
public sealed record PlannedTranche(int Sequence, Krw Amount, Krw Recorded);

/// <summary>How a payment schedule follows a changed award amount.</summary>
public static class TranchePlan
{
    /// <summary>
    /// New tranche amounts summing to <paramref name="newTotal"/>. An increase goes to the last tranche; a reduction
    /// comes off the latest tranches first, never below what payments already hold, so recorded money stays covered.
    /// Returns null when the payments hold more than the new total.
    /// </summary>
    public static IReadOnlyList<PlannedTranche>? Rebalance(IReadOnlyList<PlannedTranche> tranches, Krw newTotal)
    {
        ArgumentNullException.ThrowIfNull(tranches);
        if (tranches.Count == 0 || Krw.Sum(tranches.Select(t => t.Recorded)) > newTotal)
        {
            return null;
        }

        var ordered = tranches.OrderBy(t => t.Sequence).ToList();
        var difference = newTotal - Krw.Sum(ordered.Select(t => t.Amount));
        if (!difference.IsNegative)
        {
            var last = ordered[^1];
            ordered[^1] = last with { Amount = last.Amount + difference };
            return ordered;
        }

        var toRemove = -difference;
        for (var i = ordered.Count - 1; i >= 0 && !toRemove.IsZero; i--)
        {
            var tranche = ordered[i];
            var cut = Krw.Min(toRemove, tranche.Amount - Krw.Min(tranche.Recorded, tranche.Amount));
            ordered[i] = tranche with { Amount = tranche.Amount - cut };
            toRemove -= cut;
        }

        return ordered;
    }
}
