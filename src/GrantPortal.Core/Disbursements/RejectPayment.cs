namespace GrantPortal.Core.Disbursements;

/// <summary>
/// A finance user turns down a payment that is not yet paid, with a reason the maker reads on the award's page; its
/// amount is free for the tranche again. The payment's version, as the checker read it, guards the write.
/// </summary>
public sealed class RejectPayment(IDbContextFactory<PortalDbContext> dbFactory, IClock clock, IStringLocalizer<Strings> localizer)
{
    public async Task<Result> RejectAsync(CurrentUser user, int paymentId, string? reason, int expectedVersion, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsIn(Roles.Finance))
        {
            return Result.NotFound();
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Result.Invalid("Reason", localizer["Awards_ReasonRequired"]);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var payment = await db.Payments.FindAsync([paymentId], ct);
        if (!AwardRules.IsAsRead(payment, expectedVersion, localizer, out var refusal))
        {
            return refusal;
        }

        if (payment.Status is not (PaymentStatus.AwaitingApproval or PaymentStatus.Approved))
        {
            return Result.Refused(localizer["Finance_NotAwaitingApproval"]);
        }

        var before = JsonSerializer.Serialize(new { Status = payment.Status.ToString() });
        payment.Status = PaymentStatus.Rejected;
        db.AuditEvents.Add(AuditEvent.Record(clock.GetCurrentInstant(), user.AsActor(), "payment.rejected", nameof(Payment), AwardRules.Id(paymentId), before,
            JsonSerializer.Serialize(new { Status = nameof(PaymentStatus.Rejected), Amount = payment.Amount.Won }), reason.Trim()));
        return await AwardRules.SaveAsync(db, localizer, ct);
    }
}
