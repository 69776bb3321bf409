using System.Diagnostics.CodeAnalysis;

namespace GrantPortal.Core.Awards;

/// <summary>
/// The steps the award and payment use cases share: who may act, the money a call has committed and an award has
/// paid, whether a row is still as its reader saw it, and how a change is saved and audited.
/// </summary>
internal static class AwardRules
{
    public static bool IsOfficer(CurrentUser user) => user.IsIn(Roles.ProgramOfficer);

    /// <summary>Returns of funds and tranche dates are finance's work as much as the officer's.</summary>
    public static bool IsOfficerOrFinance(CurrentUser user) => IsOfficer(user) || user.IsIn(Roles.Finance);

    /// <summary>
    /// Whether a change of an award's money is explained (the reason goes to the audit trail) and more than zero; when
    /// it is not, <paramref name="invalid"/> names the field.
    /// </summary>
    public static bool IsExplainedAmount([NotNullWhen(true)] string? reason, Krw amount, IStringLocalizer<Strings> localizer, [NotNullWhen(false)] out Result? invalid)
    {
        invalid = string.IsNullOrWhiteSpace(reason) ? Result.Invalid("Reason", localizer["Awards_ReasonRequired"])
            : amount.IsNegative || amount.IsZero ? Result.Invalid("Amount", localizer["Awards_AmountPositive"])
            : null;
        return invalid is null;
    }

    /// <summary>
    /// Whether the row a person changes is there and still as they read it; when it is not, <paramref name="refusal"/>
    /// says not found, or that someone changed it since.
    /// </summary>
    public static bool IsAsRead<T>([NotNullWhen(true)] T? row, int expectedVersion, IStringLocalizer<Strings> localizer, [NotNullWhen(false)] out Result? refusal)
        where T : class, IVersioned
    {
        refusal = row is null ? Result.NotFound()
            : row.Version != expectedVersion ? Result.Conflict(localizer["Error_Concurrency"])
            : null;
        return refusal is null;
    }

    /// <summary>The call an award draws on (its row is the lock every change of committed money takes), or null when there is no such award.</summary>
    public static Task<int?> CallOfAsync(PortalDbContext db, int awardId, CancellationToken ct) =>
        db.Awards.Where(a => a.Id == awardId).Select(a => (int?)a.CallId).SingleOrDefaultAsync(ct);

    /// <summary>What a call's awards hold against its envelope: cancelled awards hold nothing.</summary>
    public static async Task<Krw> CommittedAsync(PortalDbContext db, int callId, CancellationToken ct) =>
        new(await db.Awards.Where(a => a.CallId == callId && a.Status != AwardStatus.Cancelled).SumAsync(a => (long)a.Amount, ct));

    /// <summary>What has been paid out on an award (payments marked paid).</summary>
    public static async Task<Krw> PaidAsync(PortalDbContext db, int awardId, CancellationToken ct) =>
        new(await db.Payments.Where(p => p.AwardId == awardId && p.Status == Disbursements.PaymentStatus.Paid).SumAsync(p => (long)p.Amount, ct));

    /// <summary>Why the officer cannot change this award now (someone else changed it since it was read, or it is no longer active); null when they can.</summary>
    public static Result? Unchangeable(Award award, int expectedVersion, IStringLocalizer<Strings> localizer) =>
        !IsAsRead(award, expectedVersion, localizer, out var refusal) ? refusal
        : award.Status != AwardStatus.Active ? Result.Refused(localizer["Awards_NotActive"])
        : null;

    /// <summary>The refusal of money the envelope does not hold; it names what remains.</summary>
    public static Result OverEnvelope(IStringLocalizer<Strings> localizer, ILogger logger, int callId, Krw amount, Krw remaining)
    {
        var shown = Krw.Max(remaining, Krw.Zero);
        logger.LogInformation("Award of {Amount} won refused in call {CallId}: {Remaining} remains", amount.Won, callId, shown.Won);
        return Result.Refused(localizer["Awards_OverEnvelope", amount.ForReader(), shown.ForReader()]);
    }

    /// <summary>Saves the change, or answers a conflict when a versioned row moved since it was read (nothing is saved then).</summary>
    public static async Task<Result> SaveAsync(PortalDbContext db, IStringLocalizer<Strings> localizer, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return Result.Done();
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Conflict(localizer["Error_Concurrency"]);
        }
    }

    /// <summary>An award as the audit trail keeps it before and after a change.</summary>
    public static string Snapshot(Award award) => JsonSerializer.Serialize(new
    {
        award.ApplicationId,
        Amount = award.Amount.Won,
        award.Conditions,
        Status = award.Status.ToString(),
        Tranches = award.Tranches.OrderBy(t => t.Sequence).Select(t => new { t.Sequence, Amount = t.Amount.Won, PlannedOn = Day(t.PlannedOn) }),
    });

    /// <summary>A record's id as the audit trail keys it.</summary>
    public static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    public static string Day(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
