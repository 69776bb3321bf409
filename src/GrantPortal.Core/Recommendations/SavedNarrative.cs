namespace GrantPortal.Core.Recommendations;

/// <summary>
/// An accountability narrative as the officers last saved it, one per recommendation, years and language: the
/// answer to the UN is worked on over days and by more than one person, so it outlives a browser tab.
/// </summary>
public sealed class SavedNarrative : IVersioned
{
    public const int HeadingMaximum = 300;

    public const int TextMaximum = 20_000;

    public int Id { get; private set; }

    public string Code { get; set; } = "";

    public int FromYear { get; set; }

    public int ToYear { get; set; }

    /// <summary>"en" or "ko".</summary>
    public string Language { get; set; } = "";

    public string Heading { get; set; } = "";

    public string Text { get; set; } = "";

    public Instant SavedAt { get; set; }

    public string SavedById { get; set; } = "";

    public string SavedByName { get; set; } = "";

    public int Version { get; set; }
}

internal sealed class SavedNarrativeConfiguration : IEntityTypeConfiguration<SavedNarrative>
{
    public void Configure(EntityTypeBuilder<SavedNarrative> builder)
    {
        builder.Property(n => n.Code).HasMaxLength(32);
        builder.Property(n => n.Language).HasMaxLength(2);
        builder.Property(n => n.Heading).HasMaxLength(SavedNarrative.HeadingMaximum);
        builder.Property(n => n.Text).HasMaxLength(SavedNarrative.TextMaximum);
        builder.Property(n => n.SavedById).HasMaxLength(64);
        builder.Property(n => n.SavedByName).HasMaxLength(200);
        builder.Property(n => n.Version).IsConcurrencyToken();
        builder.HasIndex(n => new { n.Code, n.FromYear, n.ToYear, n.Language }).IsUnique();
    }
}
