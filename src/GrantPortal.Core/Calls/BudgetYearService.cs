using System.Globalization;
using System.Text.Json;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Auditing;
using GrantPortal.Core.Data;
using GrantPortal.Core.Localization;
using GrantPortal.Core.Money;
using GrantPortal.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace GrantPortal.Core.Calls;

/// <summary>A budget year as the officer opens or changes it. <see cref="Version"/> is null for a new year.</summary>
public sealed class BudgetYearForm
{
    public int Year { get; set; }

    public Krw Envelope { get; set; }

    public string? Note { get; set; }

    public int? Version { get; set; }

    public bool IsNew => Version is null;
}

public sealed record BudgetYearResult(bool Succeeded, IReadOnlyList<FieldError> Errors)
{
    public static BudgetYearResult NotFound { get; } = new(false, []);

    public static BudgetYearResult Saved { get; } = new(true, []);
}

/// <summary>
/// Opening a budget year and changing its envelope. The envelope never falls below what the year's calls
/// already divide, checked under the same year lock <see cref="CallService"/> takes, so a call saved at the same
/// moment cannot slip past. Program officers only; anyone else is told the year does not exist.
/// </summary>
public sealed class BudgetYearService(
    IDbContextFactory<PortalDbContext> dbFactory,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    ILogger<BudgetYearService> logger)
{
    /// <summary>The earliest year the portal accepts; the reference data starts in 2023.</summary>
    public const int FirstYear = 2000;

    /// <summary>How many years ahead of the current Seoul year a budget can be opened.</summary>
    public const int YearsAhead = 5;

    /// <summary>The year ready to edit, or null for non-officers and unknown years.</summary>
    public async Task<BudgetYearForm?> GetAsync(CurrentUser user, int year, CancellationToken ct = default)
    {
        if (!IsOfficer(user))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.BudgetYears.AsNoTracking()
            .Where(y => y.Year == year)
            .Select(y => new BudgetYearForm { Year = y.Year, Envelope = y.Envelope, Note = y.Note, Version = y.Version })
            .SingleOrDefaultAsync(ct);
    }

    public async Task<BudgetYearResult> SaveAsync(CurrentUser user, BudgetYearForm form, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!IsOfficer(user))
        {
            return BudgetYearResult.NotFound;
        }

        var errors = Validate(form);
        if (errors.Count > 0)
        {
            return new BudgetYearResult(false, errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(() => form.IsNew ? OpenAsync(db, user, form, ct) : ChangeAsync(db, user, form, ct));
    }

    private List<FieldError> Validate(BudgetYearForm form)
    {
        var errors = new List<FieldError>();
        var lastYear = Seoul.Today(clock).Year + YearsAhead;
        if (form.IsNew && (form.Year < FirstYear || form.Year > lastYear))
        {
            errors.Add(new FieldError(nameof(BudgetYearForm.Year), localizer["BudgetYear_YearOutOfRange", FirstYear, lastYear]));
        }

        if (form.Envelope.IsNegative || form.Envelope.IsZero)
        {
            errors.Add(new FieldError(nameof(BudgetYearForm.Envelope), localizer["BudgetYear_EnvelopeRequired"]));
        }
        else if (form.Envelope > Krw.Ceiling)
        {
            errors.Add(new FieldError(nameof(BudgetYearForm.Envelope), localizer["BudgetYear_EnvelopeTooLarge", Krw.Ceiling.ForReader()]));
        }

        if (form.Note is { Length: > 2000 })
        {
            errors.Add(new FieldError(nameof(BudgetYearForm.Note), localizer["BudgetYear_NoteTooLong", 2000]));
        }

        return errors;
    }

    private async Task<BudgetYearResult> OpenAsync(PortalDbContext db, CurrentUser user, BudgetYearForm form, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        if (await db.BudgetYears.AnyAsync(y => y.Year == form.Year, ct))
        {
            return Exists(form.Year);
        }

        var budget = BudgetYear.Open(form.Year, form.Envelope);
        budget.Note = Trimmed(form.Note);
        db.BudgetYears.Add(budget);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two officers opened the same year at once; the unique index kept one.
            if (await YearExistsAsync(form.Year, ct))
            {
                return Exists(form.Year);
            }

            throw;
        }

        db.AuditEvents.Add(AuditEvent.Record(clock.GetCurrentInstant(), user.AsActor(), "budget-year.opened", nameof(BudgetYear), Id(budget.Year),
            after: Snapshot(budget)));
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Budget year {Year} opened with {Envelope} by {UserId}", budget.Year, budget.Envelope.Won, user.UserId);
        return BudgetYearResult.Saved;
    }

    private async Task<BudgetYearResult> ChangeAsync(PortalDbContext db, CurrentUser user, BudgetYearForm form, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        // The same lock CallService takes before summing the year's calls: a write that leaves the version as it is.
        var locked = await db.BudgetYears.Where(y => y.Year == form.Year).ExecuteUpdateAsync(s => s.SetProperty(y => y.Version, y => y.Version), ct);
        var budget = locked == 0 ? null : await db.BudgetYears.SingleAsync(y => y.Year == form.Year, ct);
        if (budget is null)
        {
            return BudgetYearResult.NotFound;
        }

        if (budget.Version != form.Version)
        {
            return new BudgetYearResult(false, [new FieldError("", localizer["Error_Concurrency"])]);
        }

        var allocated = new Krw(await db.Calls.Where(c => c.BudgetYearId == budget.Id).SumAsync(c => (long)c.Envelope, ct));
        if (form.Envelope < allocated)
        {
            return new BudgetYearResult(false,
                [new FieldError(nameof(BudgetYearForm.Envelope), localizer["BudgetYear_BelowCalls", budget.Year, allocated.ForReader()])]);
        }

        var before = Snapshot(budget);
        budget.ChangeEnvelope(form.Envelope);
        budget.Note = Trimmed(form.Note);
        if (before == Snapshot(budget))
        {
            return BudgetYearResult.Saved;
        }

        db.AuditEvents.Add(AuditEvent.Record(clock.GetCurrentInstant(), user.AsActor(), "budget-year.changed", nameof(BudgetYear), Id(budget.Year),
            before, Snapshot(budget)));
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new BudgetYearResult(false, [new FieldError("", localizer["Error_Concurrency"])]);
        }

        logger.LogInformation("Budget year {Year} envelope set to {Envelope} by {UserId}", budget.Year, budget.Envelope.Won, user.UserId);
        return BudgetYearResult.Saved;
    }

    private async Task<bool> YearExistsAsync(int year, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.BudgetYears.AnyAsync(y => y.Year == year, ct);
    }

    private BudgetYearResult Exists(int year) =>
        new(false, [new FieldError(nameof(BudgetYearForm.Year), localizer["BudgetYear_Exists", year])]);

    private static string? Trimmed(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();

    private static string Snapshot(BudgetYear budget) => JsonSerializer.Serialize(new { budget.Year, Envelope = budget.Envelope.Won, budget.Note });

    private static string Id(int year) => year.ToString(CultureInfo.InvariantCulture);

    private static bool IsOfficer(CurrentUser? user) => user is not null && user.IsIn(Roles.ProgramOfficer);
}
