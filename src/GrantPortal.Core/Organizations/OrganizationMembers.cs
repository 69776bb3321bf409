using System.Text.Json;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Auditing;
using GrantPortal.Core.Data;
using GrantPortal.Core.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace GrantPortal.Core.Organizations;

/// <summary>A colleague as the organization's members see them. <see cref="Invited"/>: no password chosen yet.</summary>
public sealed record OrganizationMember(string UserId, string DisplayName, string Email, bool Invited, bool IsYou, Instant Since);

/// <summary>Whom an applicant invites to apply and report with them.</summary>
public sealed class MemberInvitationForm
{
    public string DisplayName { get; set; } = "";

    public string Email { get; set; } = "";

    public string PreferredLanguage { get; set; } = Languages.Korean;
}

/// <summary>
/// The people who act for an organization: any member invites a colleague by a set-password link (the colleague
/// becomes an applicant of the same organization, nothing more), sends the link again, or removes a colleague who
/// left. A removed colleague who had chosen a password can no longer sign in; their earlier work stays theirs in
/// the audit trail. Members of other organizations, and staff, are told the person does not exist.
/// </summary>
public sealed class OrganizationMembers(
    IServiceScopeFactory scopes,
    IDbContextFactory<PortalDbContext> dbFactory,
    PasswordLinks links,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    ILogger<OrganizationMembers> logger)
{
    public async Task<IReadOnlyList<OrganizationMember>> ListAsync(CurrentUser user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (OrganizationOf(user) is not { } organizationId)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var members = await db.Users.AsNoTracking()
            .Where(u => u.OrganizationId == organizationId && u.RemovedAt == null)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.PasswordHash, u.CreatedAt })
            .ToListAsync(ct);
        return members
            .Select(m => new OrganizationMember(m.Id, m.DisplayName, m.Email ?? "", m.PasswordHash is null, m.Id == user.UserId, m.CreatedAt))
            .OrderBy(m => m.Since)
            .ThenBy(m => m.Email, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    public async Task<AccountResult> InviteAsync(CurrentUser user, MemberInvitationForm form, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(form);
        if (OrganizationOf(user) is not { } organizationId)
        {
            return AccountResult.NotFound;
        }

        var email = form.Email.Trim();
        var errors = InvitedAccounts.Check(form.DisplayName.Trim(), email, "Registration_EmailInvalid", localizer);
        if (errors.Count > 0)
        {
            return new AccountResult(AccountOutcome.Invalid, errors);
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var colleague = await InvitedAccounts.CreateAsync(users, email, form.DisplayName.Trim(), form.PreferredLanguage, organizationId, clock.GetCurrentInstant());
        if (colleague is null)
        {
            return AccountResult.Invalid(new FieldError(nameof(MemberInvitationForm.Email), localizer["Members_EmailTaken", email]));
        }

        IdentityResults.Check(await users.AddToRoleAsync(colleague, Roles.Applicant));
        await AuditAsync(user, organizationId, "organization.member-invited", after: JsonSerializer.Serialize(new { colleague.Id, colleague.Email }), ct: ct);
        logger.LogInformation("{UserId} invited {ColleagueId} to organization {OrganizationId}", user.UserId, colleague.Id, organizationId);
        return await SendInvitationAsync(users, colleague, user.Name, organizationId, ct);
    }

    /// <summary>A fresh link for a colleague who has not chosen a password yet.</summary>
    public async Task<AccountResult> ResendAsync(CurrentUser user, string memberId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (OrganizationOf(user) is not { } organizationId)
        {
            return AccountResult.NotFound;
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var colleague = await users.FindByIdAsync(memberId);
        if (colleague is null || colleague.OrganizationId != organizationId || colleague.RemovedAt is not null || colleague.PasswordHash is not null)
        {
            return AccountResult.NotFound;
        }

        await AuditAsync(user, organizationId, "organization.member-invitation-sent", after: JsonSerializer.Serialize(new { colleague.Id, colleague.Email }), ct: ct);
        return await SendInvitationAsync(users, colleague, user.Name, organizationId, ct);
    }

    /// <summary>
    /// Takes a colleague off the organization: an unaccepted invitation is deleted; an account in use loses the
    /// applicant role and can no longer sign in, and its open sessions end. Nobody removes themselves, so an
    /// organization always keeps a member.
    /// </summary>
    public async Task<AccountResult> RemoveAsync(CurrentUser user, string memberId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (OrganizationOf(user) is not { } organizationId)
        {
            return AccountResult.NotFound;
        }

        if (memberId == user.UserId)
        {
            return new AccountResult(AccountOutcome.Invalid, [new FieldError("", localizer["Members_CannotRemoveYourself"])]);
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var colleague = await users.FindByIdAsync(memberId);
        if (colleague is null || colleague.OrganizationId != organizationId || colleague.RemovedAt is not null)
        {
            return AccountResult.NotFound;
        }

        var before = JsonSerializer.Serialize(new { colleague.Id, colleague.Email, Invited = colleague.PasswordHash is null });
        if (colleague.PasswordHash is null)
        {
            IdentityResults.Check(await users.DeleteAsync(colleague));
        }
        else
        {
            // Saving the mark with a new security stamp ends their open sessions at the next revalidation.
            IdentityResults.Check(await users.RemoveFromRoleAsync(colleague, Roles.Applicant));
            colleague.RemovedAt = clock.GetCurrentInstant();
            IdentityResults.Check(await users.UpdateSecurityStampAsync(colleague));
        }

        await AuditAsync(user, organizationId, "organization.member-removed", before: before, ct: ct);
        logger.LogInformation("{UserId} removed {ColleagueId} from organization {OrganizationId}", user.UserId, memberId, organizationId);
        return AccountResult.Done;
    }

    private async Task<AccountResult> SendInvitationAsync(UserManager<PortalUser> users, PortalUser colleague, string inviter, int organizationId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => new { o.Name, o.NameKorean }).SingleAsync(ct);
        var sent = await links.MailLinkAsync(users, colleague, link => (
            localizer["Members_InvitationSubject", new OrganizationName(organization.NameKorean, organization.Name).ToString()].Value,
            localizer["Members_InvitationBody", colleague.DisplayName, inviter, new OrganizationName(organization.NameKorean, organization.Name).ToString(), link, colleague.Email!].Value), ct);
        return sent
            ? AccountResult.Done
            : new AccountResult(AccountOutcome.SavedMailNotSent, [new FieldError("", localizer["Staff_InvitationNotSent", colleague.Email!])]);
    }

    // Called inside the recipient's language by MailLinkAsync.
    private async Task AuditAsync(CurrentUser user, int organizationId, string action, string? before = null, string? after = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditEvents.Add(AuditEvent.Record(clock.GetCurrentInstant(), user.AsActor(), action, nameof(Organization),
            organizationId.ToString(System.Globalization.CultureInfo.InvariantCulture), before, after));
        await db.SaveChangesAsync(ct);
    }

    private static int? OrganizationOf(CurrentUser user) => user.IsIn(Roles.Applicant) ? user.OrganizationId : null;
}
