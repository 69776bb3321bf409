namespace GrantPortal.Core.Disbursements;

/// <summary>
/// The checker's step of a payment: a second finance user approves what the first recorded. Refused to the payment's
/// maker, while the tranche's report is not approved, and when the award was reduced below what its payments would
/// then hold. Approved payments are marked paid once the bank transfer is made (<see cref="MarkPaymentPaid"/>).
/// </summary>
public sealed class ApprovePayment(
    IDbContextFactory<PortalDbContext> dbFactory,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    ILogger<ApprovePayment> logger)
{
    public async Task<Result> ApproveAsync(CurrentUser user, int paymentId, int expectedVersion, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsIn(Roles.Finance))
        {
            return Result.NotFound();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var result = await PayableAward.UnderAwardLockAsync(
            db, db.Payments.Where(p => p.Id == paymentId).Select(p => p.AwardId), awardId => ApproveUnderAwardLockAsync(db, user, awardId, paymentId, expectedVersion, ct), ct);
        if (result is { Succeeded: true })
        {
            logger.LogInformation("Payment {PaymentId} approved by {UserId}", paymentId, user.UserId);
        }

        return result ?? Result.NotFound();
    }

    private async Task<Result> ApproveUnderAwardLockAsync(PortalDbContext db, CurrentUser user, int awardId, int paymentId, int expectedVersion, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        var payment = await db.Payments.FindAsync([paymentId], ct);
        if (!AwardRules.IsAsRead(payment, expectedVersion, localizer, out var refusal))
        {
            return refusal;
        }

        if (payment.Status != PaymentStatus.AwaitingApproval)
        {
            return Result.Refused(localizer["Finance_NotAwaitingApproval"]);
        }

        if (payment.RecordedById == user.UserId)
        {
            return Result.Refused(localizer["Finance_SelfApproval"]);
        }

        if (await PayableAward.ReadAsync(db, awardId, ct) is not { } award)
        {
            return Result.Refused(localizer["Finance_AwardNotActive"]);
        }

        // This payment is among the counted ones: what the award has left once it is paid must not be negative.
        if (award.Left.IsNegative)
        {
            return award.OverAward(localizer, award.Left + payment.Amount);
        }

        // The officer may have approved a new account since this payment was recorded: it must not go to the old one.
        if (payment.BankAccountId is { } accountId
            && !await db.BankAccounts.AnyAsync(a => a.Id == accountId && a.Status == BankAccountStatus.Approved, ct))
        {
            return Result.Refused(localizer["Finance_AccountNoLongerApproved"]);
        }

        var gate = await ReportGate.OfTrancheAsync(db, payment.TrancheId, ct);
        if (gate is { Open: false })
        {
            return Result.Refused(localizer["Finance_GateClosed", localizer["Awards_Report" + gate.Kind], gate.Due]);
        }

        payment.Status = PaymentStatus.Approved;
        payment.ApprovedById = user.UserId;
        payment.ApprovedAt = now;
        db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(), "payment.approved", nameof(Payment), AwardRules.Id(paymentId),
            JsonSerializer.Serialize(new { Status = nameof(PaymentStatus.AwaitingApproval), payment.RecordedById }),
            JsonSerializer.Serialize(new { Status = nameof(PaymentStatus.Approved), Amount = payment.Amount.Won })));
        return await AwardRules.SaveAsync(db, localizer, ct);
    }
}
