using Microsoft.Extensions.Options;
using MimeKit;

namespace GrantPortal.Core.Accounts;

/// <summary>
/// Mailed links to choose a password: staff invitations and "forgot your password". Each carries an Identity
/// password-reset token, valid three days and spent when used (setting a password renews the security stamp),
/// and opens <see cref="SetPasswordPath"/>.
/// </summary>
public sealed class PasswordLinks(
    IServiceScopeFactory scopes,
    IDbContextFactory<PortalDbContext> dbFactory,
    IOptions<ReminderOptions> portal,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    ILogger<PasswordLinks> logger)
{
    /// <summary>The address a person opens to choose their password.</summary>
    public const string SetPasswordPath = "/Account/SetPassword";

    /// <summary>How long after one reset mail another is held back, so a form cannot be used to flood an inbox.</summary>
    public static readonly Duration ResetInterval = Duration.FromMinutes(5);

    /// <summary>A fresh link for the person; earlier links stop working once any of them is used.</summary>
    public async Task<string> CreateAsync(UserManager<PortalUser> users, PortalUser user)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(user);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        return $"{portal.Value.PortalUrl.TrimEnd('/')}{SetPasswordPath}?user={Uri.EscapeDataString(user.Id)}&code={Uri.EscapeDataString(token)}";
    }

    /// <summary>
    /// "Forgot your password": mails a link to the address if it has an account. The caller shows the same
    /// answer either way, so the form does not tell who has an account. At most one mail per
    /// <see cref="ResetInterval"/> per account; the mail is recorded with the request's audit event and the outbox sends it.
    /// </summary>
    public async Task RequestResetAsync(string? email, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByEmailAsync(email.Trim());
        if (user?.Email is null || user.RemovedAt is not null)
        {
            logger.LogInformation("Password reset asked for an address without an account in use");
            return;
        }

        var now = clock.GetCurrentInstant();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var since = now - ResetInterval;
        if (await db.AuditEvents.AnyAsync(e => e.EntityId == user.Id && e.Action == "user.password-reset-requested" && e.OccurredAt > since, ct))
        {
            logger.LogInformation("Password reset for {UserId} held back: one was sent in the last minutes", user.Id);
            return;
        }

        db.AuditEvents.Add(AuditEvent.Record(now, Actor.System, "user.password-reset-requested", nameof(PortalUser), user.Id));
        await QueueLinkAsync(db, users, user, MailPurposes.PasswordReset, link => (localizer["PasswordReset_Subject"].Value, localizer["PasswordReset_Body", user.DisplayName, link].Value));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Adds a mail with a fresh link for the person to the caller's context, saved (and so sent) with the caller's
    /// change. <paramref name="compose"/> gets the link and runs in the person's own language, so the localizer it
    /// uses writes the subject and body they read.
    /// </summary>
    public async Task QueueLinkAsync(PortalDbContext db, UserManager<PortalUser> users, PortalUser user, string purpose, Func<string, (string Subject, string Body)> compose)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(compose);
        var link = await CreateAsync(users, user);
        var to = new MailRecipient(user.DisplayName, user.Email ?? throw new InvalidOperationException("The person has no email address."), user.PreferredLanguage);
        MailOutbox.Add(db, clock.GetCurrentInstant(), purpose, to, () => compose(link));
    }

    /// <summary>
    /// Mails the person a fresh link through the outbox, in a save of its own. <paramref name="compose"/> gets the
    /// link and runs in the person's own language. True once the mail is recorded: the outbox sends it, retries
    /// while the server is unreachable, and its log shows a refusal.
    /// </summary>
    public async Task<bool> MailLinkAsync(UserManager<PortalUser> users, PortalUser user, Func<string, (string Subject, string Body)> compose, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await QueueLinkAsync(db, users, user, MailPurposes.Invitation, compose);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// The person chooses a password with the link's token. A wrong, used or expired link is refused with one
    /// clear message, so nobody learns whether an account exists.
    /// </summary>
    public async Task<Result> SetPasswordAsync(string? userId, string? code, string password, string confirmPassword, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(password);
        var invalidLink = Result.Refused(localizer["SetPassword_InvalidLink"]);
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(code))
        {
            return invalidLink;
        }

        if (password != confirmPassword)
        {
            return Result.Invalid("ConfirmPassword", localizer["Registration_PasswordsDiffer"]);
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return invalidLink;
        }

        var result = await users.ResetPasswordAsync(user, code, password);
        if (!result.Succeeded)
        {
            return result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))
                ? invalidLink
                : Result.Invalid(result.Errors.Select(e => new FieldError("Password", e.Description)).ToList());
        }

        // A locked-out person who was sent a fresh link should not have to wait out the lockout as well.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditEvents.Add(AuditEvent.Record(clock.GetCurrentInstant(), new Actor(user.Id, user.DisplayName), "user.password-set", nameof(PortalUser), user.Id));
        await db.SaveChangesAsync(ct);
        logger.LogInformation("User {UserId} chose a password from a mailed link", user.Id);
        return Result.Done();
    }
}
