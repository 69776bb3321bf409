namespace GrantPortal.Core.Organizations;

/// <summary>
/// An applicant keeps their own organization's details current: contacts, address and website at any time; names,
/// registration number and type while it is not yet verified. Nobody else reaches an organization here.
/// </summary>
public sealed class UpdateOrganizationDetails(
    IDbContextFactory<PortalDbContext> dbFactory,
    IClock clock,
    IStringLocalizer<Strings> localizer)
{
    /// <summary>Saves the details if nobody changed them since <paramref name="expectedVersion"/>; the value is the organization as saved.</summary>
    public Task<Result<OrganizationDetails>> SaveMineAsync(CurrentUser user, OrganizationDetailsForm form, int expectedVersion, CancellationToken ct = default) =>
        SaveAsync(user, form, expectedVersion, alsoChange: null, ct);

    /// <param name="alsoChange">
    /// A further change saved with the details, made once they are applied (a rejected organization asking to be
    /// verified again); when it refuses, nothing is saved.
    /// </param>
    internal async Task<Result<OrganizationDetails>> SaveAsync(
        CurrentUser user, OrganizationDetailsForm form, int expectedVersion, Func<PortalDbContext, Organization, Instant, Result>? alsoChange, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(form);
        if (OwnOrganization.Of(user) is not { } organizationId)
        {
            return Result.NotFound();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var organization = await db.Organizations.SingleOrDefaultAsync(o => o.Id == organizationId, ct);
        if (organization is null)
        {
            return Result.NotFound();
        }

        if (organization.Version != expectedVersion)
        {
            return Result.Conflict(localizer["Error_Concurrency"]);
        }

        var number = Organization.NormalizeRegistrationNumber(form.RegistrationNumber);
        var errors = Validate(form, number, organization, out var foundedOn);
        if (errors.Count == 0 && number != organization.RegistrationNumber
            && await db.Organizations.AnyAsync(o => o.RegistrationNumber == number && o.Id != organizationId, ct))
        {
            errors.Add(new FieldError(nameof(form.RegistrationNumber), localizer["Organization_NumberTaken"]));
        }

        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }

        var before = Snapshot(organization);
        Apply(form, number, organization);
        organization.FoundedOn = foundedOn;
        var now = clock.GetCurrentInstant();
        var after = Snapshot(organization);
        if (after != before)
        {
            db.AuditEvents.Add(AuditEvent.Record(now, user.AsActor(), AuditActions.OrganizationDetailsChanged, nameof(Organization),
                organization.Id.ToString(CultureInfo.InvariantCulture), before, after));
        }

        if (alsoChange?.Invoke(db, organization, now) is { Succeeded: false } refused)
        {
            return refused;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Conflict(localizer["Error_Concurrency"]);
        }
        catch (DbUpdateException)
        {
            // Another organization took the number between the check above and this save; the unique index decided.
            return Result.Invalid(nameof(form.RegistrationNumber), localizer["Organization_NumberTaken"]);
        }

        return Result.Done(OrganizationDetails.Of(organization));
    }

    private List<FieldError> Validate(OrganizationDetailsForm form, string number, Organization organization, out LocalDate? foundedOn)
    {
        var checks = new OrganizationChecks(localizer);
        foundedOn = checks.FoundedOn(form.FoundedOn, nameof(form.FoundedOn), Seoul.Today(clock));
        if (organization.Verification == VerificationState.Verified)
        {
            var changed = Organization.NameForEnglishReaders(form.Name, form.NameKorean) != organization.Name || form.NameKorean.Trim() != organization.NameKorean
                || number != organization.RegistrationNumber || form.Type != organization.Type;
            checks.Check(changed, nameof(form.Name), "Organization_IdentityLocked");
        }
        else
        {
            checks.Names(form.Name, form.NameKorean, nameof(form.Name), nameof(form.NameKorean));
            checks.RegistrationNumber(number, nameof(form.RegistrationNumber), onFile: organization.RegistrationNumber);
            checks.Check(!Enum.IsDefined(form.Type), nameof(form.Type), "Organization_TypeRequired");
        }

        checks.Contact(form.ContactName, form.ContactEmail, nameof(form.ContactName), nameof(form.ContactEmail));
        checks.Check(form.Representative.Trim().Length > 100, nameof(form.Representative), "Organization_TooLong");
        checks.Check(form.ContactPhone.Trim().Length > 40 || form.ContactPhone.Any(c => !(char.IsAsciiDigit(c) || c is '+' or '-' or ' ' or '(' or ')')),
            nameof(form.ContactPhone), "Organization_PhoneInvalid");
        checks.Check(form.Address.Trim().Length > 400, nameof(form.Address), "Organization_TooLong");
        var website = form.Website.Trim();
        checks.Check(website.Length > 400 || (website.Length > 0 && !IsWebAddress(website)), nameof(form.Website), "Organization_WebsiteInvalid");
        return checks.Errors;
    }

    /// <summary>The names, number and type are what the program office verified: they change only before it does.</summary>
    private static void Apply(OrganizationDetailsForm form, string number, Organization organization)
    {
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
        FoundedOn = o.FoundedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    });
}
