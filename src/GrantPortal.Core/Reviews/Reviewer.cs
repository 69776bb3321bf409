namespace GrantPortal.Core.Reviews;

/// <summary>A reviewer's expertise and declared ties, from which conflicts are detected.</summary>
public sealed class ReviewerProfile
{
    public string UserId { get; set; } = "";

    public ProjectCategories Expertise { get; set; }

    public string? Biography { get; set; }

    public List<ReviewerAffiliation> Affiliations { get; } = [];
}

public enum AffiliationKind
{
    Employee,
    FormerEmployee,
    BoardMember,
    Related,
}

public sealed class ReviewerAffiliation
{
    public int Id { get; private set; }

    public string ReviewerId { get; set; } = "";

    /// <summary>Set when the tie is to an organization registered in the portal.</summary>
    public int? OrganizationId { get; set; }

    public string OrganizationName { get; set; } = "";

    public AffiliationKind Kind { get; set; }
}

internal sealed class ReviewerProfileConfiguration : IEntityTypeConfiguration<ReviewerProfile>
{
    public void Configure(EntityTypeBuilder<ReviewerProfile> builder)
    {
        builder.HasKey(p => p.UserId);
        builder.Property(p => p.UserId).HasMaxLength(450);
        builder.Property(p => p.Biography).HasMaxLength(4000);
        builder.HasOne<Accounts.PortalUser>().WithOne().HasForeignKey<ReviewerProfile>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Affiliations).WithOne().HasForeignKey(a => a.ReviewerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReviewerAffiliationConfiguration : IEntityTypeConfiguration<ReviewerAffiliation>
{
    public void Configure(EntityTypeBuilder<ReviewerAffiliation> builder)
    {
        builder.Property(a => a.OrganizationName).HasMaxLength(200);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Organizations.Organization>().WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.SetNull);
    }
}
