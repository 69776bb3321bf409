namespace GrantPortal.Core.Disbursements;

/// <summary>
/// The one definition of a tranche that is due, read by the finance dashboard and by the <c>/finance</c> worklist
/// alike, so their figures cannot disagree. A tranche is <em>unpaid</em> while its award is active and the payments
/// marked paid on it add up to less than its amount; money recorded or approved but not yet transferred does not
/// make it paid. An unpaid tranche is <em>due this month</em> when it is planned from today (Seoul) to the last day
/// of the current Seoul calendar month, and <em>overdue</em> when it was planned before today. Tranches planned for
/// later months are neither.
/// </summary>
public static class TranchesDue
{
    public static IQueryable<Tranche> Unpaid(PortalDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Tranches.Where(t =>
            db.Awards.Any(a => a.Id == t.AwardId && a.Status == AwardStatus.Active)
            && t.Payments.Where(p => p.Status == PaymentStatus.Paid).Sum(p => (long)p.Amount) < (long)t.Amount);
    }

    public static IQueryable<Tranche> ThisMonth(PortalDbContext db, LocalDate today)
    {
        var endOfMonth = today.With(DateAdjusters.EndOfMonth);
        return Unpaid(db).Where(t => t.PlannedOn >= today && t.PlannedOn <= endOfMonth);
    }

    public static IQueryable<Tranche> Overdue(PortalDbContext db, LocalDate today) => Unpaid(db).Where(t => t.PlannedOn < today);
}
