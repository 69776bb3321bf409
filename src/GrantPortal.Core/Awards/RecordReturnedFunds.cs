using System.Text.Json;
using GrantPortal.Core.Auditing;
using GrantPortal.Core.Data;
using GrantPortal.Core.Localization;
using GrantPortal.Core.Money;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace GrantPortal.Core.Awards;

/// <summary>
/// An officer or a finance user records money the grantee gave back (unspent or recovered): never more than was paid
/// and not yet returned. The award's version, as the reader saw it, guards the write.
/// </summary>
public sealed class RecordReturnedFunds(
    IDbContextFactory<PortalDbContext> dbFactory,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    ILogger<RecordReturnedFunds> logger)
{
    public async Task<Result> RecordReturnAsync(CurrentUser user, int awardId, Krw amount, string? reason, int expectedVersion, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!AwardRules.IsOfficerOrFinance(user))
        {
            return Result.NotFound();
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return AwardRules.Invalid("Reason", localizer["Awards_ReasonRequired"]);
        }

        if (amount.IsNegative || amount.IsZero)
        {
            return AwardRules.Invalid("Amount", localizer["Awards_AmountPositive"]);
        }

        var now = clock.GetCurrentInstant();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var award = await db.Awards.SingleOrDefaultAsync(a => a.Id == awardId, ct);
        if (award is null)
        {
            return Result.NotFound();
        }

        if (award.Version != expectedVersion)
        {
            return Result.Conflict(localizer["Error_Concurrency"]);
        }

        var returnable = await AwardRules.PaidAsync(db, awardId, ct) - award.ReturnedAmount;
        if (amount > returnable)
        {
            return Result.Refused(localizer["Awards_ReturnTooLarge", Krw.Max(returnable, Krw.Zero).ForReader()]);
        }

        var before = JsonSerializer.Serialize(new { ReturnedAmount = award.ReturnedAmount.Won });
        award.ReturnedAmount += amount;
        db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(), "award.funds-returned", nameof(Award), AwardRules.Id(awardId), before,
            JsonSerializer.Serialize(new { ReturnedAmount = award.ReturnedAmount.Won, Received = amount.Won }), reason.Trim()));
        var saved = await AwardRules.SaveAsync(db, localizer, ct);
        if (saved.Succeeded)
        {
            logger.LogInformation("Award {AwardId}: {Amount} won returned, recorded by {UserId}", awardId, amount.Won, user.UserId);
        }

        return saved;
    }
}
