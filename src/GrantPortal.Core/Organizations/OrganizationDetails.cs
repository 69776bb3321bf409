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

    /// <summary>The founding date (설립일) as yyyy-MM-dd, empty when not given.</summary>
    public string FoundedOn { get; set; } = "";
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

    internal static OrganizationDetails Of(Organization o) => new(
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
            FoundedOn = o.FoundedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
        },
        o.Verification,
        o.RejectionReason,
        o.Version);
}
