namespace GrantPortal.Core.Applications;

public enum BudgetCategory
{
    Personnel,
    Activities,
    Travel,
    Venue,
    Publication,
    Equipment,
    Administration,
    Other,
}

/// <summary>One line of an application's budget.</summary>
public sealed class BudgetLine
{
    public int Id { get; private set; }

    public int ApplicationId { get; set; }

    public int Order { get; set; }

    public BudgetCategory Category { get; set; }

    public string Item { get; set; } = "";

    public Krw Amount { get; set; }

    public string Justification { get; set; } = "";

    /// <summary>Paid by the organization itself (자부담), not asked of the grant.</summary>
    public bool IsOwnContribution { get; set; }

    /// <summary>The same line for another application (a revision).</summary>
    public BudgetLine Copy() => new() { Order = Order, Category = Category, Item = Item, Amount = Amount, Justification = Justification, IsOwnContribution = IsOwnContribution };
}

internal sealed class BudgetLineConfiguration : IEntityTypeConfiguration<BudgetLine>
{
    public void Configure(EntityTypeBuilder<BudgetLine> builder)
    {
        builder.Property(l => l.Category).HasConversion<string>().HasMaxLength(40);
        builder.Property(l => l.Item).HasMaxLength(300);
        builder.Property(l => l.Justification).HasMaxLength(2000);
    }
}
