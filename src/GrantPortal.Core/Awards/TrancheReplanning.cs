using System.Globalization;
using System.Text.Json;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Auditing;
using GrantPortal.Core.Disbursements;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace GrantPortal.Core.Awards;

public sealed partial class AwardService
{
    /// <summary>
    /// Moves a tranche's planned date (projects slip; finance plans transfers). Officers and finance; only while the
    /// award is active and the tranche is not fully paid. Amounts change only through <see cref="AmendAsync"/>.
    /// </summary>
    public async Task<AwardResult> ReplanTrancheAsync(CurrentUser user, int trancheId, LocalDate plannedOn, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!IsOfficer(user) && !user.IsIn(Roles.Finance))
        {
            return AwardResult.NotFound;
        }

        var now = clock.GetCurrentInstant();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tranche = await db.Tranches.Include(t => t.Payments).SingleOrDefaultAsync(t => t.Id == trancheId, ct);
        if (tranche is null)
        {
            return AwardResult.NotFound;
        }

        var status = await db.Awards.Where(a => a.Id == tranche.AwardId).Select(a => a.Status).SingleAsync(ct);
        var paid = tranche.Payments.Where(p => p.Status == PaymentStatus.Paid).Sum(p => p.Amount.Won);
        if (status != AwardStatus.Active || paid >= tranche.Amount.Won)
        {
            return new AwardResult(AwardOutcome.Invalid, tranche.AwardId, localizer["Awards_TrancheNotReplannable"]);
        }

        var before = JsonSerializer.Serialize(new { PlannedOn = Day(tranche.PlannedOn) });
        tranche.PlannedOn = plannedOn;
        db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(), "tranche.replanned", nameof(Tranche), tranche.Id.ToString(CultureInfo.InvariantCulture),
            before, JsonSerializer.Serialize(new { tranche.AwardId, tranche.Sequence, PlannedOn = Day(plannedOn) })));
        await db.SaveChangesAsync(ct);
        return new AwardResult(AwardOutcome.Saved, tranche.AwardId, null);
    }

    private static string Day(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
