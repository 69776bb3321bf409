namespace GrantPortal.Core.Disbursements;

/// <summary>
/// What recording and approving a payment decide from, read under the award's row lock: the award's amount and the
/// payments that already hold part of it (recorded, approved or paid; a rejected one frees its amount). Both steps
/// read it the same way, so payments together never exceed the award.
/// </summary>
internal sealed record PayableAward(Krw Amount, IReadOnlyList<(int TrancheId, Krw Amount)> Counted)
{
    /// <summary>What the award has left to pay beyond the counted payments; negative once it was reduced below them.</summary>
    public Krw Left => Amount - Krw.Sum(Counted.Select(p => p.Amount));

    /// <summary>What a tranche has left beyond the payments counted on it.</summary>
    public Krw LeftOn(Tranche tranche) => tranche.Amount - Krw.Sum(Counted.Where(p => p.TrancheId == tranche.Id).Select(p => p.Amount));

    /// <summary>The refusal of a payment the award cannot hold, naming what <paramref name="left"/> remains of its amount.</summary>
    public Result OverAward(IStringLocalizer<Strings> localizer, Krw left) =>
        Result.Refused(localizer["Finance_OverAward", Krw.Max(left, Krw.Zero).ForReader(), Amount.ForReader()]);

    /// <summary>
    /// Runs a payment step in one transaction holding the write lock of the award that <paramref name="awardOf"/>
    /// names, so the steps on one award take turns. Null when it names no award.
    /// </summary>
    public static async Task<TResult?> UnderAwardLockAsync<TResult>(PortalDbContext db, IQueryable<int> awardOf, Func<int, Task<TResult>> work, CancellationToken ct)
        where TResult : class, IUseCaseResult
    {
        var awardId = await awardOf.Select(id => (int?)id).SingleOrDefaultAsync(ct);
        return awardId is { } locked ? await db.InTransactionAsync(RowLock.On<Award>(locked), () => work(locked), ct) : null;
    }

    /// <summary>The award under its lock with its counted payments; null when it is no longer active (nothing more is paid on it).</summary>
    public static async Task<PayableAward?> ReadAsync(PortalDbContext db, int awardId, CancellationToken ct)
    {
        var award = await db.Awards.AsNoTracking().Where(a => a.Id == awardId).Select(a => new { a.Amount, a.Status }).SingleAsync(ct);
        if (award.Status != AwardStatus.Active)
        {
            return null;
        }

        var counted = await db.Payments.Where(p => p.AwardId == awardId && p.Status != PaymentStatus.Rejected)
            .Select(p => new { p.TrancheId, p.Amount }).ToListAsync(ct);
        return new PayableAward(award.Amount, counted.Select(p => (p.TrancheId, p.Amount)).ToList());
    }
}
