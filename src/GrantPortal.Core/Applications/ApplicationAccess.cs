namespace GrantPortal.Core.Applications;

/// <summary>Who may see and who may change an application: the one rule every application use case applies.</summary>
internal static class ApplicationAccess
{
    /// <summary>
    /// Applicants see their organization's applications, drafts included; officers every application once it was
    /// submitted; anyone else none. A draft (a revision's too) is the organization's own work until it is submitted,
    /// so an officer who asks for one by id, or for its files, finds nothing.
    /// </summary>
    public static IQueryable<Application> VisibleTo(this IQueryable<Application> applications, CurrentUser user)
    {
        if (user.IsIn(Roles.ProgramOfficer))
        {
            // Submission is a fact kept forever (SubmittedAt), whatever the status became afterwards.
            return applications.Where(a => a.SubmittedAt != null);
        }

        if (user.IsIn(Roles.Applicant) && user.OrganizationId is { } organizationId)
        {
            return applications.Where(a => a.OrganizationId == organizationId);
        }

        return applications.Where(a => false);
    }

    /// <summary>Only the organization's own applicants change its applications; officers read them.</summary>
    public static bool IsOwner(CurrentUser user, int organizationId) =>
        user.IsIn(Roles.Applicant) && user.OrganizationId == organizationId;

    /// <summary>
    /// The application when the user's organization owns it, read before a change; null when it does not exist or is
    /// not theirs, which both read "not found".
    /// </summary>
    public static async Task<OwnedApplication?> FindOwnedAsync(this PortalDbContext db, CurrentUser user, int id, CancellationToken ct)
    {
        var found = await db.Applications.AsNoTracking().VisibleTo(user)
            .Where(a => a.Id == id)
            .Select(a => new { a.CallId, a.OrganizationId, a.Status })
            .SingleOrDefaultAsync(ct);
        return found is not null && IsOwner(user, found.OrganizationId) ? new OwnedApplication(found.CallId, found.Status) : null;
    }
}

/// <summary>An application its organization's applicant may change: its call (whose row lock serializes changes) and its status.</summary>
internal sealed record OwnedApplication(int CallId, ApplicationStatus Status);
