namespace GrantPortal.Core.Recommendations;

/// <summary>A recommendation the funder reports against, e.g. COI recommendation 1224.</summary>
public sealed class Recommendation
{
    public int Id { get; private set; }

    /// <summary>As cited in reports: "1224", "1225-(c)".</summary>
    public string Code { get; set; } = "";

    public string SourceDocument { get; set; } = "";

    public string Paragraph { get; set; } = "";

    public string ShortTitleEnglish { get; set; } = "";

    public string ShortTitleKorean { get; set; } = "";

    public string TextEnglish { get; set; } = "";

    public string TextKorean { get; set; } = "";

    public string ShortTitle(string language) => language == "en" ? ShortTitleEnglish : ShortTitleKorean;
}

internal sealed class RecommendationConfiguration : IEntityTypeConfiguration<Recommendation>
{
    public void Configure(EntityTypeBuilder<Recommendation> builder)
    {
        builder.Property(r => r.Code).HasMaxLength(32);
        builder.HasIndex(r => r.Code).IsUnique();
        builder.Property(r => r.SourceDocument).HasMaxLength(200);
        builder.Property(r => r.Paragraph).HasMaxLength(64);
        builder.Property(r => r.ShortTitleEnglish).HasMaxLength(300);
        builder.Property(r => r.ShortTitleKorean).HasMaxLength(300);
        builder.Property(r => r.TextEnglish).HasMaxLength(8000);
        builder.Property(r => r.TextKorean).HasMaxLength(8000);
    }
}
