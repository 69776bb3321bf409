namespace GrantPortal.Core.Organizations;

/// <summary>
/// An applicant chooses the project categories their organization follows, or stops following calls altogether.
/// Only members of the organization reach its choice; everyone else is told it is not there.
/// </summary>
public sealed class FollowCalls(IDbContextFactory<PortalDbContext> dbFactory, IClock clock)
{
    /// <summary>What the applicant's own organization follows; null for anyone who acts for no organization.</summary>
    public async Task<ProjectCategories?> GetMineAsync(CurrentUser user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (OwnOrganization.Of(user) is not { } organizationId)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.CallAlerts.AsNoTracking().Where(a => a.OrganizationId == organizationId).Select(a => (ProjectCategories?)a.Followed).SingleOrDefaultAsync(ct)
            ?? ProjectCategories.None;
    }

    /// <summary>Follows exactly <paramref name="followed"/> (<see cref="ProjectCategories.None"/> stops all alerts); the value is what is saved.</summary>
    public async Task<Result<ProjectCategories>> SaveMineAsync(CurrentUser user, ProjectCategories followed, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (OwnOrganization.Of(user) is not { } organizationId)
        {
            return Result.NotFound();
        }

        followed &= ProjectCategories.All;

        // Two members saving at once may both find no row: the second insert collides on the key and is saved as an update.
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            if (!await db.Organizations.AnyAsync(o => o.Id == organizationId, ct))
            {
                return Result.NotFound();
            }

            var alerts = await db.CallAlerts.SingleOrDefaultAsync(a => a.OrganizationId == organizationId, ct);
            var before = alerts?.Followed ?? ProjectCategories.None;
            if (before == followed)
            {
                return Result.Done(followed);
            }

            if (alerts is null)
            {
                alerts = new CallAlerts { OrganizationId = organizationId };
                db.CallAlerts.Add(alerts);
            }

            var now = clock.GetCurrentInstant();
            alerts.Followed = followed;
            alerts.ChangedById = user.UserId;
            alerts.ChangedAt = now;
            db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(), AuditActions.OrganizationCallAlertsChanged, nameof(Organization),
                organizationId.ToString(CultureInfo.InvariantCulture), Snapshot(before), Snapshot(followed)));
            try
            {
                await db.SaveChangesAsync(ct);
                return Result.Done(followed);
            }
            catch (DbUpdateException) when (attempt == 1)
            {
            }
        }
    }

    private static string Snapshot(ProjectCategories followed) => JsonSerializer.Serialize(new { Followed = followed.ToString() });
}
