using System.Globalization;
using System.Text.Json;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Auditing;
using GrantPortal.Core.Awards;
using GrantPortal.Core.Data;
using GrantPortal.Core.Localization;
using GrantPortal.Core.Money;
using GrantPortal.Core.Notifications;
using GrantPortal.Core.Organizations;
using GrantPortal.Core.Reporting;
using GrantPortal.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace GrantPortal.Core.Disbursements;

/// <param name="Notice">Something the user must know although the step succeeded, such as a report the approval will wait for.</param>
public sealed record PaymentResult(bool Succeeded, int? PaymentId, string? Error, string? Notice = null)
{
    public static PaymentResult NotFound { get; } = new(false, null, null);
}

/// <summary>A payment waiting for a checker or for the bank transfer.</summary>
public sealed record WorklistPayment(
    int PaymentId,
    int AwardId,
    OrganizationName OrganizationName,
    string ProjectTitle,
    string? ReceiptNumber,
    int TrancheSequence,
    Krw Amount,
    PaymentStatus Status,
    string RecordedBy,
    Instant RecordedAt,
    bool RecordedByMe,
    ReportKind? GateKind,
    ReportStatus? GateStatus,
    int Version)
{
    public bool GateOpen => GateStatus is null or ReportStatus.Approved;
}

/// <summary>An unpaid tranche (see <see cref="TranchesDue"/>): <see cref="Open"/> is still to record, the rest of <see cref="Unpaid"/> is on its way.</summary>
public sealed record WorklistTranche(int TrancheId, int AwardId, OrganizationName OrganizationName, string ProjectTitle, int Sequence, Krw Amount, Krw Open, Krw Unpaid, LocalDate PlannedOn, ReportKind? GateKind, ReportStatus? GateStatus)
{
    public bool GateOpen => GateStatus is null or ReportStatus.Approved;

    /// <summary>Recorded or approved but not yet transferred.</summary>
    public Krw InProgress => Unpaid - Open;
}

public sealed record FinanceWorklist(
    IReadOnlyList<WorklistPayment> AwaitingApproval,
    IReadOnlyList<WorklistPayment> AwaitingTransfer,
    IReadOnlyList<WorklistTranche> DueThisMonth,
    IReadOnlyList<WorklistTranche> Overdue);

/// <summary>
/// Money leaving the ministry, with two pairs of eyes: one Finance user records a payment, a different one
/// approves it, then it is marked paid with the bank reference. Payments are serialized per award on the award's
/// row, so together they never exceed the award. Only Finance users get answers; others are told "not found".
/// </summary>
public sealed class DisbursementService(
    IDbContextFactory<PortalDbContext> dbFactory,
    OrganizationMail mail,
    PortalLinks links,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    ILogger<DisbursementService> logger)
{
    public async Task<FinanceWorklist?> WorklistAsync(CurrentUser user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsIn(Roles.Finance))
        {
            return null;
        }

        var today = Seoul.Today(clock);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pending = await (
                from p in db.Payments.AsNoTracking()
                join t in db.Tranches on p.TrancheId equals t.Id
                join a in db.Awards on p.AwardId equals a.Id
                where p.Status == PaymentStatus.AwaitingApproval || p.Status == PaymentStatus.Approved
                orderby p.RecordedAt
                select new
                {
                    p.Id,
                    p.AwardId,
                    a.Application!.Organization!.NameKorean,
                    a.Application.Organization.Name,
                    a.Application.ProjectTitle,
                    a.Application.ReceiptNumber,
                    t.Sequence,
                    p.Amount,
                    p.Status,
                    p.RecordedById,
                    p.RecordedAt,
                    GateKind = (ReportKind?)t.GatingReport!.Kind,
                    GateStatus = (ReportStatus?)t.GatingReport.Status,
                    p.Version,
                })
            .ToListAsync(ct);
        var recorders = pending.Select(p => p.RecordedById).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => recorders.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var payments = pending.Select(p => new WorklistPayment(
            p.Id, p.AwardId, new OrganizationName(p.NameKorean, p.Name), p.ProjectTitle, p.ReceiptNumber, p.Sequence, p.Amount, p.Status, names.GetValueOrDefault(p.RecordedById, p.RecordedById), p.RecordedAt,
            p.RecordedById == user.UserId, p.GateKind, p.GateStatus, p.Version)).ToList();

        var dueThisMonth = await WorklistTranchesAsync(db, TranchesDue.ThisMonth(db, today), ct);
        var overdue = await WorklistTranchesAsync(db, TranchesDue.Overdue(db, today), ct);
        return new FinanceWorklist(
            payments.Where(p => p.Status == PaymentStatus.AwaitingApproval).ToList(),
            payments.Where(p => p.Status == PaymentStatus.Approved).ToList(),
            dueThisMonth,
            overdue);
    }

    private static async Task<List<WorklistTranche>> WorklistTranchesAsync(PortalDbContext db, IQueryable<Tranche> due, CancellationToken ct)
    {
        var rows = await (
                from t in due.AsNoTracking()
                join a in db.Awards on t.AwardId equals a.Id
                orderby t.PlannedOn, t.Id
                select new
                {
                    t.Id,
                    t.AwardId,
                    a.Application!.Organization!.NameKorean,
                    a.Application.Organization.Name,
                    a.Application.ProjectTitle,
                    t.Sequence,
                    t.Amount,
                    Recorded = t.Payments.Where(p => p.Status != PaymentStatus.Rejected).Sum(p => (long)p.Amount),
                    Paid = t.Payments.Where(p => p.Status == PaymentStatus.Paid).Sum(p => (long)p.Amount),
                    t.PlannedOn,
                    GateKind = (ReportKind?)t.GatingReport!.Kind,
                    GateStatus = (ReportStatus?)t.GatingReport.Status,
                })
            .ToListAsync(ct);
        return rows.Select(t => new WorklistTranche(
                t.Id, t.AwardId, new OrganizationName(t.NameKorean, t.Name), t.ProjectTitle, t.Sequence, t.Amount, Krw.Max(t.Amount - new Krw(t.Recorded), Krw.Zero), t.Amount - new Krw(t.Paid), t.PlannedOn, t.GateKind, t.GateStatus))
            .ToList();
    }

    /// <summary>The maker's step: a payment against a tranche, never beyond what the tranche and the award have left.</summary>
    public async Task<PaymentResult> RecordAsync(CurrentUser user, int trancheId, Krw amount, string? note, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsIn(Roles.Finance))
        {
            return PaymentResult.NotFound;
        }

        if (amount.IsNegative || amount.IsZero)
        {
            return new PaymentResult(false, null, localizer["Finance_AmountPositive"]);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var awardId = await db.Tranches.Where(t => t.Id == trancheId).Select(t => (int?)t.AwardId).SingleOrDefaultAsync(ct);
        if (awardId is not { } lockedAward)
        {
            return PaymentResult.NotFound;
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            var now = clock.GetCurrentInstant();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await AwardService.LockAwardAsync(db, lockedAward, ct);
            var award = await db.Awards.AsNoTracking().SingleAsync(a => a.Id == lockedAward, ct);
            if (award.Status != AwardStatus.Active)
            {
                return new PaymentResult(false, null, localizer["Finance_AwardNotActive"]);
            }

            var tranche = await db.Tranches.AsNoTracking().SingleAsync(t => t.Id == trancheId, ct);
            var counted = await db.Payments.Where(p => p.AwardId == lockedAward && p.Status != PaymentStatus.Rejected)
                .Select(p => new { p.TrancheId, p.Amount }).ToListAsync(ct);
            var awardLeft = award.Amount - Krw.Sum(counted.Select(p => p.Amount));
            if (amount > awardLeft)
            {
                return new PaymentResult(false, null, localizer["Finance_OverAward", Krw.Max(awardLeft, Krw.Zero).ForReader(), award.Amount.ForReader()]);
            }

            var trancheLeft = tranche.Amount - Krw.Sum(counted.Where(p => p.TrancheId == trancheId).Select(p => p.Amount));
            if (amount > trancheLeft)
            {
                return new PaymentResult(false, null, localizer["Finance_OverTranche", Krw.Max(trancheLeft, Krw.Zero).ForReader(), tranche.Sequence]);
            }

            var payment = new Payment
            {
                TrancheId = trancheId,
                AwardId = lockedAward,
                Amount = amount,
                Status = PaymentStatus.AwaitingApproval,
                RecordedById = user.UserId,
                RecordedAt = now,
                Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            };
            db.Payments.Add(payment);
            await db.SaveChangesAsync(ct);
            db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(), "payment.recorded", nameof(Payment), Id(payment.Id),
                after: JsonSerializer.Serialize(new { AwardId = lockedAward, TrancheId = trancheId, Amount = amount.Won, Status = payment.Status.ToString() })));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            logger.LogInformation("Payment {PaymentId} of {Amount} won recorded on award {AwardId} by {UserId}", payment.Id, amount.Won, lockedAward, user.UserId);

            // Recording ahead of the report is allowed (the transfer can be prepared); approval is not, so say so now.
            var gate = await GateAsync(db, trancheId, ct);
            var notice = gate is { Open: false }
                ? localizer["Finance_RecordedGateWaiting", localizer["Awards_Report" + gate.Kind], Date(gate.DueOn), localizer["Awards_ReportStatus" + gate.Status]].Value
                : null;
            return new PaymentResult(true, payment.Id, null, notice);
        });
    }

    /// <summary>
    /// The checker's step. Refused to the payment's maker, when the tranche's report is not approved yet, and when the
    /// award was reduced below what its payments would then hold.
    /// </summary>
    public async Task<PaymentResult> ApproveAsync(CurrentUser user, int paymentId, int expectedVersion, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsIn(Roles.Finance))
        {
            return PaymentResult.NotFound;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var awardId = await db.Payments.Where(p => p.Id == paymentId).Select(p => (int?)p.AwardId).SingleOrDefaultAsync(ct);
        if (awardId is not { } lockedAward)
        {
            return PaymentResult.NotFound;
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            var now = clock.GetCurrentInstant();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await AwardService.LockAwardAsync(db, lockedAward, ct);
            var payment = await db.Payments.SingleAsync(p => p.Id == paymentId, ct);
            if (payment.Version != expectedVersion)
            {
                return new PaymentResult(false, paymentId, localizer["Error_Concurrency"]);
            }

            if (payment.Status != PaymentStatus.AwaitingApproval)
            {
                return new PaymentResult(false, paymentId, localizer["Finance_NotAwaitingApproval"]);
            }

            if (payment.RecordedById == user.UserId)
            {
                return new PaymentResult(false, paymentId, localizer["Finance_SelfApproval"]);
            }

            var award = await db.Awards.AsNoTracking().SingleAsync(a => a.Id == lockedAward, ct);
            if (award.Status != AwardStatus.Active)
            {
                return new PaymentResult(false, paymentId, localizer["Finance_AwardNotActive"]);
            }

            var counted = new Krw(await db.Payments.Where(p => p.AwardId == lockedAward && p.Status != PaymentStatus.Rejected).SumAsync(p => (long)p.Amount, ct));
            if (counted > award.Amount)
            {
                return new PaymentResult(false, paymentId, localizer["Finance_OverAward", Krw.Max(award.Amount - (counted - payment.Amount), Krw.Zero).ForReader(), award.Amount.ForReader()]);
            }

            var gate = await GateAsync(db, payment.TrancheId, ct);
            if (gate is { Open: false })
            {
                return new PaymentResult(false, paymentId, localizer["Finance_GateClosed", localizer["Awards_Report" + gate.Kind], Date(gate.DueOn)]);
            }

            payment.Status = PaymentStatus.Approved;
            payment.ApprovedById = user.UserId;
            payment.ApprovedAt = now;
            db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(), "payment.approved", nameof(Payment), Id(paymentId),
                JsonSerializer.Serialize(new { Status = nameof(PaymentStatus.AwaitingApproval), payment.RecordedById }),
                JsonSerializer.Serialize(new { Status = nameof(PaymentStatus.Approved), Amount = payment.Amount.Won })));
            try
            {
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return new PaymentResult(false, paymentId, localizer["Error_Concurrency"]);
            }

            logger.LogInformation("Payment {PaymentId} approved by {UserId}", paymentId, user.UserId);
            return new PaymentResult(true, paymentId, null);
        });
    }

    /// <summary>Records the bank transfer of an approved payment.</summary>
    public async Task<PaymentResult> MarkPaidAsync(CurrentUser user, int paymentId, string? bankReference, LocalDate paidOn, int expectedVersion, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsIn(Roles.Finance))
        {
            return PaymentResult.NotFound;
        }

        if (string.IsNullOrWhiteSpace(bankReference))
        {
            return new PaymentResult(false, paymentId, localizer["Finance_BankReferenceRequired"]);
        }

        if (paidOn > Seoul.Today(clock))
        {
            return new PaymentResult(false, paymentId, localizer["Finance_PaidInFuture"]);
        }

        var now = clock.GetCurrentInstant();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var payment = await db.Payments.SingleOrDefaultAsync(p => p.Id == paymentId, ct);
        if (payment is null)
        {
            return PaymentResult.NotFound;
        }

        if (payment.Version != expectedVersion)
        {
            return new PaymentResult(false, paymentId, localizer["Error_Concurrency"]);
        }

        if (payment.Status != PaymentStatus.Approved)
        {
            return new PaymentResult(false, paymentId, localizer["Finance_NotApproved"]);
        }

        payment.Status = PaymentStatus.Paid;
        payment.PaidOn = paidOn;
        payment.BankReference = bankReference.Trim();
        db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(), "payment.paid", nameof(Payment), Id(paymentId),
            JsonSerializer.Serialize(new { Status = nameof(PaymentStatus.Approved) }),
            JsonSerializer.Serialize(new { Status = nameof(PaymentStatus.Paid), Amount = payment.Amount.Won, PaidOn = paidOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), payment.BankReference })));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new PaymentResult(false, paymentId, localizer["Error_Concurrency"]);
        }

        logger.LogInformation("Payment {PaymentId} marked paid by {UserId}", paymentId, user.UserId);
        await TellGranteeAsync(db, payment, ct);
        return new PaymentResult(true, paymentId, null);
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
        var paidOn = payment.PaidOn!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await mail.SendAsync(award.OrganizationId, member => (
            localizer["Finance_MailPaidSubject", award.ProjectTitle].Value,
            localizer["Finance_MailPaidBody", member.DisplayName, award.ProjectTitle, Amount(member.Language, payment.Amount), award.Sequence, paidOn,
                payment.BankReference ?? "", Amount(member.Language, new Krw(award.Paid)), Amount(member.Language, award.Amount), links.To(PortalPaths.Award(payment.AwardId))].Value), ct);
    }

    private static string Amount(string language, Krw amount) => amount.Format(CultureInfo.GetCultureInfo(Languages.Normalize(language)));

    /// <summary>Turns down a payment that is not yet paid; its amount is free for the tranche again.</summary>
    public async Task<PaymentResult> RejectAsync(CurrentUser user, int paymentId, string? reason, int expectedVersion, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsIn(Roles.Finance))
        {
            return PaymentResult.NotFound;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return new PaymentResult(false, paymentId, localizer["Awards_ReasonRequired"]);
        }

        var now = clock.GetCurrentInstant();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var payment = await db.Payments.SingleOrDefaultAsync(p => p.Id == paymentId, ct);
        if (payment is null)
        {
            return PaymentResult.NotFound;
        }

        if (payment.Version != expectedVersion)
        {
            return new PaymentResult(false, paymentId, localizer["Error_Concurrency"]);
        }

        if (payment.Status is not (PaymentStatus.AwaitingApproval or PaymentStatus.Approved))
        {
            return new PaymentResult(false, paymentId, localizer["Finance_NotAwaitingApproval"]);
        }

        var before = JsonSerializer.Serialize(new { Status = payment.Status.ToString() });
        payment.Status = PaymentStatus.Rejected;
        db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(), "payment.rejected", nameof(Payment), Id(paymentId), before,
            JsonSerializer.Serialize(new { Status = nameof(PaymentStatus.Rejected), Amount = payment.Amount.Won }), reason.Trim()));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new PaymentResult(false, paymentId, localizer["Error_Concurrency"]);
        }

        return new PaymentResult(true, paymentId, null);
    }

    /// <summary>The report a tranche waits for, if any.</summary>
    private static async Task<TrancheGate?> GateAsync(PortalDbContext db, int trancheId, CancellationToken ct) =>
        await db.Tranches.AsNoTracking().Where(t => t.Id == trancheId && t.GatingReportId != null)
            .Select(t => new TrancheGate(t.GatingReport!.Kind, t.GatingReport.Status, t.GatingReport.DueOn))
            .SingleOrDefaultAsync(ct);

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Date(LocalDate day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed record TrancheGate(ReportKind Kind, ReportStatus Status, LocalDate DueOn)
    {
        public bool Open => Status == ReportStatus.Approved;
    }
}
