namespace GrantPortal.Core.Reviews;

/// <summary>Loads what the conflict rules read, for a few applications or a whole call.</summary>
internal static class ConflictFacts
{
    public static async Task<ConflictIndex> LoadAsync(PortalDbContext db, IReadOnlyCollection<int> applicationIds, IReadOnlyCollection<string>? reviewerIds, CancellationToken ct)
    {
        var applicants = await ApplicantsAsync(db, applicationIds, ct);
        var reviewers = await ReviewersAsync(db, reviewerIds, ct);
        var recorded = await db.Conflicts.AsNoTracking().Where(c => applicationIds.Contains(c.ApplicationId)).ToListAsync(ct);
        return new ConflictIndex(applicants, reviewers, recorded);
    }

    public static async Task<Dictionary<int, ApplicantFacts>> ApplicantsAsync(PortalDbContext db, IReadOnlyCollection<int> applicationIds, CancellationToken ct)
    {
        var rows = await db.Applications.AsNoTracking()
            .Where(a => applicationIds.Contains(a.Id))
            .Select(a => new { a.Id, a.OrganizationId, a.Organization!.Name, a.Organization.NameKorean, a.Organization.ContactEmail, a.Organization.Website })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => new ApplicantFacts(r.OrganizationId, r.Name, r.NameKorean, r.ContactEmail, r.Website));
    }

    /// <summary>Everyone in the Reviewer role, or only the given ones.</summary>
    public static async Task<List<ReviewerFacts>> ReviewersAsync(PortalDbContext db, IReadOnlyCollection<string>? reviewerIds, CancellationToken ct)
    {
        var roleId = await db.Roles.Where(r => r.Name == Roles.Reviewer).Select(r => r.Id).SingleOrDefaultAsync(ct);
        var users = db.UserRoles.Where(ur => ur.RoleId == roleId).Select(ur => ur.UserId);
        var query = db.Users.AsNoTracking().Where(u => users.Contains(u.Id));
        if (reviewerIds is not null)
        {
            query = query.Where(u => reviewerIds.Contains(u.Id));
        }

        var people = await query.Select(u => new { u.Id, u.Email, u.OrganizationId }).ToListAsync(ct);
        var ids = people.Select(p => p.Id).ToList();
        var affiliations = (await db.ReviewerAffiliations.AsNoTracking().Where(a => ids.Contains(a.ReviewerId)).ToListAsync(ct))
            .ToLookup(a => a.ReviewerId, a => new AffiliationFact(a.OrganizationId, a.OrganizationName));
        return people.OrderBy(p => p.Id, StringComparer.Ordinal)
            .Select(p => new ReviewerFacts(p.Id, p.Email, p.OrganizationId, affiliations[p.Id].ToList()))
            .ToList();
    }
}
