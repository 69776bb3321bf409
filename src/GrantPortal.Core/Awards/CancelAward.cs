namespace GrantPortal.Core.Awards;

/// <summary>
/// A program officer cancels an award with a reason: its amount returns to the call's envelope and its unpaid
/// payments are rejected. Money already paid cannot be cancelled away: the officer reduces the award instead and
/// finance records what comes back (<see cref="RecordReturnedFunds"/>).
/// </summary>
public sealed class CancelAward(
    IDbContextFactory<PortalDbContext> dbFactory,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    ILogger<CancelAward> logger)
{
    /// <summary>Done with a notice of the amount returned to the envelope.</summary>
    public async Task<Result> CancelAsync(CurrentUser user, int awardId, string? reason, int expectedVersion, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!AwardRules.IsOfficer(user))
        {
            return Result.NotFound();
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Result.Invalid("Reason", localizer["Awards_ReasonRequired"]);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await AwardRules.CallOfAsync(db, awardId, ct) is not { } callId)
        {
            return Result.NotFound();
        }

        // The call's lock, as for every change of committed money; the award's, so no payment is recorded or approved meanwhile.
        var result = await db.InTransactionAsync(
            [RowLock.On<Call>(callId), RowLock.On<Award>(awardId)],
            () => CancelUnderLockAsync(db, user, awardId, reason.Trim(), expectedVersion, ct),
            ct);
        if (result.Succeeded)
        {
            logger.LogInformation("Award {AwardId} cancelled by {UserId}", awardId, user.UserId);
        }

        return result;
    }

    private async Task<Result> CancelUnderLockAsync(PortalDbContext db, CurrentUser user, int awardId, string reason, int expectedVersion, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        var award = await db.Awards.SingleAsync(a => a.Id == awardId, ct);
        if (AwardRules.Unchangeable(award, expectedVersion, localizer) is { } refusal)
        {
            return refusal;
        }

        var payments = await db.Payments.Where(p => p.AwardId == awardId).ToListAsync(ct);
        var paid = Krw.Sum(payments.Where(p => p.Status == PaymentStatus.Paid).Select(p => p.Amount));
        if (!paid.IsZero)
        {
            return Result.Refused(localizer["Awards_CancelPaid", paid.ForReader()]);
        }

        var before = AwardRules.Snapshot(award);
        foreach (var pending in payments.Where(p => p.Status is PaymentStatus.AwaitingApproval or PaymentStatus.Approved))
        {
            pending.Status = PaymentStatus.Rejected;
            db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(), "payment.rejected", nameof(Payment), AwardRules.Id(pending.Id),
                JsonSerializer.Serialize(new { Status = nameof(PaymentStatus.AwaitingApproval), Amount = pending.Amount.Won }),
                JsonSerializer.Serialize(new { Status = nameof(PaymentStatus.Rejected) }), reason));
        }

        award.Status = AwardStatus.Cancelled;
        award.CancelledAt = now;
        award.CancellationReason = reason;
        db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(), "award.cancelled", nameof(Award), AwardRules.Id(award.Id), before, AwardRules.Snapshot(award), award.CancellationReason));
        var saved = await AwardRules.SaveAsync(db, localizer, ct);
        return saved.Succeeded ? Result.DoneWithNotice(localizer["Awards_Cancelled", award.Amount.ForReader()].Value) : saved;
    }
}
