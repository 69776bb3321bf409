namespace GrantPortal.Core.Awards;

/// <summary>
/// One version of a funded project's plan: the grant budget by line, the project period and, once changed, the
/// activities. Version 1 is the plan as awarded (<see cref="BudgetVersions.AsAwardedAsync"/>); each approved change
/// request, and each move small enough to be a notice, adds the next number. Versions are never edited, so the
/// award page can show every one beside the one before it.
/// </summary>
public sealed class BudgetVersion
{
    public int Id { get; private set; }

    public int AwardId { get; set; }

    /// <summary>1, 2, 3, ... per award; unique, so two changes decided at once cannot both become the same version.</summary>
    public int Number { get; set; }

    public LocalDate? StartDate { get; set; }

    public LocalDate? EndDate { get; set; }

    /// <summary>The activities as last changed by an approved request; null while the application's stand.</summary>
    public string? Activities { get; set; }

    public Instant CreatedAt { get; set; }

    /// <summary>The request this version came from; null for version 1.</summary>
    public int? ChangeRequestId { get; set; }

    public List<BudgetVersionLine> Lines { get; } = [];
}

/// <summary>One grant line of a budget version: an application budget line with the amount this version gives it.</summary>
public sealed class BudgetVersionLine
{
    public int Id { get; private set; }

    public int BudgetVersionId { get; set; }

    public int? BudgetLineId { get; set; }

    public int Order { get; set; }

    public BudgetCategory Category { get; set; }

    public string Item { get; set; } = "";

    public Krw Amount { get; set; }
}

internal sealed class BudgetVersionConfiguration : IEntityTypeConfiguration<BudgetVersion>
{
    public void Configure(EntityTypeBuilder<BudgetVersion> builder)
    {
        builder.HasOne<Award>().WithMany().HasForeignKey(v => v.AwardId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(v => new { v.AwardId, v.Number }).IsUnique();
        builder.Property(v => v.Activities).HasMaxLength(4000);
        builder.HasMany(v => v.Lines).WithOne().HasForeignKey(l => l.BudgetVersionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BudgetVersionLineConfiguration : IEntityTypeConfiguration<BudgetVersionLine>
{
    public void Configure(EntityTypeBuilder<BudgetVersionLine> builder)
    {
        builder.Property(l => l.Category).HasConversion<string>().HasMaxLength(40);
        builder.Property(l => l.Item).HasMaxLength(300);
        builder.HasOne<BudgetLine>().WithMany().HasForeignKey(l => l.BudgetLineId).OnDelete(DeleteBehavior.Restrict);
    }
}
