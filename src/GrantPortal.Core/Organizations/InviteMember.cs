namespace GrantPortal.Core.Organizations;

/// <summary>Whom an applicant invites to apply and report with them.</summary>
public sealed class MemberInvitationForm
{
    public string DisplayName { get; set; } = "";

    public string Email { get; set; } = "";

    public string PreferredLanguage { get; set; } = Languages.Korean;
}

/// <summary>
/// Any member of an organization invites a colleague by a set-password link: the colleague becomes an applicant of
/// the same organization, nothing more. A colleague who has not chosen a password yet can be sent a fresh link.
/// Members of other organizations, and staff, are told the person does not exist.
/// </summary>
public sealed class InviteMember(
    IServiceScopeFactory scopes,
    IDbContextFactory<PortalDbContext> dbFactory,
    PasswordLinks links,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    ILogger<InviteMember> logger)
{
    /// <summary>Done when the colleague's account is made; its notice says so when the mail could not be sent.</summary>
    public async Task<Result> InviteAsync(CurrentUser user, MemberInvitationForm form, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(form);
        if (OwnOrganization.Of(user) is not { } organizationId)
        {
            return Result.NotFound();
        }

        var email = form.Email.Trim();
        var errors = InvitedAccounts.Check(form.DisplayName.Trim(), email, "Registration_EmailInvalid", localizer);
        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var colleague = await InvitedAccounts.CreateAsync(users, email, form.DisplayName.Trim(), form.PreferredLanguage, organizationId, clock.GetCurrentInstant());
        if (colleague is null)
        {
            return Result.Invalid(nameof(MemberInvitationForm.Email), localizer["Members_EmailTaken", email]);
        }

        IdentityResults.Check(await users.AddToRoleAsync(colleague, Roles.Applicant));
        await AuditAsync(user, organizationId, AuditActions.OrganizationMemberInvited, colleague, ct);
        logger.LogInformation("{UserId} invited {ColleagueId} to organization {OrganizationId}", user.UserId, colleague.Id, organizationId);
        return await SendInvitationAsync(users, colleague, user.Name, organizationId, ct);
    }

    /// <summary>A fresh link for a colleague who has not chosen a password yet.</summary>
    public async Task<Result> ResendAsync(CurrentUser user, string memberId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (OwnOrganization.Of(user) is not { } organizationId)
        {
            return Result.NotFound();
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var colleague = await users.FindByIdAsync(memberId);
        if (colleague is null || colleague.OrganizationId != organizationId || colleague.RemovedAt is not null || colleague.PasswordHash is not null)
        {
            return Result.NotFound();
        }

        await AuditAsync(user, organizationId, AuditActions.OrganizationMemberInvitationSent, colleague, ct);
        return await SendInvitationAsync(users, colleague, user.Name, organizationId, ct);
    }

    private async Task<Result> SendInvitationAsync(UserManager<PortalUser> users, PortalUser colleague, string inviter, int organizationId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => new { o.Name, o.NameKorean }).SingleAsync(ct);

        // The composer runs in the colleague's language, so the organization's name is the one they read.
        var sent = await links.MailLinkAsync(users, colleague, link => (
            localizer["Members_InvitationSubject", new OrganizationName(organization.NameKorean, organization.Name).ToString()].Value,
            localizer["Members_InvitationBody", colleague.DisplayName, inviter, new OrganizationName(organization.NameKorean, organization.Name).ToString(), link, colleague.Email!].Value), ct);
        return InvitedAccounts.Invited(sent, colleague.Email!, localizer);
    }

    private Task AuditAsync(CurrentUser user, int organizationId, string action, PortalUser colleague, CancellationToken ct) =>
        dbFactory.RecordAsync(AuditEvent.Record(clock.GetCurrentInstant(), user.AsActor(), action, nameof(Organization),
            organizationId.ToString(CultureInfo.InvariantCulture), after: JsonSerializer.Serialize(new { colleague.Id, colleague.Email })), ct);
}
