using MimeKit;

namespace GrantPortal.Core.Organizations;

/// <summary>One notice to an organization: <see cref="Compose"/> writes it for each member, in that member's language.</summary>
public sealed record OrganizationNotice(int OrganizationId, Func<MailRecipient, (string Subject, string Body)> Compose, string Purpose = MailPurposes.OrganizationNotice);

/// <summary>
/// Tells organizations' people about decisions that concern them: every member who has chosen a password and was
/// not removed gets one mail per notice, written in their own language, through the outbox. The decisions stand
/// whatever happens to the mail; the outbox retries and its log shows what could not be delivered.
/// </summary>
public sealed class OrganizationMail(IClock clock)
{
    /// <summary>
    /// The people who hear from the portal on behalf of each organization: members who have chosen a password
    /// (an invitation nobody accepted gets nothing) and were not removed.
    /// </summary>
    public static async Task<ILookup<int, MailRecipient>> RecipientsAsync(PortalDbContext db, IReadOnlyCollection<int> organizationIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Users.AsNoTracking()
            .Where(u => u.OrganizationId != null && organizationIds.Contains(u.OrganizationId.Value) && u.Email != null && u.PasswordHash != null && u.RemovedAt == null)
            .Select(u => new { OrganizationId = u.OrganizationId!.Value, u.DisplayName, u.Email, u.PreferredLanguage })
            .ToListAsync(ct);
        return rows
            .OrderBy(u => u.Email, StringComparer.OrdinalIgnoreCase)
            .ToLookup(u => u.OrganizationId, u => new MailRecipient(u.DisplayName, u.Email!, Languages.Normalize(u.PreferredLanguage)));
    }

    /// <summary>
    /// Adds the notices to the caller's context, one message per member: they are saved, and so sent, only if the
    /// caller's change is. Call it inside the change's transaction, before its save.
    /// </summary>
    /// <returns>How many messages were added.</returns>
    public async Task<int> QueueAsync(PortalDbContext db, IReadOnlyCollection<OrganizationNotice> notices, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(notices);
        var recipients = await RecipientsAsync(db, notices.Select(n => n.OrganizationId).Distinct().ToList(), ct);
        var now = clock.GetCurrentInstant();
        var added = 0;
        foreach (var notice in notices)
        {
            foreach (var member in recipients[notice.OrganizationId])
            {
                MailOutbox.Add(db, now, notice.Purpose, member, () => notice.Compose(member));
                added++;
            }
        }

        return added;
    }

    /// <summary>Adds one notice to the caller's context, one message per member, saved with the caller's change.</summary>
    /// <param name="compose">Runs in the recipient's language, so the localizer it uses writes what they read.</param>
    public Task<int> QueueAsync(PortalDbContext db, int organizationId, string purpose, Func<MailRecipient, (string Subject, string Body)> compose, CancellationToken ct) =>
        QueueAsync(db, [new OrganizationNotice(organizationId, compose, purpose)], ct);
}
