namespace GrantPortal.Core.Forms;

/// <summary>
/// One saved version of a call's application form (or of its concept-note form). The newest version of a stage is
/// the one new drafts answer. While the call is unpublished its newest version is edited in place; once published,
/// saving the form adds a version, so every submitted application keeps the exact questions it answered.
/// </summary>
public sealed class ApplicationFormVersion
{
    public int Id { get; private set; }

    public int CallId { get; set; }

    public FormStage Stage { get; set; }

    /// <summary>1, 2, 3... per call and stage.</summary>
    public int Number { get; set; }

    public FormDefinition Definition { get; set; } = FormDefinition.Empty;

    public Instant SavedAt { get; set; }

    public string SavedById { get; set; } = "";
}

internal sealed class ApplicationFormVersionConfiguration : IEntityTypeConfiguration<ApplicationFormVersion>
{
    public void Configure(EntityTypeBuilder<ApplicationFormVersion> builder)
    {
        builder.HasOne<Call>().WithMany().HasForeignKey(v => v.CallId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(v => v.Stage).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.Definition).HasJsonConversion();
        builder.Property(v => v.SavedById).HasMaxLength(64);
        builder.HasIndex(v => new { v.CallId, v.Stage, v.Number }).IsUnique();
    }
}
