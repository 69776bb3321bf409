namespace GrantPortal.Core.Organizations;

public enum OrganizationType
{
    NonProfitPrivateOrganization,
    IncorporatedAssociation,
    Foundation,
    SocialCooperative,
    Other,
}

public enum VerificationState
{
    Pending,
    Verified,
    Rejected,
}

/// <summary>A civil-society organization that applies for grants.</summary>
public sealed class Organization : IVersioned
{
    public int Id { get; private set; }

    /// <summary>
    /// The name English readers see. The portal is Korean-first, so an English name is optional: without one this
    /// holds the Korean name (see <see cref="NameForEnglishReaders"/>), and no page shows an empty name.
    /// </summary>
    public string Name { get; set; } = "";

    public string NameKorean { get; set; } = "";

    /// <summary>Korean business or non-profit registration number (고유번호/사업자등록번호), unique across the portal.</summary>
    public string RegistrationNumber { get; set; } = "";

    public OrganizationType Type { get; set; }

    public string Representative { get; set; } = "";

    public string ContactName { get; set; } = "";

    public string ContactEmail { get; set; } = "";

    public string ContactPhone { get; set; } = "";

    public string Address { get; set; } = "";

    public string? Website { get; set; }

    /// <summary>When the organization was founded (설립일), for calls that require some years of activity.</summary>
    public LocalDate? FoundedOn { get; set; }

    public VerificationState Verification { get; private set; }

    public string? RejectionReason { get; private set; }

    public Instant? VerifiedAt { get; private set; }

    public string? VerifiedById { get; private set; }

    public Instant RegisteredAt { get; private set; }

    public int Version { get; set; }

    private Organization()
    {
    }

    public static Organization Register(
        string name,
        string nameKorean,
        string registrationNumber,
        OrganizationType type,
        string contactName,
        string contactEmail,
        Instant registeredAt) => new()
        {
            Name = NameForEnglishReaders(name, nameKorean),
            NameKorean = nameKorean.Trim(),
            RegistrationNumber = NormalizeRegistrationNumber(registrationNumber),
            Type = type,
            ContactName = contactName.Trim(),
            ContactEmail = contactEmail.Trim(),
            RegisteredAt = registeredAt,
            Verification = VerificationState.Pending,
        };

    /// <summary>The part of the contact address after '@', used to detect reviewer conflicts.</summary>
    public string EmailDomain => ContactEmail.Contains('@', StringComparison.Ordinal)
        ? ContactEmail[(ContactEmail.LastIndexOf('@') + 1)..].ToLowerInvariant()
        : "";

    public bool CanSubmitApplications => Verification == VerificationState.Verified;

    public void Verify(string officerId, Instant at)
    {
        Verification = VerificationState.Verified;
        RejectionReason = null;
        VerifiedAt = at;
        VerifiedById = officerId;
    }

    public void Reject(string officerId, string reason, Instant at)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException("A rejection needs a reason the applicant can read.", nameof(reason));
        }

        Verification = VerificationState.Rejected;
        RejectionReason = reason.Trim();
        VerifiedAt = at;
        VerifiedById = officerId;
    }

    /// <summary>
    /// A rejected organization has corrected its details and asks the program office to look again; the officer's
    /// earlier reason stays in the audit trail.
    /// </summary>
    public void RequestVerificationAgain()
    {
        if (Verification != VerificationState.Rejected)
        {
            throw new InvalidOperationException("Only a rejected organization asks for verification again.");
        }

        Verification = VerificationState.Pending;
        RejectionReason = null;
        VerifiedAt = null;
        VerifiedById = null;
    }

    /// <summary>The English name when one was given, otherwise the Korean name.</summary>
    public static string NameForEnglishReaders(string? name, string nameKorean) =>
        string.IsNullOrWhiteSpace(name) ? nameKorean.Trim() : name.Trim();

    /// <summary>What the English-name field shows: empty when the organization gave no English name of its own.</summary>
    public static string GivenEnglishName(string name, string nameKorean) => name == nameKorean ? "" : name;

    /// <summary>A Korean registration number (고유번호 or 사업자등록번호) has ten digits once the dashes are gone.</summary>
    public static bool IsWellFormedRegistrationNumber(string normalized) =>
        normalized.Length == 10 && normalized.All(char.IsAsciiDigit);

    /// <summary>Registration numbers are compared without the dashes people type in different places.</summary>
    public static string NormalizeRegistrationNumber(string value) =>
        new(value.Where(char.IsAsciiLetterOrDigit).ToArray());
}

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.Property(o => o.Name).HasMaxLength(200);
        builder.Property(o => o.NameKorean).HasMaxLength(200);
        builder.Property(o => o.RegistrationNumber).HasMaxLength(20);
        builder.HasIndex(o => o.RegistrationNumber).IsUnique();
        builder.Property(o => o.Type).HasConversion<string>().HasMaxLength(40);
        builder.Property(o => o.Verification).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.Representative).HasMaxLength(100);
        builder.Property(o => o.ContactName).HasMaxLength(100);
        builder.Property(o => o.ContactEmail).HasMaxLength(256);
        builder.Property(o => o.ContactPhone).HasMaxLength(40);
        builder.Property(o => o.Address).HasMaxLength(400);
        builder.Property(o => o.Website).HasMaxLength(400);
        builder.Property(o => o.RejectionReason).HasMaxLength(2000);
        builder.Property(o => o.VerifiedById).HasMaxLength(64);
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.Ignore(o => o.EmailDomain);
        builder.Ignore(o => o.CanSubmitApplications);
    }
}
