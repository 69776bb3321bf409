namespace GrantPortal.Core.Organizations;

/// <summary>
/// The program office's decision on a registration: verify the organization (only verified ones may submit
/// applications) or reject it with a reason the applicant reads. The members hear of it by mail. Anyone but a
/// program officer is told the organization does not exist.
/// </summary>
public sealed class VerifyOrganization(
    IDbContextFactory<PortalDbContext> dbFactory,
    OrganizationMail mail,
    PortalLinks links,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    ILogger<VerifyOrganization> logger)
{
    public Task<Result> VerifyAsync(CurrentUser user, int organizationId, CancellationToken ct) =>
        DecideAsync(user, organizationId, null, ct);

    public Task<Result> RejectAsync(CurrentUser user, int organizationId, string reason, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(reason)
            ? Task.FromResult(Result.Invalid("Reason", localizer["Organizations_ReasonRequired"]))
            : DecideAsync(user, organizationId, reason, ct);

    private async Task<Result> DecideAsync(CurrentUser user, int organizationId, string? rejectionReason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsIn(Roles.ProgramOfficer))
        {
            return Result.NotFound();
        }

        var now = clock.GetCurrentInstant();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var organization = await db.Organizations.SingleOrDefaultAsync(o => o.Id == organizationId, ct);
        if (organization is null)
        {
            return Result.NotFound();
        }

        var before = Snapshot(organization);
        if (rejectionReason is null)
        {
            organization.Verify(user.UserId, now);
        }
        else
        {
            organization.Reject(user.UserId, rejectionReason, now);
        }

        db.AuditEvents.Add(AuditEvent.Record(
            now,
            user.AsActor(),
            rejectionReason is null ? AuditActions.OrganizationVerified : AuditActions.OrganizationRejected,
            nameof(Organization),
            organizationId.ToString(CultureInfo.InvariantCulture),
            before,
            Snapshot(organization),
            organization.RejectionReason));
        await TellMembersAsync(db, organization, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Conflict(localizer["Error_Concurrency"]);
        }

        logger.LogInformation("Organization {OrganizationId} {Decision} by {UserId}", organizationId, organization.Verification, user.UserId);
        return Result.Done();
    }

    /// <summary>Mails the organization's members the decision, each in their own language, saved with the decision.</summary>
    private Task<int> TellMembersAsync(PortalDbContext db, Organization organization, CancellationToken ct) =>
        mail.QueueAsync(db, organization.Id, MailPurposes.OrganizationVerified, member =>
        {
            var name = new OrganizationName(organization.NameKorean, organization.Name).In(member.Language);
            // A verified organization starts from its dashboard; a refused one corrects its details on its own page.
            return organization.Verification == VerificationState.Verified
                ? (localizer["Organizations_MailVerifiedSubject", name].Value, localizer["Organizations_MailVerifiedBody", member.DisplayName, name, links.To(PortalPaths.Dashboard)].Value)
                : (localizer["Organizations_MailRejectedSubject", name].Value, localizer["Organizations_MailRejectedBody", member.DisplayName, name, organization.RejectionReason ?? "", links.To(PortalPaths.OrganizationProfile)].Value);
        }, ct);

    private static string Snapshot(Organization o) =>
        JsonSerializer.Serialize(new { Verification = o.Verification.ToString(), o.RejectionReason, o.VerifiedById });
}
