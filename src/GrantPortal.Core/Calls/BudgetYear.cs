namespace GrantPortal.Core.Calls;

/// <summary>A calendar year's grant budget. Calls divide its envelope; awards commit it.</summary>
public sealed class BudgetYear : IVersioned
{
    public int Id { get; private set; }

    public int Year { get; private set; }

    public Krw Envelope { get; private set; }

    public string? Note { get; set; }

    public int Version { get; set; }

    public List<Call> Calls { get; } = [];

    private BudgetYear()
    {
    }

    public static BudgetYear Open(int year, Krw envelope)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 2000);
        EnsureValidEnvelope(envelope);
        return new BudgetYear { Year = year, Envelope = envelope };
    }

    public LocalDate FirstDay => new(Year, 1, 1);

    public LocalDate LastDay => new(Year, 12, 31);

    public bool Contains(LocalDate date) => date.Year == Year;

    /// <summary>What the audit trail keeps of the year before and after a change.</summary>
    internal string Snapshot() => JsonSerializer.Serialize(new { Year, Envelope = Envelope.Won, Note });

    public void ChangeEnvelope(Krw envelope)
    {
        EnsureValidEnvelope(envelope);
        Envelope = envelope;
    }

    private static void EnsureValidEnvelope(Krw envelope)
    {
        if (envelope.IsNegative || envelope > Krw.Ceiling)
        {
            throw new ArgumentOutOfRangeException(nameof(envelope), envelope, "An envelope is between zero and the portal's ceiling.");
        }
    }
}

internal sealed class BudgetYearConfiguration : IEntityTypeConfiguration<BudgetYear>
{
    public void Configure(EntityTypeBuilder<BudgetYear> builder)
    {
        builder.HasIndex(y => y.Year).IsUnique();
        builder.Property(y => y.Note).HasMaxLength(2000);
        builder.Property(y => y.Version).IsConcurrencyToken();
        builder.Ignore(y => y.FirstDay);
        builder.Ignore(y => y.LastDay);
        builder.HasMany(y => y.Calls).WithOne(c => c.BudgetYear).HasForeignKey(c => c.BudgetYearId).OnDelete(DeleteBehavior.Restrict);
    }
}
