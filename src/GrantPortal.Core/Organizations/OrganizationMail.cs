using GrantPortal.Core.Accounts;
using GrantPortal.Core.Data;
using GrantPortal.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace GrantPortal.Core.Organizations;

/// <summary>A member of an organization as a mail addresses them.</summary>
public sealed record MailRecipient(string DisplayName, string Email, string Language);

/// <summary>
/// Tells an organization's people about a decision that concerns them: every member who has chosen a password and
/// was not removed gets one mail, written in their own language. The decision stands whatever happens to the mail;
/// a failure is logged for the operators, and the portal shows the decision anyway.
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
            .Where(u => u.OrganizationId != null && organizationIds.Contains(u.OrganizationId.Value) && u.Email != null && u.PasswordHash != null)
            .Select(u => new { OrganizationId = u.OrganizationId!.Value, u.DisplayName, u.Email, u.PreferredLanguage, u.LockoutEnd })
            .ToListAsync(ct);
        return rows
            .Where(u => !RemovedAccounts.IsRemoved(u.LockoutEnd))
            .OrderBy(u => u.Email, StringComparer.OrdinalIgnoreCase)
            .ToLookup(u => u.OrganizationId, u => new MailRecipient(u.DisplayName, u.Email!, Languages.Normalize(u.PreferredLanguage)));
    }

    /// <param name="compose">Runs in the recipient's language, so the localizer it uses writes what they read.</param>
    public async Task SendAsync(int organizationId, Func<MailRecipient, (string Subject, string Body)> compose, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(compose);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var members = (await RecipientsAsync(db, [organizationId], ct))[organizationId].ToList();
        if (members.Count == 0)
        {
            return;
        }

        var messages = members.Select(member => Languages.InLanguage(member.Language, () =>
        {
            var (subject, body) = compose(member);
            var message = new MimeMessage { Subject = subject, Body = new TextPart("plain") { Text = body } };
            message.To.Add(new MailboxAddress(member.DisplayName, member.Email));
            return message;
        })).ToList();
        try
        {
            await mail.SendAsync(messages, ct);
        }
        catch (Exception ex) when (ex is TransientMailFailureException or PermanentMailFailureException)
        {
            logger.LogError(ex, "A notice to the members of organization {OrganizationId} could not be mailed", organizationId);
        }
    }
}
