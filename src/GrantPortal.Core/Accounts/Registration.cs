using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using GrantPortal.Core.Auditing;
using GrantPortal.Core.Data;
using GrantPortal.Core.Localization;
using GrantPortal.Core.Organizations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace GrantPortal.Core.Accounts;

/// <summary>What a CSO enters to register itself and its first staff account.</summary>
public sealed record RegistrationForm
{
    public string OrganizationName { get; set; } = "";

    public string OrganizationNameKorean { get; set; } = "";

    public string RegistrationNumber { get; set; } = "";

    public OrganizationType OrganizationType { get; set; } = OrganizationType.NonProfitPrivateOrganization;

    public string ContactName { get; set; } = "";

    public string Email { get; set; } = "";

    public string Phone { get; set; } = "";

    public string Password { get; set; } = "";

    public string ConfirmPassword { get; set; } = "";

    public string PreferredLanguage { get; set; } = Languages.Korean;
}

public sealed record RegistrationResult(string? UserId, IReadOnlyList<FieldError> Errors)
{
    public bool Succeeded => UserId is not null;
}

/// <summary>
/// CSO self-registration: the organization and its first account are created together or not at all.
/// The organization stays pending until a program officer verifies it.
/// </summary>
public sealed class RegistrationService(
    PortalDbContext db,
    UserManager<PortalUser> users,
    IStringLocalizer<Strings> localizer,
    IClock clock,
    ILogger<RegistrationService> logger)
{
    public const int MinimumPasswordLength = 12;

    public async Task<RegistrationResult> RegisterAsync(RegistrationForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = Validate(form);
        var registrationNumber = Organization.NormalizeRegistrationNumber(form.RegistrationNumber);
        if (errors.Count == 0 && await db.Organizations.AnyAsync(o => o.RegistrationNumber == registrationNumber, ct))
        {
            errors.Add(new FieldError(nameof(form.RegistrationNumber), localizer["Registration_DuplicateNumber"]));
        }

        if (errors.Count == 0 && await users.FindByEmailAsync(form.Email.Trim()) is not null)
        {
            errors.Add(new FieldError(nameof(form.Email), localizer["Registration_DuplicateEmail"]));
        }

        if (errors.Count > 0)
        {
            return new RegistrationResult(null, errors);
        }

        // SQL Server retries transient failures; a user-started transaction must run inside that strategy.
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(() => CreateAsync(form, registrationNumber, ct));
    }

    private async Task<RegistrationResult> CreateAsync(RegistrationForm form, string registrationNumber, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var now = clock.GetCurrentInstant();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var organization = Organization.Register(
            form.OrganizationName, form.OrganizationNameKorean, registrationNumber, form.OrganizationType, form.ContactName, form.Email, now);
        organization.ContactPhone = form.Phone.Trim();
        db.Organizations.Add(organization);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two registrations with one number raced past the check above; the unique index decided.
            return new RegistrationResult(null, [new FieldError(nameof(form.RegistrationNumber), localizer["Registration_DuplicateNumber"])]);
        }

        var user = new PortalUser
        {
            UserName = form.Email.Trim(),
            Email = form.Email.Trim(),
            DisplayName = form.ContactName.Trim(),
            PreferredLanguage = Languages.Normalize(form.PreferredLanguage),
            OrganizationId = organization.Id,
            CreatedAt = now,
        };
        var created = await users.CreateAsync(user, form.Password);
        if (!created.Succeeded)
        {
            return new RegistrationResult(null, created.Errors.Select(e => new FieldError(FieldFor(e), e.Description)).ToList());
        }

        await users.AddToRoleAsync(user, Roles.Applicant);
        db.AuditEvents.Add(AuditEvent.Record(
            now,
            new Actor(user.Id, user.DisplayName),
            "organization.registered",
            nameof(Organization),
            organization.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            after: JsonSerializer.Serialize(new { organization.Name, organization.NameKorean, organization.RegistrationNumber, user.Email })));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Organization {OrganizationId} registered by {UserId}", organization.Id, user.Id);
        return new RegistrationResult(user.Id, []);
    }

    private List<FieldError> Validate(RegistrationForm form)
    {
        var errors = new List<FieldError>();
        void Require(string value, string field, string key)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add(new FieldError(field, localizer[key]));
            }
        }

        // The English name is optional: the portal is Korean-first, and English readers see the Korean name instead.
        Require(form.OrganizationNameKorean, nameof(form.OrganizationNameKorean), "Registration_OrganizationNameKoreanRequired");
        Require(form.ContactName, nameof(form.ContactName), "Registration_ContactNameRequired");
        var number = Organization.NormalizeRegistrationNumber(form.RegistrationNumber);
        if (!Organization.IsWellFormedRegistrationNumber(number))
        {
            errors.Add(new FieldError(nameof(form.RegistrationNumber), localizer["Registration_NumberFormat"]));
        }
        else if (!RegistrationNumberCheck.IsValid(number))
        {
            errors.Add(new FieldError(nameof(form.RegistrationNumber), localizer["Registration_NumberCheckDigit"]));
        }

        if (string.IsNullOrWhiteSpace(form.Email) || !new EmailAddressAttribute().IsValid(form.Email.Trim()) || !form.Email.Contains('.', StringComparison.Ordinal))
        {
            errors.Add(new FieldError(nameof(form.Email), localizer["Registration_EmailInvalid"]));
        }

        if (form.Password.Length < MinimumPasswordLength)
        {
            errors.Add(new FieldError(nameof(form.Password), localizer["Password_TooShort", MinimumPasswordLength]));
        }
        else if (form.Password != form.ConfirmPassword)
        {
            errors.Add(new FieldError(nameof(form.ConfirmPassword), localizer["Registration_PasswordsDiffer"]));
        }

        return errors;
    }

    private static string FieldFor(IdentityError error) =>
        error.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(RegistrationForm.Password) : nameof(RegistrationForm.Email);
}

/// <summary>Identity's messages in the person's language.</summary>
public sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<Strings> localizer) : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = localizer["Password_TooShort", length] };

    public override IdentityError DuplicateEmail(string email) => new() { Code = nameof(DuplicateEmail), Description = localizer["Registration_DuplicateEmail"] };

    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = localizer["Registration_DuplicateEmail"] };

    public override IdentityError InvalidEmail(string? email) => new() { Code = nameof(InvalidEmail), Description = localizer["Registration_EmailInvalid"] };

    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = localizer["Registration_EmailInvalid"] };

    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = localizer["Profile_CurrentPasswordWrong"] };

    public override IdentityError ConcurrencyFailure() => new() { Code = nameof(ConcurrencyFailure), Description = localizer["Error_Concurrency"] };

    public override IdentityError DefaultError() => new() { Code = nameof(DefaultError), Description = localizer["Error_Unexpected"] };
}
