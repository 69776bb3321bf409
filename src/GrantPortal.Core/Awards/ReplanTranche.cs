namespace GrantPortal.Core.Awards;

/// <summary>
/// An officer or a finance user moves a tranche's planned date (projects slip; finance plans transfers), only while
/// the award is active and the tranche is not fully paid. Amounts change only by amending the award (<see cref="AmendAward"/>).
/// </summary>
public sealed class ReplanTranche(IDbContextFactory<PortalDbContext> dbFactory, IClock clock, IStringLocalizer<Strings> localizer)
{
    public async Task<Result> ReplanTrancheAsync(CurrentUser user, int trancheId, LocalDate plannedOn, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!AwardRules.IsOfficerOrFinance(user))
        {
            return Result.NotFound();
        }

        var now = clock.GetCurrentInstant();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tranche = await db.Tranches.Include(t => t.Payments).SingleOrDefaultAsync(t => t.Id == trancheId, ct);
        if (tranche is null)
        {
            return Result.NotFound();
        }

        var status = await db.Awards.Where(a => a.Id == tranche.AwardId).Select(a => a.Status).SingleAsync(ct);
        var paid = tranche.Payments.Where(p => p.Status == PaymentStatus.Paid).Sum(p => p.Amount.Won);
        if (status != AwardStatus.Active || paid >= tranche.Amount.Won)
        {
            return Result.Refused(localizer["Awards_TrancheNotReplannable"]);
        }

        var before = JsonSerializer.Serialize(new { PlannedOn = AwardRules.Day(tranche.PlannedOn) });
        tranche.PlannedOn = plannedOn;
        db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(), "tranche.replanned", nameof(Tranche), AwardRules.Id(tranche.Id),
            before, JsonSerializer.Serialize(new { tranche.AwardId, tranche.Sequence, PlannedOn = AwardRules.Day(plannedOn) })));
        await db.SaveChangesAsync(ct);
        return Result.Done();
    }
}
