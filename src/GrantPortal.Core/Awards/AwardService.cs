using System.Globalization;
using System.Text.Json;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Applications;
using GrantPortal.Core.Auditing;
using GrantPortal.Core.Calls;
using GrantPortal.Core.Data;
using GrantPortal.Core.Disbursements;
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

namespace GrantPortal.Core.Awards;

/// <summary>
/// Program officers turn panel decisions into awards, amend or cancel them, and finalize a call. The sum of a
/// call's awards never exceeds its envelope: every change that adds money runs under the call's row lock.
/// Officer actions answer only program officers; anyone else is told the record does not exist.
/// </summary>
public sealed partial class AwardService(
    IDbContextFactory<PortalDbContext> dbFactory,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    OrganizationMail mail,
    PortalLinks links,
    ILogger<AwardService> logger)
{
    /// <summary>Calls that are closed for submissions, newest first, with what they have committed.</summary>
    public async Task<IReadOnlyList<AwardingCallSummary>> ListCallsAsync(CurrentUser user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!IsOfficer(user))
        {
            return [];
        }

        var now = clock.GetCurrentInstant();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var calls = await db.Calls.AsNoTracking()
            .Where(c => c.ClosesAt < now)
            .Select(c => new
            {
                c.Id,
                c.BudgetYear!.Year,
                c.Code,
                c.TitleKorean,
                c.TitleEnglish,
                c.Envelope,
                c.FinalizedAt,
                c.ClosesAt,
                Applications = db.Applications.Count(a => a.CallId == c.Id && a.Status != ApplicationStatus.Draft && a.Status != ApplicationStatus.Withdrawn),
                Decided = db.Applications.Count(a => a.CallId == c.Id && a.PanelDecision != null),
                Awards = db.Awards.Count(a => a.CallId == c.Id && a.Status != AwardStatus.Cancelled),
                Committed = db.Awards.Where(a => a.CallId == c.Id && a.Status != AwardStatus.Cancelled).Sum(a => (long)a.Amount),
            })
            .ToListAsync(ct);
        return calls.OrderByDescending(c => c.ClosesAt.ToUnixTimeTicks())
            .Select(c => new AwardingCallSummary(c.Id, c.Year, c.Code, c.TitleKorean, c.TitleEnglish, c.Envelope, new Krw(c.Committed), c.Applications, c.Decided, c.Awards, c.FinalizedAt))
            .ToList();
    }

    /// <summary>A call's applications with their panel decisions and awards; null for non-officers or an unknown call.</summary>
    public async Task<AwardingCall?> GetCallAsync(CurrentUser user, int callId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!IsOfficer(user))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var call = await db.Calls.AsNoTracking().Include(c => c.BudgetYear).SingleOrDefaultAsync(c => c.Id == callId, ct);
        if (call is null)
        {
            return null;
        }

        var rows = await db.Applications.AsNoTracking()
            .Where(a => a.CallId == callId && a.Status != ApplicationStatus.Draft && a.Status != ApplicationStatus.Withdrawn)
            .Select(a => new
            {
                a.Id,
                a.ReceiptNumber,
                a.ProjectTitle,
                a.Organization!.NameKorean,
                a.Organization.Name,
                a.Status,
                a.PanelDecision,
                a.PanelNote,
                a.StartDate,
                a.EndDate,
                Requested = a.BudgetLines.Sum(l => (long)l.Amount),
            })
            .ToListAsync(ct);
        var awards = await db.Awards.AsNoTracking().Where(a => a.CallId == callId)
            .Select(a => new { a.Id, a.ApplicationId, a.Amount, a.Status })
            .ToListAsync(ct);
        var byApplication = awards.ToDictionary(a => a.ApplicationId);
        var candidates = rows
            .Select(r =>
            {
                var award = byApplication.GetValueOrDefault(r.Id);
                return new AwardCandidate(
                    r.Id, r.ReceiptNumber, r.ProjectTitle, new OrganizationName(r.NameKorean, r.Name), r.Status, r.PanelDecision, r.PanelNote, new Krw(r.Requested),
                    award?.Id, award?.Amount, award?.Status, r.StartDate, r.EndDate);
            })
            .OrderBy(c => c.PanelDecision switch { PanelDecision.Fund => 0, PanelDecision.Reserve => 1, null => 2, _ => 3 })
            .ThenBy(c => c.ReceiptNumber, StringComparer.Ordinal)
            .ToList();
        var committed = Krw.Sum(awards.Where(a => a.Status != AwardStatus.Cancelled).Select(a => a.Amount));
        return new AwardingCall(call.Id, call.BudgetYear!.Year, call.Code, call.TitleKorean, call.TitleEnglish, call.Envelope, committed, call.FinalizedAt, candidates);
    }

    /// <summary>
    /// Awards an application the panel decided to fund (or held in reserve). Officers awarding at the same moment
    /// are serialized on the call's row, so the call's awards never exceed its envelope; a refusal names what remains.
    /// </summary>
    public async Task<AwardResult> AwardAsync(CurrentUser user, AwardForm form, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(form);
        if (!IsOfficer(user))
        {
            return AwardResult.NotFound;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var target = await db.Applications.AsNoTracking()
            .Where(a => a.Id == form.ApplicationId)
            .Select(a => new { a.CallId, a.Status, a.PanelDecision, Requested = a.BudgetLines.Sum(l => (long)l.Amount) })
            .SingleOrDefaultAsync(ct);
        if (target is null)
        {
            return AwardResult.NotFound;
        }

        var invalid = Validate(form, new Krw(target.Requested));
        if (invalid is not null)
        {
            return new AwardResult(AwardOutcome.Invalid, null, invalid);
        }

        if (target.Status != ApplicationStatus.UnderReview || target.PanelDecision is not (PanelDecision.Fund or PanelDecision.Reserve))
        {
            return new AwardResult(AwardOutcome.Invalid, null, localizer["Awards_NotAwardable"]);
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(() => AwardInTransactionAsync(db, user, form, target.CallId, ct));
    }

    private async Task<AwardResult> AwardInTransactionAsync(PortalDbContext db, CurrentUser user, AwardForm form, int callId, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var now = clock.GetCurrentInstant();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        // The first statement is the lock: a write that leaves the call's version unchanged. SQLite takes its database
        // write lock, PostgreSQL and SQL Server a row lock until commit; every award in this call waits here.
        await LockCallAsync(db, callId, ct);
        var call = await db.Calls.AsNoTracking().Include(c => c.Recommendations).SingleAsync(c => c.Id == callId, ct);
        if (call.FinalizedAt is not null)
        {
            return new AwardResult(AwardOutcome.Invalid, null, localizer["Awards_CallFinalized"]);
        }

        // The envelope first: under contention most attempts are refusals, and they need nothing else.
        var remaining = call.Envelope - await CommittedAsync(db, callId, ct);
        if (form.Amount > remaining)
        {
            return OverBudget(callId, form.Amount, remaining);
        }

        var application = await db.Applications.SingleAsync(a => a.Id == form.ApplicationId, ct);
        if (application.Status != ApplicationStatus.UnderReview || await db.Awards.AnyAsync(a => a.ApplicationId == application.Id, ct))
        {
            return new AwardResult(AwardOutcome.Invalid, null, localizer["Awards_AlreadyAwarded"]);
        }

        application.MarkAwarded();
        var award = new Award
        {
            ApplicationId = application.Id,
            CallId = callId,
            OrganizationId = application.OrganizationId,
            Amount = form.Amount,
            ReductionReason = string.IsNullOrWhiteSpace(form.ReductionReason) ? null : form.ReductionReason.Trim(),
            Conditions = form.Conditions.Trim(),
            Status = AwardStatus.Active,
            AwardedAt = now,
            AwardedById = user.UserId,
        };

        // The report requirements exist from the start, so tranches can wait for them and grantees see what is due.
        var interim = new ProjectReport { Kind = ReportKind.Interim, DueOn = form.InterimReportDueOn, Status = ReportStatus.Due };
        var final = new ProjectReport { Kind = ReportKind.Final, DueOn = form.FinalReportDueOn, Status = ReportStatus.Due };
        award.Reports.Add(interim);
        award.Reports.Add(final);
        var sequence = 0;
        foreach (var tranche in form.Tranches)
        {
            award.Tranches.Add(new Tranche
            {
                Sequence = ++sequence,
                Amount = tranche.Amount,
                PlannedOn = tranche.PlannedOn,
                GatingReport = tranche.Gate switch { TrancheGate.InterimReport => interim, TrancheGate.FinalReport => final, _ => null },
            });
        }

        foreach (var recommendation in call.Recommendations)
        {
            award.Recommendations.Add(new AwardRecommendation { RecommendationId = recommendation.RecommendationId });
        }

        db.Awards.Add(award);
        await db.SaveChangesAsync(ct);
        db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(), "award.created", nameof(Award), Id(award.Id), after: Snapshot(award), reason: award.ReductionReason));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Award {AwardId} of {Amount} won to application {ApplicationId} by {UserId}", award.Id, award.Amount.Won, application.Id, user.UserId);
        return new AwardResult(AwardOutcome.Saved, award.Id, null);
    }

    /// <summary>Changes an award's amount or conditions, with a reason. The schedule follows (<see cref="TranchePlan"/>).</summary>
    public async Task<AwardResult> AmendAsync(CurrentUser user, int awardId, Krw amount, string conditions, string? reason, int expectedVersion, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!IsOfficer(user))
        {
            return AwardResult.NotFound;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return new AwardResult(AwardOutcome.Invalid, awardId, localizer["Awards_ReasonRequired"]);
        }

        if (amount.IsNegative || amount.IsZero)
        {
            return new AwardResult(AwardOutcome.Invalid, awardId, localizer["Awards_AmountPositive"]);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var callId = await db.Awards.Where(a => a.Id == awardId).Select(a => (int?)a.CallId).SingleOrDefaultAsync(ct);
        if (callId is not { } lockedCall)
        {
            return AwardResult.NotFound;
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            var now = clock.GetCurrentInstant();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await LockCallAsync(db, lockedCall, ct);
            var award = await db.Awards.Include(a => a.Tranches).ThenInclude(t => t.Payments).AsSplitQuery().SingleAsync(a => a.Id == awardId, ct);
            if (award.Version != expectedVersion)
            {
                return new AwardResult(AwardOutcome.Stale, awardId, localizer["Error_Concurrency"]);
            }

            if (award.Status != AwardStatus.Active)
            {
                return new AwardResult(AwardOutcome.Invalid, awardId, localizer["Awards_NotActive"]);
            }

            var requested = new Krw(await db.BudgetLines.Where(l => l.ApplicationId == award.ApplicationId).SumAsync(l => (long)l.Amount, ct));
            if (amount > requested)
            {
                return new AwardResult(AwardOutcome.Invalid, awardId, localizer["Awards_AboveRequest", requested.ForReader()]);
            }

            if (amount > award.Amount)
            {
                var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == lockedCall, ct);
                var remaining = call.Envelope - (await CommittedAsync(db, lockedCall, ct) - award.Amount);
                if (amount > remaining)
                {
                    return OverBudget(lockedCall, amount, remaining);
                }
            }

            var plan = TranchePlan.Rebalance(
                award.Tranches.Select(t => new PlannedTranche(t.Sequence, t.Amount, Krw.Sum(t.Payments.Where(p => p.CountsAgainstAward).Select(p => p.Amount)))).ToList(),
                amount);
            if (plan is null)
            {
                var recorded = Krw.Sum(award.Tranches.SelectMany(t => t.Payments).Where(p => p.CountsAgainstAward).Select(p => p.Amount));
                return new AwardResult(AwardOutcome.Invalid, awardId, localizer["Awards_BelowPayments", recorded.ForReader()]);
            }

            db.Entry(award).Property(a => a.Version).OriginalValue = expectedVersion;
            var before = Snapshot(award);
            foreach (var planned in plan)
            {
                var tranche = award.Tranches.Single(t => t.Sequence == planned.Sequence);
                if (planned.Amount.IsZero && tranche.Payments.Count == 0)
                {
                    award.Tranches.Remove(tranche);
                    db.Tranches.Remove(tranche);
                }
                else
                {
                    tranche.Amount = planned.Amount;
                }
            }

            award.Amount = amount;
            award.Conditions = conditions?.Trim() ?? "";
            if (amount < requested)
            {
                award.ReductionReason = reason.Trim();
            }

            db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(), "award.amended", nameof(Award), Id(award.Id), before, Snapshot(award), reason.Trim()));
            try
            {
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return new AwardResult(AwardOutcome.Stale, awardId, localizer["Error_Concurrency"]);
            }

            logger.LogInformation("Award {AwardId} amended to {Amount} won by {UserId}", awardId, amount.Won, user.UserId);
            return new AwardResult(AwardOutcome.Saved, awardId, null);
        });
    }

    /// <summary>
    /// Cancels an award with a reason: its amount returns to the call's envelope and unpaid payments are rejected.
    /// Money already paid cannot be cancelled away: the officer reduces the award and finance records the return.
    /// </summary>
    public async Task<AwardResult> CancelAsync(CurrentUser user, int awardId, string? reason, int expectedVersion, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!IsOfficer(user))
        {
            return AwardResult.NotFound;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return new AwardResult(AwardOutcome.Invalid, awardId, localizer["Awards_ReasonRequired"]);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var callId = await db.Awards.Where(a => a.Id == awardId).Select(a => (int?)a.CallId).SingleOrDefaultAsync(ct);
        if (callId is not { } lockedCall)
        {
            return AwardResult.NotFound;
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            var now = clock.GetCurrentInstant();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await LockCallAsync(db, lockedCall, ct);
            await LockAwardAsync(db, awardId, ct);
            var award = await db.Awards.SingleAsync(a => a.Id == awardId, ct);
            if (award.Version != expectedVersion)
            {
                return new AwardResult(AwardOutcome.Stale, awardId, localizer["Error_Concurrency"]);
            }

            if (award.Status != AwardStatus.Active)
            {
                return new AwardResult(AwardOutcome.Invalid, awardId, localizer["Awards_NotActive"]);
            }

            var payments = await db.Payments.Where(p => p.AwardId == awardId).ToListAsync(ct);
            var paid = Krw.Sum(payments.Where(p => p.Status == PaymentStatus.Paid).Select(p => p.Amount));
            if (!paid.IsZero)
            {
                return new AwardResult(AwardOutcome.Invalid, awardId, localizer["Awards_CancelPaid", paid.ForReader()]);
            }

            var before = Snapshot(award);
            foreach (var pending in payments.Where(p => p.Status is PaymentStatus.AwaitingApproval or PaymentStatus.Approved))
            {
                pending.Status = PaymentStatus.Rejected;
                db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(), "payment.rejected", nameof(Payment), Id(pending.Id),
                    JsonSerializer.Serialize(new { Status = nameof(PaymentStatus.AwaitingApproval), Amount = pending.Amount.Won }),
                    JsonSerializer.Serialize(new { Status = nameof(PaymentStatus.Rejected) }), reason.Trim()));
            }

            award.Status = AwardStatus.Cancelled;
            award.CancelledAt = now;
            award.CancellationReason = reason.Trim();
            db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(), "award.cancelled", nameof(Award), Id(award.Id), before, Snapshot(award), award.CancellationReason));
            try
            {
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return new AwardResult(AwardOutcome.Stale, awardId, localizer["Error_Concurrency"]);
            }

            logger.LogInformation("Award {AwardId} cancelled by {UserId}", awardId, user.UserId);
            return new AwardResult(AwardOutcome.Saved, awardId, localizer["Awards_Cancelled", award.Amount.ForReader()]);
        });
    }

    /// <summary>Records money the grantee gave back; never more than was paid and not yet returned. Officers and finance.</summary>
    public async Task<AwardResult> RecordReturnAsync(CurrentUser user, int awardId, Krw amount, string? reason, int expectedVersion, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!IsOfficer(user) && !user.IsIn(Roles.Finance))
        {
            return AwardResult.NotFound;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return new AwardResult(AwardOutcome.Invalid, awardId, localizer["Awards_ReasonRequired"]);
        }

        if (amount.IsNegative || amount.IsZero)
        {
            return new AwardResult(AwardOutcome.Invalid, awardId, localizer["Awards_AmountPositive"]);
        }

        var now = clock.GetCurrentInstant();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var award = await db.Awards.SingleOrDefaultAsync(a => a.Id == awardId, ct);
        if (award is null)
        {
            return AwardResult.NotFound;
        }

        if (award.Version != expectedVersion)
        {
            return new AwardResult(AwardOutcome.Stale, awardId, localizer["Error_Concurrency"]);
        }

        var paid = new Krw(await db.Payments.Where(p => p.AwardId == awardId && p.Status == PaymentStatus.Paid).SumAsync(p => (long)p.Amount, ct));
        var returnable = paid - award.ReturnedAmount;
        if (amount > returnable)
        {
            return new AwardResult(AwardOutcome.Invalid, awardId, localizer["Awards_ReturnTooLarge", Krw.Max(returnable, Krw.Zero).ForReader()]);
        }

        var before = JsonSerializer.Serialize(new { ReturnedAmount = award.ReturnedAmount.Won });
        award.ReturnedAmount += amount;
        db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(), "award.funds-returned", nameof(Award), Id(awardId), before,
            JsonSerializer.Serialize(new { ReturnedAmount = award.ReturnedAmount.Won, Received = amount.Won }), reason.Trim()));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new AwardResult(AwardOutcome.Stale, awardId, localizer["Error_Concurrency"]);
        }

        logger.LogInformation("Award {AwardId}: {Amount} won returned, recorded by {UserId}", awardId, amount.Won, user.UserId);
        return new AwardResult(AwardOutcome.Saved, awardId, null);
    }

    /// <summary>
    /// Fixes the call's decisions: every application not awarded is rejected, and each organization is told by mail.
    /// </summary>
    public async Task<AwardResult> FinalizeAsync(CurrentUser user, int callId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!IsOfficer(user))
        {
            return AwardResult.NotFound;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Calls.AnyAsync(c => c.Id == callId, ct))
        {
            return AwardResult.NotFound;
        }

        var strategy = db.Database.CreateExecutionStrategy();
        var result = await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            var now = clock.GetCurrentInstant();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await LockCallAsync(db, callId, ct);
            var call = await db.Calls.SingleAsync(c => c.Id == callId, ct);
            if (call.FinalizedAt is not null)
            {
                return (Result: new AwardResult(AwardOutcome.Invalid, null, localizer["Awards_CallFinalized"]), Rejected: new List<int>());
            }

            if (!call.HasClosedAt(now))
            {
                return (Result: new AwardResult(AwardOutcome.Invalid, null, localizer["Awards_CallStillOpen"]), Rejected: new List<int>());
            }

            var undecided = await db.Applications
                .Where(a => a.CallId == callId && (a.Status == ApplicationStatus.Submitted || a.Status == ApplicationStatus.UnderReview))
                .ToListAsync(ct);
            foreach (var application in undecided)
            {
                application.MarkRejected();
                db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(), "application.rejected", nameof(Application), Id(application.Id),
                    JsonSerializer.Serialize(new { Status = nameof(ApplicationStatus.UnderReview) }), JsonSerializer.Serialize(new { Status = nameof(ApplicationStatus.Rejected) })));
            }

            call.Finalize(now);
            var committed = await CommittedAsync(db, callId, ct);
            db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(), "call.finalized", nameof(Call), Id(callId),
                after: JsonSerializer.Serialize(new { Rejected = undecided.Count, Committed = committed.Won, Envelope = call.Envelope.Won })));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return (Result: new AwardResult(AwardOutcome.Saved, null, localizer["Awards_Finalized", undecided.Count]), Rejected: undecided.Select(a => a.Id).ToList());
        });

        if (result.Result.Succeeded)
        {
            logger.LogInformation("Call {CallId} finalized by {UserId}: {Rejected} applications rejected", callId, user.UserId, result.Rejected.Count);
            await NotifyOrganizationsAsync(db, callId, ct);
        }

        return result.Result;
    }

    /// <summary>One mail per member of each organization that applied, for each of its applications, in the person's own language.</summary>
    private async Task NotifyOrganizationsAsync(PortalDbContext db, int callId, CancellationToken ct)
    {
        try
        {
            var decided = await db.Applications.AsNoTracking()
                .Where(a => a.CallId == callId && (a.Status == ApplicationStatus.Awarded || a.Status == ApplicationStatus.Rejected))
                .Select(a => new { a.Id, a.OrganizationId, a.ProjectTitle, a.ReceiptNumber, a.Call!.TitleKorean, a.Call.TitleEnglish })
                .ToListAsync(ct);
            var awards = await db.Awards.AsNoTracking().Where(a => a.CallId == callId && a.Status != AwardStatus.Cancelled)
                .ToDictionaryAsync(a => a.ApplicationId, a => new { a.Id, a.Amount }, ct);
            await mail.SendAsync(decided.Select(application => new OrganizationNotice(application.OrganizationId, person =>
            {
                // Call titles name themselves ("… 공모", "… Call"), so the mail quotes the title without adding the word.
                var callTitle = person.Language == Languages.English ? application.TitleEnglish : application.TitleKorean;
                return awards.TryGetValue(application.Id, out var award)
                    ? (localizer["Awards_MailAwardedSubject", application.ReceiptNumber ?? ""].Value,
                        localizer["Awards_MailAwardedBody", person.DisplayName, application.ProjectTitle, callTitle, award.Amount.Format(CultureInfo.GetCultureInfo(Languages.Normalize(person.Language))), links.To(PortalPaths.Award(award.Id))].Value)
                    : (localizer["Awards_MailRejectedSubject", application.ReceiptNumber ?? ""].Value,
                        localizer["Awards_MailRejectedBody", person.DisplayName, application.ProjectTitle, callTitle, links.To(PortalPaths.Application(application.Id))].Value);
            })).ToList(), ct);
        }
#pragma warning disable CA1031 // The decisions stand whatever happens to their notices; the failure is logged for the operators.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogError(ex, "Decision mail for call {CallId} could not be sent", callId);
        }
    }

    private string? Validate(AwardForm form, Krw requested)
    {
        if (form.Amount.IsNegative || form.Amount.IsZero)
        {
            return localizer["Awards_AmountPositive"];
        }

        if (form.Amount > requested)
        {
            return localizer["Awards_AboveRequest", requested.ForReader()];
        }

        if (form.Amount < requested && string.IsNullOrWhiteSpace(form.ReductionReason))
        {
            return localizer["Awards_ReductionReasonRequired", requested.ForReader()];
        }

        if (form.Tranches.Count == 0 || form.Tranches.Any(t => t.Amount.IsNegative || t.Amount.IsZero))
        {
            return localizer["Awards_TranchesRequired"];
        }

        var scheduled = Krw.Sum(form.Tranches.Select(t => t.Amount));
        if (scheduled != form.Amount)
        {
            return localizer["Awards_TranchesMustSum", scheduled.ForReader(), form.Amount.ForReader()];
        }

        if (form.FinalReportDueOn < form.InterimReportDueOn)
        {
            return localizer["Awards_ReportDatesOrder"];
        }

        return null;
    }

    private AwardResult OverBudget(int callId, Krw amount, Krw remaining)
    {
        var shown = Krw.Max(remaining, Krw.Zero);
        logger.LogInformation("Award of {Amount} won refused in call {CallId}: {Remaining} remains", amount.Won, callId, shown.Won);
        return new AwardResult(AwardOutcome.OverBudget, null, localizer["Awards_OverEnvelope", amount.ForReader(), shown.ForReader()]);
    }

    internal static Task LockCallAsync(PortalDbContext db, int callId, CancellationToken ct) => db.LockRowAsync<Call>(callId, ct);

    internal static Task LockAwardAsync(PortalDbContext db, int awardId, CancellationToken ct) => db.LockRowAsync<Award>(awardId, ct);

    private static async Task<Krw> CommittedAsync(PortalDbContext db, int callId, CancellationToken ct) =>
        new(await db.Awards.Where(a => a.CallId == callId && a.Status != AwardStatus.Cancelled).SumAsync(a => (long)a.Amount, ct));

    private static string Snapshot(Award award) => JsonSerializer.Serialize(new
    {
        award.ApplicationId,
        Amount = award.Amount.Won,
        award.Conditions,
        Status = award.Status.ToString(),
        Tranches = award.Tranches.OrderBy(t => t.Sequence).Select(t => new { t.Sequence, Amount = t.Amount.Won, PlannedOn = t.PlannedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }),
    });

    internal static bool IsOfficer(CurrentUser user) => user.IsIn(Roles.ProgramOfficer);

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
