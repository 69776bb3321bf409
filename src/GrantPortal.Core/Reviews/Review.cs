namespace GrantPortal.Core.Reviews;

/// <summary>A reviewer asked to score one application.</summary>
public sealed class ReviewAssignment
{
    public int Id { get; private set; }

    public int ApplicationId { get; set; }

    public Application? Application { get; set; }

    public string ReviewerId { get; set; } = "";

    public Instant AssignedAt { get; set; }

    public string? AssignedById { get; set; }

    public LocalDate DueOn { get; set; }

    /// <summary>The reviewer declared no conflict; only then does the application open to them.</summary>
    public Instant? NoConflictDeclaredAt { get; set; }

    public Review? Review { get; set; }
}

public enum ReviewStatus
{
    Draft,
    Submitted,
}

public enum ReviewRecommendation
{
    Fund,
    Reserve,
    Decline,
}

public sealed class Review : IVersioned
{
    public int Id { get; private set; }

    public int AssignmentId { get; set; }

    public ReviewStatus Status { get; private set; }

    public string OverallComment { get; set; } = "";

    public ReviewRecommendation? Recommendation { get; set; }

    public Instant? SubmittedAt { get; private set; }

    public int Version { get; set; }

    public List<CriterionScore> Scores { get; } = [];

    public void Submit(Instant at)
    {
        if (Status == ReviewStatus.Submitted)
        {
            throw new InvalidOperationException("This review is already submitted.");
        }

        Status = ReviewStatus.Submitted;
        SubmittedAt = at;
    }

    /// <summary>Only an officer reopens a submitted review.</summary>
    public void Reopen()
    {
        Status = ReviewStatus.Draft;
        SubmittedAt = null;
    }
}

public sealed class CriterionScore
{
    public int Id { get; private set; }

    public int ReviewId { get; set; }

    public int CriterionId { get; set; }

    public RubricCriterion? Criterion { get; set; }

    public decimal Score { get; set; }

    public string Comment { get; set; } = "";
}

internal sealed class ReviewAssignmentConfiguration : IEntityTypeConfiguration<ReviewAssignment>
{
    public void Configure(EntityTypeBuilder<ReviewAssignment> builder)
    {
        builder.HasOne(a => a.Application).WithMany().HasForeignKey(a => a.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Accounts.PortalUser>().WithMany().HasForeignKey(a => a.ReviewerId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.AssignedById).HasMaxLength(64);
        builder.HasIndex(a => new { a.ApplicationId, a.ReviewerId }).IsUnique();
        builder.HasIndex(a => new { a.ReviewerId, a.DueOn });
        builder.HasOne(a => a.Review).WithOne().HasForeignKey<Review>(r => r.AssignmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReviewConfiguration : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> builder)
    {
        builder.HasIndex(r => r.AssignmentId).IsUnique();
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Recommendation).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.OverallComment).HasMaxLength(8000);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasMany(r => r.Scores).WithOne().HasForeignKey(s => s.ReviewId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CriterionScoreConfiguration : IEntityTypeConfiguration<CriterionScore>
{
    public void Configure(EntityTypeBuilder<CriterionScore> builder)
    {
        builder.Property(s => s.Score).HasPrecision(9, 4);
        builder.Property(s => s.Comment).HasMaxLength(4000);
        builder.HasIndex(s => new { s.ReviewId, s.CriterionId }).IsUnique();
        builder.HasOne(s => s.Criterion).WithMany().HasForeignKey(s => s.CriterionId).OnDelete(DeleteBehavior.Restrict);
    }
}
