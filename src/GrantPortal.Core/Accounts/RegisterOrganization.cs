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

    /// <summary>The founding date (설립일), optional, as yyyy-MM-dd.</summary>
    public string FoundedOn { get; set; } = "";

    public string Password { get; set; } = "";

    public string ConfirmPassword { get; set; } = "";

    public string PreferredLanguage { get; set; } = Languages.Korean;
}

/// <summary>
/// CSO self-registration: the organization and its first account are created together or not at all, so the
/// user manager works on this scope's context, inside its transaction. The organization stays pending until a
/// program officer verifies it. The value of a done result is the new account's id.
/// </summary>
public sealed class RegisterOrganization(
    PortalDbContext db,
    UserManager<PortalUser> users,
    IStringLocalizer<Strings> localizer,
    IClock clock,
    ILogger<RegisterOrganization> logger)
{
    public async Task<Result<string>> RegisterAsync(RegistrationForm form, CancellationToken ct)
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
            return Result.Invalid(errors);
        }

        return await db.InTransactionAsync(() => CreateAsync(form, registrationNumber, ct), ct);
    }

    private async Task<Result<string>> CreateAsync(RegistrationForm form, string registrationNumber, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        var organization = Organization.Register(
            form.OrganizationName, form.OrganizationNameKorean, registrationNumber, form.OrganizationType, form.ContactName, form.Email, now);
        organization.ContactPhone = form.Phone.Trim();
        organization.FoundedOn = new OrganizationChecks(localizer).FoundedOn(form.FoundedOn, nameof(form.FoundedOn), Seoul.Today(clock));
        db.Organizations.Add(organization);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two registrations with one number raced past the check above; the unique index decided.
            return Result.Invalid(nameof(form.RegistrationNumber), localizer["Registration_DuplicateNumber"]);
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
            return Result.Invalid(created.Errors.Select(e => new FieldError(FieldFor(e), e.Description)).ToList());
        }

        await users.AddToRoleAsync(user, Roles.Applicant);
        db.AuditEvents.Add(AuditEvent.Record(
            now,
            new Actor(user.Id, user.DisplayName),
            AuditActions.OrganizationRegistered,
            nameof(Organization),
            organization.Id.ToString(CultureInfo.InvariantCulture),
            after: JsonSerializer.Serialize(new { organization.Name, organization.NameKorean, organization.RegistrationNumber, user.Email, FoundedOn = organization.FoundedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) })));
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Organization {OrganizationId} registered by {UserId}", organization.Id, user.Id);
        return Result.Done(user.Id);
    }

    private List<FieldError> Validate(RegistrationForm form)
    {
        var checks = new OrganizationChecks(localizer);
        checks.Names(form.OrganizationName, form.OrganizationNameKorean, nameof(form.OrganizationName), nameof(form.OrganizationNameKorean));
        checks.RegistrationNumber(Organization.NormalizeRegistrationNumber(form.RegistrationNumber), nameof(form.RegistrationNumber));
        checks.Contact(form.ContactName, form.Email, nameof(form.ContactName), nameof(form.Email));
        checks.FoundedOn(form.FoundedOn, nameof(form.FoundedOn), Seoul.Today(clock));
        if (form.Password.Length < Passwords.MinimumLength)
        {
            checks.Errors.Add(new FieldError(nameof(form.Password), localizer["Password_TooShort", Passwords.MinimumLength]));
        }
        else
        {
            checks.Check(form.Password != form.ConfirmPassword, nameof(form.ConfirmPassword), "Registration_PasswordsDiffer");
        }

        return checks.Errors;
    }

    private static string FieldFor(IdentityError error) =>
        error.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(RegistrationForm.Password) : nameof(RegistrationForm.Email);
}
