namespace GrantPortal.Core.Organizations;

/// <summary>
/// The project categories an organization follows: when a call in one of them is published, its members hear of it
/// once, in their reminder digest. No row, or <see cref="ProjectCategories.None"/>, means the organization follows none.
/// </summary>
public sealed class CallAlerts
{
    public int OrganizationId { get; set; }

    public ProjectCategories Followed { get; set; }

    /// <summary>The member who last changed what the organization follows.</summary>
    public string ChangedById { get; set; } = "";

    public Instant ChangedAt { get; set; }
}

internal sealed class CallAlertsConfiguration : IEntityTypeConfiguration<CallAlerts>
{
    public void Configure(EntityTypeBuilder<CallAlerts> builder)
    {
        builder.HasKey(a => a.OrganizationId);
        builder.Property(a => a.OrganizationId).ValueGeneratedNever();
        builder.Property(a => a.ChangedById).HasMaxLength(450);
        builder.HasOne<Organization>().WithOne().HasForeignKey<CallAlerts>(a => a.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}
