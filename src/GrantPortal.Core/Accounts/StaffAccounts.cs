using System.Text.Json;
using GrantPortal.Core.Auditing;
using GrantPortal.Core.Data;
using GrantPortal.Core.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace GrantPortal.Core.Accounts;

/// <summary>A ministry staff member as the administrator invites them.</summary>
public sealed class StaffForm
{
    public string Email { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public string PreferredLanguage { get; set; } = Languages.Korean;

    public HashSet<string> Roles { get; } = new(StringComparer.Ordinal);
}

/// <summary>
/// Ministry staff accounts: the administrator invites reviewers, program officers, finance staff and other
/// administrators, changes their roles and sends a fresh invitation. The invitation carries a link to choose a
/// password (an Identity password-reset token), so no password ever travels by mail or through the
/// administrator. Organizations' accounts come from self-registration, not from here. Administrators only;
/// anyone else is told the person does not exist.
/// </summary>
public sealed class StaffAccounts(
    IServiceScopeFactory scopes,
    IDbContextFactory<PortalDbContext> dbFactory,
    PasswordLinks links,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    ILogger<StaffAccounts> logger)
{
    /// <summary>The roles an administrator gives here; Applicant belongs to an organization's registration.</summary>
    public static readonly IReadOnlyList<string> StaffRoles = [Roles.Reviewer, Roles.ProgramOfficer, Roles.Finance, Roles.Administrator];

    public async Task<AccountResult> InviteAsync(CurrentUser admin, StaffForm form, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!IsAdministrator(admin))
        {
            return AccountResult.NotFound;
        }

        var email = form.Email.Trim();
        var errors = InvitedAccounts.Check(form.DisplayName.Trim(), email, "Staff_EmailInvalid", localizer);
        errors.AddRange(CheckRoles(form.Roles));
        if (errors.Count > 0)
        {
            return new AccountResult(AccountOutcome.Invalid, errors);
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await InvitedAccounts.CreateAsync(users, email, form.DisplayName.Trim(), form.PreferredLanguage, null, clock.GetCurrentInstant());
        if (user is null)
        {
            return AccountResult.Invalid(new FieldError(nameof(StaffForm.Email), localizer["Staff_EmailTaken", email]));
        }

        foreach (var role in StaffRoles.Where(form.Roles.Contains))
        {
            IdentityResults.Check(await users.AddToRoleAsync(user, role));
        }

        await AuditAsync(admin, "user.invited", user.Id, after: JsonSerializer.Serialize(new { user.Email, Roles = StaffRoles.Where(form.Roles.Contains) }), ct: ct);
        logger.LogInformation("Administrator {AdminId} invited {UserId} as {Roles}", admin.UserId, user.Id, string.Join(",", form.Roles));
        return await SendInvitationAsync(users, user, ct);
    }

    /// <summary>A fresh invitation: the earlier link stops working once a password is chosen with either.</summary>
    public async Task<AccountResult> ResendInvitationAsync(CurrentUser admin, string userId, CancellationToken ct = default)
    {
        if (!IsAdministrator(admin))
        {
            return AccountResult.NotFound;
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null || user.OrganizationId is not null)
        {
            return AccountResult.NotFound;
        }

        await AuditAsync(admin, "user.invitation-sent", user.Id, ct: ct);
        return await SendInvitationAsync(users, user, ct);
    }

    /// <summary>
    /// Sets a staff member's roles. The last administrator keeps the role, so the portal is never left without
    /// one; organizations' accounts are not staff and get no staff role.
    /// </summary>
    public async Task<AccountResult> ChangeRolesAsync(CurrentUser admin, string userId, IReadOnlySet<string> roles, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(roles);
        if (!IsAdministrator(admin))
        {
            return AccountResult.NotFound;
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return AccountResult.NotFound;
        }

        if (user.OrganizationId is not null)
        {
            // An organization's member applies for grants; reviewing or deciding them would be a conflict of interest.
            return new AccountResult(AccountOutcome.Invalid, [new FieldError(nameof(StaffForm.Roles), localizer["Staff_OrganizationAccount"])]);
        }

        var current = await users.GetRolesAsync(user);
        var wanted = StaffRoles.Where(roles.Contains).ToList();
        if (wanted.Count == 0)
        {
            return new AccountResult(AccountOutcome.Invalid, [new FieldError(nameof(StaffForm.Roles), localizer["Staff_RoleRequired"])]);
        }

        if (current.Contains(Roles.Administrator) && !wanted.Contains(Roles.Administrator)
            && (await users.GetUsersInRoleAsync(Roles.Administrator)).Count <= 1)
        {
            return new AccountResult(AccountOutcome.Invalid, [new FieldError(nameof(StaffForm.Roles), localizer["Staff_LastAdministrator"])]);
        }

        var removed = current.Where(r => StaffRoles.Contains(r) && !wanted.Contains(r)).ToList();
        var added = wanted.Where(r => !current.Contains(r)).ToList();
        if (removed.Count == 0 && added.Count == 0)
        {
            return AccountResult.Done;
        }

        if (removed.Count > 0)
        {
            IdentityResults.Check(await users.RemoveFromRolesAsync(user, removed));
        }

        if (added.Count > 0)
        {
            IdentityResults.Check(await users.AddToRolesAsync(user, added));
        }

        // Open sessions of the person are revalidated against the stamp and pick up the new roles.
        IdentityResults.Check(await users.UpdateSecurityStampAsync(user));
        await AuditAsync(admin, "user.roles-changed", user.Id, JsonSerializer.Serialize(current.Order(StringComparer.Ordinal)),
            JsonSerializer.Serialize(current.Except(removed).Concat(added).Order(StringComparer.Ordinal)), ct);
        logger.LogInformation("Administrator {AdminId} changed the roles of {UserId}: +{Added} -{Removed}", admin.UserId, user.Id, string.Join(",", added), string.Join(",", removed));
        return AccountResult.Done;
    }

    /// <summary>
    /// Lets a person sign in again: ends a lockout after failed sign-ins, or restores a member their organization
    /// removed (the Applicant role comes back with it). Audited as <c>user.unlocked</c> or <c>user.restored</c>.
    /// </summary>
    public async Task<AccountResult> UnlockAsync(CurrentUser admin, string userId, CancellationToken ct = default)
    {
        if (!IsAdministrator(admin))
        {
            return AccountResult.NotFound;
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return AccountResult.NotFound;
        }

        var end = await users.GetLockoutEndDateAsync(user);
        var lockedOut = end > clock.GetCurrentInstant().ToDateTimeOffset();
        var removed = user.RemovedAt is not null;
        if (!lockedOut && !removed)
        {
            return AccountResult.Invalid(new FieldError("", localizer["Staff_NotLockedOut", user.Email ?? user.DisplayName]));
        }

        if (removed)
        {
            user.RemovedAt = null;
            if (user.OrganizationId is not null && !await users.IsInRoleAsync(user, Roles.Applicant))
            {
                IdentityResults.Check(await users.AddToRoleAsync(user, Roles.Applicant));
            }
        }

        // Clearing the lockout saves the user, RemovedAt with it.
        IdentityResults.Check(await users.SetLockoutEndDateAsync(user, null));
        IdentityResults.Check(await users.ResetAccessFailedCountAsync(user));
        await AuditAsync(admin, removed ? "user.restored" : "user.unlocked", user.Id, before: end?.ToString("O", System.Globalization.CultureInfo.InvariantCulture), ct: ct);
        logger.LogInformation("Administrator {AdminId} {Action} {UserId}", admin.UserId, removed ? "restored" : "unlocked", user.Id);
        return AccountResult.Done;
    }

    private List<FieldError> CheckRoles(HashSet<string> roles)
    {
        if (roles.Count == 0)
        {
            return [new FieldError(nameof(StaffForm.Roles), localizer["Staff_RoleRequired"])];
        }

        return roles.All(StaffRoles.Contains) ? [] : [new FieldError(nameof(StaffForm.Roles), localizer["Staff_RoleRequired"])];
    }

    private async Task<AccountResult> SendInvitationAsync(UserManager<PortalUser> users, PortalUser user, CancellationToken ct)
    {
        var roles = await users.GetRolesAsync(user);
        var sent = await links.MailLinkAsync(users, user, link => (
            localizer["Staff_InvitationSubject"].Value,
            localizer["Staff_InvitationBody", user.DisplayName, string.Join(", ", roles.Select(r => localizer["Role_" + r].Value)), link, user.Email!].Value), ct);
        return sent
            ? AccountResult.Done
            : new AccountResult(AccountOutcome.SavedMailNotSent, [new FieldError("", localizer["Staff_InvitationNotSent", user.Email!])]);
    }

    private async Task AuditAsync(CurrentUser admin, string action, string userId, string? before = null, string? after = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditEvents.Add(AuditEvent.Record(clock.GetCurrentInstant(), admin.AsActor(), action, nameof(PortalUser), userId, before, after));
        await db.SaveChangesAsync(ct);
    }

    private static bool IsAdministrator(CurrentUser? user) => user is not null && user.IsIn(Roles.Administrator);
}
