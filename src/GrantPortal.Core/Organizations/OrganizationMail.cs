using MimeKit;

namespace GrantPortal.Core.Organizations;

/// <summary>A member of an organization as a mail addresses them.</summary>
public sealed record MailRecipient(string DisplayName, string Email, string Language);

/// <summary>One notice to an organization: <see cref="Compose"/> writes it for each member, in that member's language.</summary>
public sealed record OrganizationNotice(int OrganizationId, Func<MailRecipient, (string Subject, string Body)> Compose);

/// <summary>
/// Tells organizations' people about decisions that concern them: every member who has chosen a password and was
/// not removed gets one mail per notice, written in their own language, all in one batch. The decisions stand
/// whatever happens to the mail; a failure is logged for the operators, and the portal shows the decisions anyway.
/// </summary>
public sealed class OrganizationMail(IDbContextFactory<PortalDbContext> dbFactory, IMailSender mail, ILogger<OrganizationMail> logger)
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

    /// <param name="compose">Runs in the recipient's language, so the localizer it uses writes what they read.</param>
    public Task SendAsync(int organizationId, Func<MailRecipient, (string Subject, string Body)> compose, CancellationToken ct) =>
        SendAsync([new OrganizationNotice(organizationId, compose)], ct);

    public async Task SendAsync(IReadOnlyCollection<OrganizationNotice> notices, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(notices);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var recipients = await RecipientsAsync(db, notices.Select(n => n.OrganizationId).Distinct().ToList(), ct);
        var messages = notices
            .SelectMany(notice => recipients[notice.OrganizationId].Select(member => Languages.InLanguage(member.Language, () =>
            {
                var (subject, body) = notice.Compose(member);
                var message = new MimeMessage { Subject = subject, Body = new TextPart("plain") { Text = body } };
                message.To.Add(new MailboxAddress(member.DisplayName, member.Email));
                return message;
            })))
            .ToList();
        if (messages.Count == 0)
        {
            return;
        }

        try
        {
            await mail.SendAsync(messages, ct);
        }
        catch (Exception ex) when (ex is TransientMailFailureException or PermanentMailFailureException)
        {
            logger.LogError(ex, "A notice to the members of organizations {OrganizationIds} could not be mailed", string.Join(",", notices.Select(n => n.OrganizationId).Distinct()));
        }
    }
}
