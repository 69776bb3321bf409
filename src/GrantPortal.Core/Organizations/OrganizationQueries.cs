namespace GrantPortal.Core.Organizations;

/// <summary>A registered organization as the program office reviews it.</summary>
public sealed record OrganizationToVerify(
    int Id,
    string Name,
    string NameKorean,
    string RegistrationNumber,
    OrganizationType Type,
    string ContactName,
    string ContactEmail,
    string ContactPhone,
    Instant RegisteredAt,
    VerificationState Verification,
    string? RejectionReason,
    int Version)
{
    /// <summary>When a rejected organization corrected its details and asked again, and the reason it had been given.</summary>
    public AskedAgain? AskedAgain { get; init; }

    /// <summary>The founding date (설립일) the organization gave, which calls with a minimum age rely on.</summary>
    public LocalDate? FoundedOn { get; init; }

    /// <summary>The name as the reader's language shows it.</summary>
    public OrganizationName Named => new(NameKorean, Name);
}

/// <summary>A pending organization's earlier rejection, for the officer who looks at it again.</summary>
public sealed record AskedAgain(Instant At, string? EarlierReason);

/// <summary>A colleague as the organization's members see them. <see cref="Invited"/>: no password chosen yet.</summary>
public sealed record OrganizationMember(string UserId, string DisplayName, string Email, bool Invited, bool IsYou, Instant Since);

/// <summary>
/// What the portal shows about organizations: the program office's list to verify, and an applicant's own
/// organization and colleagues. Anyone else gets an empty answer.
/// </summary>
public sealed class OrganizationQueries(IDbContextFactory<PortalDbContext> dbFactory)
{
    /// <summary>Organizations in <paramref name="state"/> (all when null), pending first, oldest registration first. Program officers only.</summary>
    public async Task<IReadOnlyList<OrganizationToVerify>> ListToVerifyAsync(CurrentUser user, VerificationState? state, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsIn(Roles.ProgramOfficer))
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Organizations.AsNoTracking();
        if (state is { } wanted)
        {
            query = query.Where(o => o.Verification == wanted);
        }

        var rows = await query
            .Select(o => new OrganizationToVerify(
                o.Id, o.Name, o.NameKorean, o.RegistrationNumber, o.Type, o.ContactName, o.ContactEmail, o.ContactPhone,
                o.RegisteredAt, o.Verification, o.RejectionReason, o.Version) { FoundedOn = o.FoundedOn })
            .ToListAsync(ct);
        var pending = rows.Where(o => o.Verification == VerificationState.Pending).Select(o => o.Id.ToString(CultureInfo.InvariantCulture)).ToList();
        var requests = (await db.AuditEvents.AsNoTracking()
                .Where(e => e.Action == AuditActions.OrganizationVerificationRequested && e.EntityType == nameof(Organization) && pending.Contains(e.EntityId))
                .Select(e => new { e.EntityId, e.OccurredAt, e.Before })
                .ToListAsync(ct))
            .GroupBy(e => e.EntityId)
            .ToDictionary(g => g.Key, g => g.MaxBy(e => e.OccurredAt)!);
        return rows
            .Select(o => requests.TryGetValue(o.Id.ToString(CultureInfo.InvariantCulture), out var request) && o.Verification == VerificationState.Pending
                ? o with { AskedAgain = new AskedAgain(request.OccurredAt, EarlierReason(request.Before)) }
                : o)
            .OrderBy(o => o.Verification == VerificationState.Pending ? 0 : 1)
            .ThenBy(o => o.RegisteredAt)
            .ToList();
    }

    /// <summary>The applicant's own organization; null for anyone else.</summary>
    public async Task<OrganizationDetails?> GetMineAsync(CurrentUser user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (OwnOrganization.Of(user) is not { } organizationId)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var organization = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organizationId, ct);
        return organization is null ? null : OrganizationDetails.Of(organization);
    }

    /// <summary>The people who act for the applicant's organization, removed colleagues left out.</summary>
    public async Task<IReadOnlyList<OrganizationMember>> ListMembersAsync(CurrentUser user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (OwnOrganization.Of(user) is not { } organizationId)
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

    private static string? EarlierReason(string? before)
    {
        if (before is null)
        {
            return null;
        }

        using var json = JsonDocument.Parse(before);
        return json.RootElement.TryGetProperty("RejectionReason", out var reason) ? reason.GetString() : null;
    }
}
