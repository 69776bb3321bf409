namespace GrantPortal.Core.Organizations;

/// <summary>
/// A rejected organization saves its corrected details and goes back to the program office's pending list. The
/// officer's earlier reason stays in the audit trail, and the officer sees it next to the organization.
/// </summary>
public sealed class RequestVerificationAgain(
    UpdateOrganizationDetails details,
    IStringLocalizer<Strings> localizer,
    ILogger<RequestVerificationAgain> logger)
{
    public async Task<Result<OrganizationDetails>> RequestAsync(CurrentUser user, OrganizationDetailsForm form, int expectedVersion, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var result = await details.SaveAsync(user, form, expectedVersion, (db, organization, now) => AskAgain(db, organization, now, user), ct);
        if (result.Succeeded)
        {
            logger.LogInformation("Organization {OrganizationId} asked for verification again", user.OrganizationId);
        }

        return result;
    }

    private Result AskAgain(PortalDbContext db, Organization organization, Instant now, CurrentUser user)
    {
        if (organization.Verification != VerificationState.Rejected)
        {
            return Result.Refused(localizer["Organization_NotRejected"]);
        }

        var reason = organization.RejectionReason;
        organization.RequestVerificationAgain();
        db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(), AuditActions.OrganizationVerificationRequested, nameof(Organization),
            organization.Id.ToString(CultureInfo.InvariantCulture),
            before: JsonSerializer.Serialize(new { Verification = nameof(VerificationState.Rejected), RejectionReason = reason }),
            after: JsonSerializer.Serialize(new { Verification = nameof(VerificationState.Pending) })));
        return Result.Done();
    }
}
