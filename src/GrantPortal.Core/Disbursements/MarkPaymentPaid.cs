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
        var saved = await AwardRules.SaveAsync(db, localizer, ct);
        if (!saved.Succeeded)
        {
            return saved;
        }

        logger.LogInformation("Payment {PaymentId} marked paid by {UserId}", paymentId, user.UserId);
        await TellGranteeAsync(db, payment, ct);
        return saved;
    }

    /// <summary>The grantee's people hear that the money is on its way: amount, date, bank reference and what is still to come.</summary>
    private async Task TellGranteeAsync(PortalDbContext db, Payment payment, CancellationToken ct)
    {
        var award = await db.Awards.AsNoTracking().Where(a => a.Id == payment.AwardId)
            .Select(a => new
            {
                a.OrganizationId,
                a.Application!.ProjectTitle,
                a.Amount,
                Paid = db.Payments.Where(p => p.AwardId == a.Id && p.Status == PaymentStatus.Paid).Sum(p => (long)p.Amount),
                Sequence = db.Tranches.Where(t => t.Id == payment.TrancheId).Select(t => t.Sequence).First(),
            })
            .SingleAsync(ct);
        var paidOn = AwardRules.Day(payment.PaidOn!.Value);
        await mail.SendAsync(award.OrganizationId, member => (
            localizer["Finance_MailPaidSubject", award.ProjectTitle].Value,
            localizer["Finance_MailPaidBody", member.DisplayName, award.ProjectTitle, Amount(member.Language, payment.Amount), award.Sequence, paidOn,
                payment.BankReference ?? "", Amount(member.Language, new Krw(award.Paid)), Amount(member.Language, award.Amount), links.To(PortalPaths.Award(payment.AwardId))].Value), ct);
    }

    private static string Amount(string language, Krw amount) => amount.Format(CultureInfo.GetCultureInfo(Languages.Normalize(language)));
}
