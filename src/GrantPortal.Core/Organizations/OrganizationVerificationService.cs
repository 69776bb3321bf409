using System.Globalization;
using System.Text.Json;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Auditing;
using GrantPortal.Core.Data;
using GrantPortal.Core.Localization;
using GrantPortal.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using NodaTime;

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

    /// <summary>The name as the reader's language shows it.</summary>
    public OrganizationName Named => new(NameKorean, Name);
}

/// <summary>A pending organization's earlier rejection, for the officer who looks at it again.</summary>
public sealed record AskedAgain(Instant At, string? EarlierReason);

public sealed record VerificationResult(bool Succeeded, string? Error)
{
    public static VerificationResult Done { get; } = new(true, null);
}

/// <summary>
/// Program officers verify registered organizations (only verified ones may submit applications) or reject
/// them with a reason the applicant reads. Anyone else is told the organization does not exist.
/// </summary>
public sealed class OrganizationVerificationService(
    IDbContextFactory<PortalDbContext> dbFactory,
    OrganizationMail mail,
    PortalLinks links,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    ILogger<OrganizationVerificationService> logger)
{
    /// <summary>Organizations in <paramref name="state"/> (all when null), pending first, oldest registration first.</summary>
    public async Task<IReadOnlyList<OrganizationToVerify>> ListAsync(CurrentUser user, VerificationState? state, CancellationToken ct)
    {
        if (!IsOfficer(user))
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
                o.RegisteredAt, o.Verification, o.RejectionReason, o.Version))
            .ToListAsync(ct);
        var pending = rows.Where(o => o.Verification == VerificationState.Pending).Select(o => o.Id.ToString(CultureInfo.InvariantCulture)).ToList();
        var requests = (await db.AuditEvents.AsNoTracking()
                .Where(e => e.Action == "organization.verification-requested" && e.EntityType == nameof(Organization) && pending.Contains(e.EntityId))
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

    public Task<VerificationResult> VerifyAsync(CurrentUser user, int organizationId, CancellationToken ct) =>
        DecideAsync(user, organizationId, null, ct);

    public Task<VerificationResult> RejectAsync(CurrentUser user, int organizationId, string reason, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(reason)
            ? Task.FromResult(new VerificationResult(false, localizer["Organizations_ReasonRequired"].Value))
            : DecideAsync(user, organizationId, reason, ct);

    private async Task<VerificationResult> DecideAsync(CurrentUser user, int organizationId, string? rejectionReason, CancellationToken ct)
    {
        if (!IsOfficer(user))
        {
            return NotFound();
        }

        var now = clock.GetCurrentInstant();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var organization = await db.Organizations.SingleOrDefaultAsync(o => o.Id == organizationId, ct);
        if (organization is null)
        {
            return NotFound();
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
            rejectionReason is null ? "organization.verified" : "organization.rejected",
            nameof(Organization),
            organizationId.ToString(CultureInfo.InvariantCulture),
            before,
            Snapshot(organization),
            organization.RejectionReason));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new VerificationResult(false, localizer["Error_Concurrency"].Value);
        }

        logger.LogInformation("Organization {OrganizationId} {Decision} by {UserId}", organizationId, organization.Verification, user.UserId);
        await TellMembersAsync(organization, ct);
        return VerificationResult.Done;
    }

    /// <summary>Mails the organization's members the decision, each in their own language.</summary>
    private Task TellMembersAsync(Organization organization, CancellationToken ct) =>
        mail.SendAsync(organization.Id, member =>
        {
            var name = new OrganizationName(organization.NameKorean, organization.Name).In(member.Language);
            // A verified organization starts from its dashboard; a refused one corrects its details on its own page.
            return organization.Verification == VerificationState.Verified
                ? (localizer["Organizations_MailVerifiedSubject", name].Value, localizer["Organizations_MailVerifiedBody", member.DisplayName, name, links.To(PortalPaths.Dashboard)].Value)
                : (localizer["Organizations_MailRejectedSubject", name].Value, localizer["Organizations_MailRejectedBody", member.DisplayName, name, organization.RejectionReason ?? "", links.To(PortalPaths.OrganizationProfile)].Value);
        }, ct);

    private static string? EarlierReason(string? before)
    {
        if (before is null)
        {
            return null;
        }

        using var json = JsonDocument.Parse(before);
        return json.RootElement.TryGetProperty("RejectionReason", out var reason) ? reason.GetString() : null;
    }

    private VerificationResult NotFound() => new(false, localizer["Organizations_NotFound"].Value);

    private static bool IsOfficer(CurrentUser? user) => user is not null && user.IsIn(Roles.ProgramOfficer);

    private static string Snapshot(Organization o) =>
        JsonSerializer.Serialize(new { Verification = o.Verification.ToString(), o.RejectionReason, o.VerifiedById });
}
