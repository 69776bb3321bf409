using System.ComponentModel.DataAnnotations;

namespace GrantPortal.Core.Organizations;

/// <summary>
/// The checks an organization's names, registration number and contact pass wherever they are typed: at
/// registration and on the organization's own page. Each check adds its message, in the reader's language, to the
/// field the form names.
/// </summary>
internal sealed class OrganizationChecks(IStringLocalizer<Strings> localizer)
{
    public const int NameMaximum = 200;
    public const int ContactNameMaximum = 100;
    public const int EmailMaximum = 256;
    public const int EarliestFoundingYear = 1900;

    public List<FieldError> Errors { get; } = [];

    public void Check(bool invalid, string field, string key)
    {
        if (invalid)
        {
            Errors.Add(new FieldError(field, localizer[key]));
        }
    }

    /// <summary>The Korean name is required; the English name is optional (the portal is Korean-first, English readers see the Korean name instead).</summary>
    public void Names(string name, string nameKorean, string nameField, string koreanField)
    {
        Check(name.Trim().Length > NameMaximum, nameField, "Organization_TooLong");
        Check(string.IsNullOrWhiteSpace(nameKorean) || nameKorean.Trim().Length > NameMaximum, koreanField, "Registration_OrganizationNameKoreanRequired");
    }

    /// <summary>
    /// Ten digits whose last is the check digit of the first nine. A number already on file (<paramref name="onFile"/>)
    /// is not judged again: it may predate the check.
    /// </summary>
    public void RegistrationNumber(string normalized, string field, string? onFile = null)
    {
        if (!Organization.IsWellFormedRegistrationNumber(normalized))
        {
            Check(true, field, "Registration_NumberFormat");
        }
        else
        {
            Check(normalized != onFile && !RegistrationNumberCheck.IsValid(normalized), field, "Registration_NumberCheckDigit");
        }
    }

    /// <summary>
    /// The founding date (설립일) as typed (yyyy-MM-dd, as a date input sends it), optional: empty is no date. Not in the
    /// future and not before 1900. The value is the date read, or null when empty or wrong.
    /// </summary>
    public LocalDate? FoundedOn(string? text, string field, LocalDate today)
    {
        var typed = (text ?? "").Trim();
        if (typed.Length == 0)
        {
            return null;
        }

        var parsed = NodaTime.Text.LocalDatePattern.Iso.Parse(typed);
        if (!parsed.Success)
        {
            Check(true, field, "Organization_FoundedOnInvalid");
            return null;
        }

        Check(parsed.Value > today, field, "Organization_FoundedOnFuture");
        Check(parsed.Value.Year < EarliestFoundingYear, field, "Organization_FoundedOnTooEarly");
        return parsed.Value > today || parsed.Value.Year < EarliestFoundingYear ? null : parsed.Value;
    }

    public void Contact(string contactName, string email, string nameField, string emailField)
    {
        Check(string.IsNullOrWhiteSpace(contactName) || contactName.Trim().Length > ContactNameMaximum, nameField, "Registration_ContactNameRequired");
        var address = email.Trim();
        Check(address.Length is 0 or > EmailMaximum || !new EmailAddressAttribute().IsValid(address) || !address.Contains('.', StringComparison.Ordinal),
            emailField, "Registration_EmailInvalid");
    }
}
