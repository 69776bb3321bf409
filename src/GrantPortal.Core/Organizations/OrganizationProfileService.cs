using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Auditing;
using GrantPortal.Core.Data;
using GrantPortal.Core.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace GrantPortal.Core.Organizations;

/// <summary>What an organization's own staff keep up to date about it.</summary>
public sealed record OrganizationDetailsForm
{
    public string Name { get; set; } = "";

    public string NameKorean { get; set; } = "";

    public string RegistrationNumber { get; set; } = "";

    public OrganizationType Type { get; set; }

    public string Representative { get; set; } = "";

    public string ContactName { get; set; } = "";

    public string ContactEmail { get; set; } = "";

    public string ContactPhone { get; set; } = "";

    public string Address { get; set; } = "";

    public string Website { get; set; } = "";
}

/// <summary>
/// The organization as its staff see it. <see cref="IdentityLocked"/>: once verified, the names, registration number
/// and type are what the program office checked, and change only through it.
/// </summary>
public sealed record OrganizationDetails(
    OrganizationDetailsForm Form,
    VerificationState Verification,
    string? RejectionReason,
    int Version)
{
    public bool IdentityLocked => Verification == VerificationState.Verified;

    public bool CanAskForVerification => Verification == VerificationState.Rejected;
}

public sealed record OrganizationSaveResult(bool Saved, OrganizationDetails? Details, IReadOnlyList<FieldError> Errors)
{
    public static OrganizationSaveResult Refused(params FieldError[] errors) => new(false, null, errors);
}

/// <summary>
/// An applicant's own organization: contacts, address and website at any time; names, registration number and type
/// while it is not yet verified; and, after a rejection, the corrected details go back to the program office.
/// Nobody else reaches an organization through this service.
/// </summary>
public sealed class OrganizationProfileService(
    IDbContextFactory<PortalDbContext> dbFactory,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    ILogger<OrganizationProfileService> logger)
{
    public async Task<OrganizationDetails?> GetMineAsync(CurrentUser user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsIn(Roles.Applicant) || user.OrganizationId is not { } organizationId)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var organization = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organizationId, ct);
        return organization is null ? null : DetailsOf(organization);
    }

    /// <summary>
    /// Saves the details if nobody changed them since <paramref name="expectedVersion"/>; with
    /// <paramref name="askForVerification"/> a rejected organization returns to the officer's pending list.
    /// </summary>
    public async Task<OrganizationSaveResult> SaveMineAsync(
        CurrentUser user, OrganizationDetailsForm form, int expectedVersion, bool askForVerification, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(form);
        if (!user.IsIn(Roles.Applicant) || user.OrganizationId is not { } organizationId)
        {
            return OrganizationSaveResult.Refused(new FieldError("", localizer["Organization_NotFound"]));
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var organization = await db.Organizations.SingleOrDefaultAsync(o => o.Id == organizationId, ct);
        if (organization is null)
        {
            return OrganizationSaveResult.Refused(new FieldError("", localizer["Organization_NotFound"]));
        }

        if (organization.Version != expectedVersion)
        {
            return OrganizationSaveResult.Refused(new FieldError("", localizer["Error_Concurrency"]));
        }

        var number = Organization.NormalizeRegistrationNumber(form.RegistrationNumber);
        var errors = Validate(form, number, organization);
        if (askForVerification && organization.Verification != VerificationState.Rejected)
        {
            errors.Add(new FieldError("", localizer["Organization_NotRejected"]));
        }

        if (errors.Count == 0 && number != organization.RegistrationNumber
            && await db.Organizations.AnyAsync(o => o.RegistrationNumber == number && o.Id != organizationId, ct))
        {
            errors.Add(new FieldError(nameof(form.RegistrationNumber), localizer["Organization_NumberTaken"]));
        }

        if (errors.Count > 0)
        {
            return OrganizationSaveResult.Refused([.. errors]);
        }

        var before = Snapshot(organization);
        if (organization.Verification != VerificationState.Verified)
        {
            organization.Name = Organization.NameForEnglishReaders(form.Name, form.NameKorean);
            organization.NameKorean = form.NameKorean.Trim();
            organization.RegistrationNumber = number;
            organization.Type = form.Type;
        }

        organization.Representative = form.Representative.Trim();
        organization.ContactName = form.ContactName.Trim();
        organization.ContactEmail = form.ContactEmail.Trim();
        organization.ContactPhone = form.ContactPhone.Trim();
        organization.Address = form.Address.Trim();
        organization.Website = string.IsNullOrWhiteSpace(form.Website) ? null : form.Website.Trim();
        var now = clock.GetCurrentInstant();
        var id = organization.Id.ToString(CultureInfo.InvariantCulture);
        var after = Snapshot(organization);
        if (after != before)
        {
            db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(), "organization.details-changed", nameof(Organization), id, before, after));
        }

        if (askForVerification)
        {
            var reason = organization.RejectionReason;
            organization.RequestVerificationAgain();
            db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(), "organization.verification-requested", nameof(Organization), id,
                before: JsonSerializer.Serialize(new { Verification = nameof(VerificationState.Rejected), RejectionReason = reason }),
                after: JsonSerializer.Serialize(new { Verification = nameof(VerificationState.Pending) })));
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return OrganizationSaveResult.Refused(new FieldError("", localizer["Error_Concurrency"]));
        }
        catch (DbUpdateException)
        {
            // Another organization took the number between the check above and this save; the unique index decided.
            return OrganizationSaveResult.Refused(new FieldError(nameof(form.RegistrationNumber), localizer["Organization_NumberTaken"]));
        }

        if (askForVerification)
        {
            logger.LogInformation("Organization {OrganizationId} asked for verification again", organization.Id);
        }

        return new OrganizationSaveResult(true, DetailsOf(organization), []);
    }

    private List<FieldError> Validate(OrganizationDetailsForm form, string number, Organization organization)
    {
        var errors = new List<FieldError>();
        void Check(bool invalid, string field, string key)
        {
            if (invalid)
            {
                errors.Add(new FieldError(field, localizer[key]));
            }
        }

        if (organization.Verification == VerificationState.Verified)
        {
            var changed = Organization.NameForEnglishReaders(form.Name, form.NameKorean) != organization.Name || form.NameKorean.Trim() != organization.NameKorean
                || number != organization.RegistrationNumber || form.Type != organization.Type;
            Check(changed, nameof(form.Name), "Organization_IdentityLocked");
        }
        else
        {
            // The English name is optional, as at registration.
            Check(form.Name.Trim().Length > 200, nameof(form.Name), "Organization_TooLong");
            Check(string.IsNullOrWhiteSpace(form.NameKorean) || form.NameKorean.Trim().Length > 200, nameof(form.NameKorean), "Registration_OrganizationNameKoreanRequired");
            Check(!Organization.IsWellFormedRegistrationNumber(number), nameof(form.RegistrationNumber), "Registration_NumberFormat");

            // A number already on file is not judged again (it may predate the check); a new or corrected one must add up.
            Check(Organization.IsWellFormedRegistrationNumber(number) && number != organization.RegistrationNumber && !RegistrationNumberCheck.IsValid(number),
                nameof(form.RegistrationNumber), "Registration_NumberCheckDigit");
            Check(!Enum.IsDefined(form.Type), nameof(form.Type), "Organization_TypeRequired");
        }

        Check(string.IsNullOrWhiteSpace(form.ContactName) || form.ContactName.Trim().Length > 100, nameof(form.ContactName), "Registration_ContactNameRequired");
        var email = form.ContactEmail.Trim();
        Check(email.Length is 0 or > 256 || !new EmailAddressAttribute().IsValid(email) || !email.Contains('.', StringComparison.Ordinal),
            nameof(form.ContactEmail), "Registration_EmailInvalid");
        Check(form.Representative.Trim().Length > 100, nameof(form.Representative), "Organization_TooLong");
        Check(form.ContactPhone.Trim().Length > 40 || form.ContactPhone.Any(c => !(char.IsAsciiDigit(c) || c is '+' or '-' or ' ' or '(' or ')')),
            nameof(form.ContactPhone), "Organization_PhoneInvalid");
        Check(form.Address.Trim().Length > 400, nameof(form.Address), "Organization_TooLong");
        var website = form.Website.Trim();
        Check(website.Length > 400 || (website.Length > 0 && !IsWebAddress(website)), nameof(form.Website), "Organization_WebsiteInvalid");
        return errors;
    }

    // People type "www.example.or.kr" as often as "https://…"; both are fine, other schemes and spaces are not.
    private static bool IsWebAddress(string text)
    {
        var candidate = text.Contains("://", StringComparison.Ordinal) ? text : "https://" + text;
        return Uri.TryCreate(candidate, UriKind.Absolute, out var uri)
            && uri.Scheme is "http" or "https"
            && uri.Host.Contains('.', StringComparison.Ordinal)
            && !text.Any(char.IsWhiteSpace);
    }

    private static string Snapshot(Organization o) => JsonSerializer.Serialize(new
    {
        o.Name,
        o.NameKorean,
        o.RegistrationNumber,
        Type = o.Type.ToString(),
        o.Representative,
        o.ContactName,
        o.ContactEmail,
        o.ContactPhone,
        o.Address,
        o.Website,
    });

    private static OrganizationDetails DetailsOf(Organization o) => new(
        new OrganizationDetailsForm
        {
            Name = Organization.GivenEnglishName(o.Name, o.NameKorean),
            NameKorean = o.NameKorean,
            RegistrationNumber = o.RegistrationNumber,
            Type = o.Type,
            Representative = o.Representative,
            ContactName = o.ContactName,
            ContactEmail = o.ContactEmail,
            ContactPhone = o.ContactPhone,
            Address = o.Address,
            Website = o.Website ?? "",
        },
        o.Verification,
        o.RejectionReason,
        o.Version);
}
