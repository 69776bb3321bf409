namespace GrantPortal.Core.Disbursements;

/// <summary>
/// The maker's step of a payment: a finance user records money against a tranche, never beyond what the tranche and
/// the award have left. A different finance user approves it (<see cref="ApprovePayment"/>). Anyone but finance is
/// told the tranche does not exist.
/// </summary>
public sealed class RecordPayment(
    IDbContextFactory<PortalDbContext> dbFactory,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    ILogger<RecordPayment> logger)
{
    /// <summary>
    /// The value is the new payment's id. A payment on a tranche whose report is not approved yet is recorded, with a
    /// notice that its approval will wait for that report.
    /// </summary>
    public async Task<Result<int>> RecordAsync(CurrentUser user, int trancheId, Krw amount, string? note, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsIn(Roles.Finance))
        {
            return Result.NotFound();
        }

        if (amount.IsNegative || amount.IsZero)
        {
            return Result.Invalid("Amount", localizer["Finance_AmountPositive"]);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var recording = new Recording(trancheId, amount, string.IsNullOrWhiteSpace(note) ? null : note.Trim());
        var result = await PayableAward.UnderAwardLockAsync(
            db, db.Tranches.Where(t => t.Id == trancheId).Select(t => t.AwardId), awardId => RecordUnderAwardLockAsync(db, user, awardId, recording, ct), ct);
        return result ?? Result.NotFound();
    }

    private async Task<Result<int>> RecordUnderAwardLockAsync(PortalDbContext db, CurrentUser user, int awardId, Recording recording, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        if (await PayableAward.ReadAsync(db, awardId, ct) is not { } award)
        {
            return Result.Refused(localizer["Finance_AwardNotActive"]);
        }

        // No money leaves before the grant decision (교부결정), and only to the account the officer approved.
        if (!await db.GrantAgreements.AnyAsync(a => a.AwardId == awardId && a.Status == AgreementStatus.Decided, ct))
        {
            return Result.Refused(localizer["Finance_BeforeGrantDecision"]);
        }

        if (await AgreementRules.ApprovedAccountAsync(db, awardId, ct) is not { } account)
        {
            return Result.Refused(localizer["Finance_NoApprovedAccount"]);
        }

        if (recording.Amount > award.Left)
        {
            return award.OverAward(localizer, award.Left);
        }

        var tranche = await db.Tranches.AsNoTracking().SingleAsync(t => t.Id == recording.TrancheId, ct);
        var trancheLeft = award.LeftOn(tranche);
        if (recording.Amount > trancheLeft)
        {
            return Result.Refused(localizer["Finance_OverTranche", Krw.Max(trancheLeft, Krw.Zero).ForReader(), tranche.Sequence]);
        }

        var payment = new Payment
        {
            TrancheId = tranche.Id,
            AwardId = awardId,
            Amount = recording.Amount,
            Status = PaymentStatus.AwaitingApproval,
            RecordedById = user.UserId,
            RecordedAt = now,
            Note = recording.Note,
            BankAccountId = account.Id,
        };
        db.Payments.Add(payment);
        await db.SaveChangesAsync(ct);
        db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(), "payment.recorded", nameof(Payment), AwardRules.Id(payment.Id),
            after: JsonSerializer.Serialize(new { AwardId = awardId, TrancheId = tranche.Id, Amount = payment.Amount.Won, Status = payment.Status.ToString(), BankAccountId = account.Id })));
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Payment {PaymentId} of {Amount} won recorded on award {AwardId} by {UserId}", payment.Id, payment.Amount.Won, awardId, user.UserId);

        // Recording ahead of the report is allowed (the transfer can be prepared); approval is not, so say so now.
        var gate = await ReportGate.OfTrancheAsync(db, tranche.Id, ct);
        var notice = gate is { Open: false }
            ? localizer["Finance_RecordedGateWaiting", localizer["Awards_Report" + gate.Kind], gate.Due, localizer["Awards_ReportStatus" + gate.Status]].Value
            : null;
        return Result.Done(payment.Id, notice);
    }

    private sealed record Recording(int TrancheId, Krw Amount, string? Note);
}
