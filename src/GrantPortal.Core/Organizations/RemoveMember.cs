namespace GrantPortal.Core.Organizations;

/// <summary>
/// A member takes a colleague who left off the organization: an unaccepted invitation is deleted; an account in use
/// loses the applicant role and can no longer sign in, and its open sessions end. Their earlier work stays theirs in
/// the audit trail. Nobody removes themselves, so an organization always keeps a member.
/// </summary>
public sealed class RemoveMember(
    IServiceScopeFactory scopes,
    IDbContextFactory<PortalDbContext> dbFactory,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    ILogger<RemoveMember> logger)
{
    public async Task<Result> RemoveAsync(CurrentUser user, string memberId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (OwnOrganization.Of(user) is not { } organizationId)
        {
            return Result.NotFound();
        }

        if (memberId == user.UserId)
        {
            return Result.Refused(localizer["Members_CannotRemoveYourself"]);
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var colleague = await users.FindByIdAsync(memberId);
        if (colleague is null || colleague.OrganizationId != organizationId || colleague.RemovedAt is not null)
        {
            return Result.NotFound();
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

        await dbFactory.RecordAsync(AuditEvent.Record(clock.GetCurrentInstant(), user.AsActor(), AuditActions.OrganizationMemberRemoved, nameof(Organization),
            organizationId.ToString(CultureInfo.InvariantCulture), before: before), ct);
        logger.LogInformation("{UserId} removed {ColleagueId} from organization {OrganizationId}", user.UserId, memberId, organizationId);
        return Result.Done();
    }
}
