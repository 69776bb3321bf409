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
/// The administrator invites reviewers, program officers, finance staff and other administrators, and sends a
/// fresh invitation to someone who has not chosen a password yet. The invitation carries a link to choose a
/// password (an Identity password-reset token), so no password ever travels by mail or through the administrator.
/// Organizations' accounts come from self-registration, not from here. Administrators only; anyone else is told
/// the person does not exist.
/// </summary>
public sealed class InviteStaff(
    IServiceScopeFactory scopes,
    IDbContextFactory<PortalDbContext> dbFactory,
    PasswordLinks links,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    ILogger<InviteStaff> logger)
{
    /// <summary>Done when the account is made; its notice says so when the mail could not be sent.</summary>
    public async Task<Result> InviteAsync(CurrentUser admin, StaffForm form, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(admin);
        ArgumentNullException.ThrowIfNull(form);
        if (!admin.IsIn(Roles.Administrator))
        {
            return Result.NotFound();
        }

        var email = form.Email.Trim();
        var errors = InvitedAccounts.Check(form.DisplayName.Trim(), email, "Staff_EmailInvalid", localizer);
        if (form.Roles.Count == 0 || !form.Roles.All(StaffRoles.All.Contains))
        {
            errors.Add(new FieldError(nameof(StaffForm.Roles), localizer["Staff_RoleRequired"]));
        }

        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await InvitedAccounts.CreateAsync(users, email, form.DisplayName.Trim(), form.PreferredLanguage, null, clock.GetCurrentInstant());
        if (user is null)
        {
            return Result.Invalid(nameof(StaffForm.Email), localizer["Staff_EmailTaken", email]);
        }

        foreach (var role in StaffRoles.All.Where(form.Roles.Contains))
        {
            IdentityResults.Check(await users.AddToRoleAsync(user, role));
        }

        await dbFactory.RecordAsync(AuditEvent.Record(clock.GetCurrentInstant(), admin.AsActor(), AuditActions.UserInvited, nameof(PortalUser), user.Id,
            after: JsonSerializer.Serialize(new { user.Email, Roles = StaffRoles.All.Where(form.Roles.Contains) })), ct);
        logger.LogInformation("Administrator {AdminId} invited {UserId} as {Roles}", admin.UserId, user.Id, string.Join(",", form.Roles));
        return await SendInvitationAsync(users, user, ct);
    }

    /// <summary>A fresh invitation: the earlier link stops working once a password is chosen with either.</summary>
    public async Task<Result> ResendInvitationAsync(CurrentUser admin, string userId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(admin);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        if (!admin.IsIn(Roles.Administrator) || await users.FindByIdAsync(userId) is not { OrganizationId: null } user)
        {
            return Result.NotFound();
        }

        await dbFactory.RecordAsync(AuditEvent.Record(clock.GetCurrentInstant(), admin.AsActor(), AuditActions.UserInvitationSent, nameof(PortalUser), user.Id), ct);
        return await SendInvitationAsync(users, user, ct);
    }

    private async Task<Result> SendInvitationAsync(UserManager<PortalUser> users, PortalUser user, CancellationToken ct)
    {
        var roles = await users.GetRolesAsync(user);
        var sent = await links.MailLinkAsync(users, user, link => (
            localizer["Staff_InvitationSubject"].Value,
            localizer["Staff_InvitationBody", user.DisplayName, string.Join(", ", roles.Select(r => localizer["Role_" + r].Value)), link, user.Email!].Value), ct);
        return InvitedAccounts.Invited(sent, user.Email!, localizer);
    }
}
