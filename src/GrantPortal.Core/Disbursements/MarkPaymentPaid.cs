namespace GrantPortal.Core.Disbursements;

/// <summary>
/// A finance user records the bank transfer of an approved payment (reference and date), and the grantee's people
/// hear that the money is on its way. The payment's version, as the user read it, guards the write.
/// </summary>
public sealed class MarkPaymentPaid(
    IDbContextFactory<PortalDbContext> dbFactory,
    OrganizationMail mail,
    PortalLinks links,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    ILogger<MarkPaymentPaid> logger)
{
    public async Task<Result> MarkPaidAsync(CurrentUser user, int paymentId, string? bankReference, LocalDate paidOn, int expectedVersion, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsIn(Roles.Finance))
        {
            return Result.NotFound();
        }

        if (string.IsNullOrWhiteSpace(bankReference))
        {
            return Result.Invalid("BankReference", localizer["Finance_BankReferenceRequired"]);
        }

        if (paidOn > Seoul.Today(clock))
        {
            return Result.Invalid("PaidOn", localizer["Finance_PaidInFuture"]);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var payment = await db.Payments.FindAsync([paymentId], ct);
        if (!AwardRules.IsAsRead(payment, expectedVersion, localizer, out var refusal))
        {
            return refusal;
        }

        if (payment.Status != PaymentStatus.Approved)
        {
            return Result.Refused(localizer["Finance_NotApproved"]);
        }

        payment.Status = PaymentStatus.Paid;
        payment.PaidOn = paidOn;
        payment.BankReference = bankReference.Trim();
        db.AuditEvents.Add(AuditEvent.Record(clock.GetCurrentInstant(), user.AsActor(), "payment.paid", nameof(Payment), AwardRules.Id(paymentId),
            JsonSerializer.Serialize(new { Status = nameof(PaymentStatus.Approved) }),
            JsonSerializer.Serialize(new { Status = nameof(PaymentStatus.Paid), Amount = payment.Amount.Won, PaidOn = AwardRules.Day(paidOn), payment.BankReference })));
        await TellGranteeAsync(db, payment, ct);
        var saved = await AwardRules.SaveAsync(db, localizer, ct);
        if (saved.Succeeded)
        {
            logger.LogInformation("Payment {PaymentId} marked paid by {UserId}", paymentId, user.UserId);
        }

        return saved;
    }

    /// <summary>
    /// The grantee's people hear that the money is on its way: amount, date, bank reference and what is still to come.
    /// The mail is saved with the payment (the outbox), so the total it names counts this payment, not yet saved.
    /// </summary>
    private async Task TellGranteeAsync(PortalDbContext db, Payment payment, CancellationToken ct)
    {
        var award = await db.Awards.AsNoTracking().Where(a => a.Id == payment.AwardId)
            .Select(a => new
            {
                a.OrganizationId,
                a.Application!.ProjectTitle,
                a.Amount,
                PaidBefore = db.Payments.Where(p => p.AwardId == a.Id && p.Id != payment.Id && p.Status == PaymentStatus.Paid).Sum(p => (long)p.Amount),
                Sequence = db.Tranches.Where(t => t.Id == payment.TrancheId).Select(t => t.Sequence).First(),
            })
            .SingleAsync(ct);
        var paidOn = AwardRules.Day(payment.PaidOn!.Value);
        var paid = new Krw(award.PaidBefore) + payment.Amount;
        await mail.QueueAsync(db, award.OrganizationId, MailPurposes.PaymentPaid, member => (
            localizer["Finance_MailPaidSubject", award.ProjectTitle].Value,
            localizer["Finance_MailPaidBody", member.DisplayName, award.ProjectTitle, Amount(member.Language, payment.Amount), award.Sequence, paidOn,
                payment.BankReference ?? "", Amount(member.Language, paid), Amount(member.Language, award.Amount), links.To(PortalPaths.Award(payment.AwardId))].Value), ct);
    }

    private static string Amount(string language, Krw amount) => amount.Format(CultureInfo.GetCultureInfo(Languages.Normalize(language)));
}
