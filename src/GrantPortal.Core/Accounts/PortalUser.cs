namespace GrantPortal.Core.Accounts;

/// <summary>A person who signs in. Applicants belong to one organization; ministry staff to none.</summary>
public sealed class PortalUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>"ko" or "en": the language of the portal and of every mail sent to this person.</summary>
    public string PreferredLanguage { get; set; } = "ko";

    public int? OrganizationId { get; set; }

    public Organization? Organization { get; set; }

    /// <summary>Non-essential reminders stop; deadline-critical ones are still sent.</summary>
    public bool OptOutOfNonEssentialReminders { get; set; }

    public Instant CreatedAt { get; set; }

    /// <summary>
    /// When their organization removed them. A removed member cannot sign in (<see cref="MembershipConfirmation"/>),
    /// gets no mail and no reminders; their earlier work stays theirs.
    /// </summary>
    public Instant? RemovedAt { get; set; }

    /// <summary>
    /// When the retention period after the removal ended and the account's personal fields were replaced
    /// (<see cref="Privacy.PersonalDataRetention"/>). Such an account can never be restored.
    /// </summary>
    public Instant? PersonalDataRemovedAt { get; set; }
}

internal sealed class PortalUserConfiguration : IEntityTypeConfiguration<PortalUser>
{
    public void Configure(EntityTypeBuilder<PortalUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(100);
        builder.Property(u => u.PreferredLanguage).HasMaxLength(8);
        builder.HasOne(u => u.Organization).WithMany().HasForeignKey(u => u.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
