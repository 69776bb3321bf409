using Microsoft.Extensions.Options;

namespace GrantPortal.Core.Privacy;

/// <summary>What one retention pass changed.</summary>
public sealed record RetentionOutcome(int LastExpiredYear, int Applications, int Attachments, int Accounts)
{
    public bool ChangedAnything => Applications + Accounts > 0;
}

/// <summary>
/// The retention period (<see cref="PrivacyOptions"/>) applied: applications that were not funded lose their personal
/// fields (<see cref="Application.RemovePersonalData"/>) and their files once their budget year's period ends; accounts
/// their organization removed lose their name, address, phone, password and sign-in secrets once the period after the
/// removal ends. Funded applications are kept with their awards. Each pass is recorded in the audit trail with its
/// counts. Safe to run twice or on two servers at once: what was done is marked, and a batch another pass changed
/// first is read again.
/// </summary>
public sealed class PersonalDataRetention(
    IDbContextFactory<PortalDbContext> dbFactory,
    IClock clock,
    IOptions<PrivacyOptions> options,
    IOptions<AttachmentOptions> attachments,
    ILogger<PersonalDataRetention> logger)
{
    /// <summary>The address an account gets in place of its own: unique, and never deliverable (RFC 2606).</summary>
    public static string AnonymousEmail(string userId) => $"removed-{userId}@anonymized.invalid";

    public async Task<RetentionOutcome> RunAsync(CancellationToken ct = default)
    {
        var now = clock.GetCurrentInstant();
        var lastExpiredYear = options.Value.LastExpiredYear(Seoul.Today(clock));
        var (applications, files) = await RemoveFromApplicationsAsync(lastExpiredYear, now, ct);
        var accounts = await RemoveFromAccountsAsync(Seoul.StartOf(new LocalDate(lastExpiredYear + 1, 1, 1)), now, ct);
        var outcome = new RetentionOutcome(lastExpiredYear, applications, files, accounts);
        if (outcome.ChangedAnything)
        {
            await dbFactory.RecordAsync(AuditEvent.Record(now, Actor.System, AuditActions.PersonalDataRetained, "Retention",
                lastExpiredYear.ToString(CultureInfo.InvariantCulture),
                after: JsonSerializer.Serialize(new { outcome.LastExpiredYear, outcome.Applications, outcome.Attachments, outcome.Accounts })), ct);
        }

        logger.LogInformation(
            "Retention through {LastExpiredYear}: personal data removed from {Applications} applications ({Attachments} files) and {Accounts} removed accounts",
            lastExpiredYear, applications, files, accounts);
        return outcome;
    }

    private async Task<(int Applications, int Files)> RemoveFromApplicationsAsync(int lastExpiredYear, Instant now, CancellationToken ct)
    {
        var (applications, files) = (0, 0);
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var funded = db.Awards.Select(a => a.ApplicationId);

            // A concept note whose full proposal was funded belongs to that grant's file.
            var fundedConceptNotes = db.Applications.Where(a => a.ConceptNoteId != null && funded.Contains(a.Id)).Select(a => a.ConceptNoteId!.Value);
            var batch = await db.Applications
                .Where(a => a.PersonalDataRemovedAt == null && a.Status != ApplicationStatus.Awarded && a.Call!.BudgetYear!.Year <= lastExpiredYear)
                .Where(a => !funded.Contains(a.Id) && !fundedConceptNotes.Contains(a.Id))
                .OrderBy(a => a.Id)
                .Take(options.Value.BatchSize)
                .Include(a => a.BudgetLines)
                .Include(a => a.Attachments)
                .AsSplitQuery()
                .ToListAsync(ct);
            if (batch.Count == 0)
            {
                return (applications, files);
            }

            var ids = batch.Select(a => a.Id).ToList();
            foreach (var request in await db.InformationRequests.Where(r => ids.Contains(r.ApplicationId)).ToListAsync(ct))
            {
                request.RemovePersonalData();
            }

            var storedNames = batch.SelectMany(a => a.Attachments).Select(f => f.StoredName).ToList();
            foreach (var application in batch)
            {
                db.Attachments.RemoveRange(application.Attachments);
                application.RemovePersonalData(now);
            }

            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another pass (or a late edit) changed one of them first: read the batch again.
                continue;
            }

            applications += batch.Count;
            files += storedNames.Count;
            DeleteFiles(storedNames);
        }
    }

    private async Task<int> RemoveFromAccountsAsync(Instant removedBefore, Instant now, CancellationToken ct)
    {
        var accounts = 0;
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var batch = await db.Users
                .Where(u => u.RemovedAt != null && u.RemovedAt < removedBefore && u.PersonalDataRemovedAt == null)
                .OrderBy(u => u.Id)
                .Take(options.Value.BatchSize)
                .ToListAsync(ct);
            if (batch.Count == 0)
            {
                return accounts;
            }

            var ids = batch.Select(u => u.Id).ToList();
            // Mail is addressed to the account's address as the account holds it.
            var formerAddresses = batch.Where(u => u.Email != null).ToDictionary(u => u.Email!, u => u.Id, StringComparer.Ordinal);
            var addresses = formerAddresses.Keys.ToList();
            foreach (var mail in await db.OutboxMessages.Where(m => addresses.Contains(m.RecipientEmail)).ToListAsync(ct))
            {
                mail.RemovePersonalData(AnonymousEmail(formerAddresses[mail.RecipientEmail]));
            }

            foreach (var delivery in await db.ReminderDeliveries.Where(d => ids.Contains(d.RecipientId)).ToListAsync(ct))
            {
                delivery.RecipientEmail = AnonymousEmail(delivery.RecipientId);
            }

            db.UserTokens.RemoveRange(await db.UserTokens.Where(t => ids.Contains(t.UserId)).ToListAsync(ct));
            db.UserLogins.RemoveRange(await db.UserLogins.Where(l => ids.Contains(l.UserId)).ToListAsync(ct));
            db.UserClaims.RemoveRange(await db.UserClaims.Where(c => ids.Contains(c.UserId)).ToListAsync(ct));
            // Saved views are the person's own settings (filter text they typed): they go with the person.
            db.SavedViews.RemoveRange(await db.SavedViews.Where(v => ids.Contains(v.UserId)).ToListAsync(ct));
            foreach (var user in batch)
            {
                Anonymize(user, now);
            }

            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                continue;
            }

            accounts += batch.Count;
        }
    }

    /// <summary>
    /// The account stays (applications, reviews and the audit trail name it by id) but no longer says who it was, and no
    /// one can sign in to it: no password, no address to reset one with, locked for good.
    /// </summary>
    private static void Anonymize(PortalUser user, Instant now)
    {
        var address = AnonymousEmail(user.Id);
        user.Email = address;
        user.UserName = address;
        user.NormalizedEmail = address.ToUpperInvariant();
        user.NormalizedUserName = address.ToUpperInvariant();
        user.EmailConfirmed = false;
        user.DisplayName = "";
        user.PhoneNumber = null;
        user.PhoneNumberConfirmed = false;
        user.PasswordHash = null;
        user.TwoFactorEnabled = false;
        user.LockoutEnabled = true;
        user.LockoutEnd = DateTimeOffset.MaxValue;
        user.AccessFailedCount = 0;
        user.SecurityStamp = Guid.NewGuid().ToString();
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        user.PersonalDataRemovedAt = now;
    }

    private void DeleteFiles(IEnumerable<string> storedNames)
    {
        foreach (var name in storedNames)
        {
            try
            {
                File.Delete(Path.Combine(attachments.Value.Directory, name));
            }
            catch (IOException e)
            {
                // The row is gone and nothing links to the file; an operator can remove it by name.
                logger.LogWarning(e, "The expired attachment {StoredName} could not be deleted", name);
            }
            catch (UnauthorizedAccessException e)
            {
                logger.LogWarning(e, "The expired attachment {StoredName} could not be deleted", name);
            }
        }
    }
}
