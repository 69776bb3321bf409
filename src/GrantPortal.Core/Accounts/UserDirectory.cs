namespace GrantPortal.Core.Accounts;

/// <summary>
/// One person on the administrator's list. <see cref="IsRemoved"/>: their organization took them off;
/// <see cref="IsAnonymized"/>: and the retention period after that has ended (<see cref="Privacy.PersonalDataRetention"/>).
/// </summary>
public sealed record UserRow(string Id, string Email, string DisplayName, OrganizationName? Organization, IReadOnlyList<string> Roles, bool IsLockedOut, bool IsRemoved, string PreferredLanguage, bool TwoFactorEnabled, bool IsAnonymized = false);

public sealed record UserPage(IReadOnlyList<UserRow> Rows, int Total);

/// <summary>The administrator's list of people and their roles, paged in the database.</summary>
public sealed class UserDirectory(IDbContextFactory<PortalDbContext> dbFactory, IClock clock)
{
    public async Task<UserPage> ListAsync(CurrentUser requester, string? search, int page, int pageSize, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(requester);
        if (!requester.IsIn(Roles.Administrator))
        {
            return new UserPage([], 0);
        }

        pageSize = Math.Clamp(pageSize, 1, 200);
        page = Math.Max(0, page);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            users = users.Where(u => u.Email!.Contains(term) || u.DisplayName.Contains(term));
        }

        var total = await users.CountAsync(ct);
        var rows = await users
            .OrderBy(u => u.Email)
            .Skip(page * pageSize)
            .Take(pageSize)
            .Select(u => new
            {
                u.Id,
                u.Email,
                u.DisplayName,
                OrganizationKorean = u.Organization == null ? null : u.Organization.NameKorean,
                OrganizationEnglish = u.Organization == null ? null : u.Organization.Name,
                u.LockoutEnd,
                u.RemovedAt,
                u.PreferredLanguage,
                u.TwoFactorEnabled,
                u.PersonalDataRemovedAt,
                Roles = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
            })
            .ToListAsync(ct);
        var now = clock.GetCurrentInstant().ToDateTimeOffset();
        return new UserPage(
            rows.Select(r => new UserRow(r.Id, r.Email ?? "", r.DisplayName, r.OrganizationKorean is null ? null : new OrganizationName(r.OrganizationKorean, r.OrganizationEnglish ?? ""), r.Roles, r.LockoutEnd > now, r.RemovedAt != null, r.PreferredLanguage, r.TwoFactorEnabled, r.PersonalDataRemovedAt != null)).ToList(),
            total);
    }
}
