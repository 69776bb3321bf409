namespace GrantPortal.Core.Accounts;

/// <summary>
/// The administrator sets a staff member's roles. The last administrator keeps the role, so the portal is never
/// left without one; organizations' accounts are not staff and get no staff role. Administrators only.
/// </summary>
public sealed class ChangeStaffRoles(
    IServiceScopeFactory scopes,
    IDbContextFactory<PortalDbContext> dbFactory,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    ILogger<ChangeStaffRoles> logger)
{
    public async Task<Result> ChangeRolesAsync(CurrentUser admin, string userId, IReadOnlySet<string> roles, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(admin);
        ArgumentNullException.ThrowIfNull(roles);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        if (!admin.IsIn(Roles.Administrator) || await users.FindByIdAsync(userId) is not { } user)
        {
            return Result.NotFound();
        }

        if (user.OrganizationId is not null)
        {
            // An organization's member applies for grants; reviewing or deciding them would be a conflict of interest.
            return Result.Invalid(nameof(StaffForm.Roles), localizer["Staff_OrganizationAccount"]);
        }

        var current = await users.GetRolesAsync(user);
        var wanted = StaffRoles.All.Where(roles.Contains).ToList();
        if (wanted.Count == 0)
        {
            return Result.Invalid(nameof(StaffForm.Roles), localizer["Staff_RoleRequired"]);
        }

        if (current.Contains(Roles.Administrator) && !wanted.Contains(Roles.Administrator)
            && (await users.GetUsersInRoleAsync(Roles.Administrator)).Count <= 1)
        {
            return Result.Invalid(nameof(StaffForm.Roles), localizer["Staff_LastAdministrator"]);
        }

        var removed = current.Where(r => StaffRoles.All.Contains(r) && !wanted.Contains(r)).ToList();
        var added = wanted.Where(r => !current.Contains(r)).ToList();
        if (removed.Count == 0 && added.Count == 0)
        {
            return Result.Done();
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
        await dbFactory.RecordAsync(AuditEvent.Record(clock.GetCurrentInstant(), admin.AsActor(), AuditActions.UserRolesChanged, nameof(PortalUser), user.Id,
            JsonSerializer.Serialize(current.Order(StringComparer.Ordinal)),
            JsonSerializer.Serialize(current.Except(removed).Concat(added).Order(StringComparer.Ordinal))), ct);
        logger.LogInformation("Administrator {AdminId} changed the roles of {UserId}: +{Added} -{Removed}", admin.UserId, user.Id, string.Join(",", added), string.Join(",", removed));
        return Result.Done();
    }
}
