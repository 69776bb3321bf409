namespace GrantPortal.Core.Awards;

public enum BankAccountStatus
{
    /// <summary>Registered by the grantee, waiting for the officer (with the grant decision, or as a change after it).</summary>
    Pending,

    /// <summary>The account payments go to.</summary>
    Approved,

    /// <summary>The officer refused it as a change of account; the approved one stays in force.</summary>
    Refused,

    /// <summary>Replaced: by a newer registration before a decision, or by an approved change.</summary>
    Superseded,
}

/// <summary>An award's dedicated account (전용 계좌): where its payments go once the officer approved it.</summary>
public sealed class BankAccount : IVersioned
{
    public const int HolderLength = 100;

    public int Id { get; private set; }

    public int AwardId { get; set; }

    /// <summary>The bank's 3-digit code (<see cref="KoreanBanks"/>).</summary>
    public string BankCode { get; set; } = "";

    /// <summary>As the grantee typed it, digits and hyphens.</summary>
    public string AccountNumber { get; set; } = "";

    public string Holder { get; set; } = "";

    public BankAccountStatus Status { get; set; }

    public Instant RegisteredAt { get; set; }

    public string RegisteredById { get; set; } = "";

    public Instant? DecidedAt { get; set; }

    public string? DecidedById { get; set; }

    public string? RefusalReason { get; set; }

    public int Version { get; set; }

    /// <summary>"KB국민 ****-**1234 (열린문)": what finance and the grantee see of it, never the whole number.</summary>
    public string Describe(string language) => KoreanBanks.Describe(BankCode, AccountNumber, Holder, language);
}

internal sealed class BankAccountConfiguration : IEntityTypeConfiguration<BankAccount>
{
    public void Configure(EntityTypeBuilder<BankAccount> builder)
    {
        builder.HasOne<Award>().WithMany().HasForeignKey(a => a.AwardId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.AwardId, a.Status });
        builder.Property(a => a.BankCode).HasMaxLength(3);
        builder.Property(a => a.AccountNumber).HasMaxLength(30);
        builder.Property(a => a.Holder).HasMaxLength(BankAccount.HolderLength);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.RegisteredById).HasMaxLength(64);
        builder.Property(a => a.DecidedById).HasMaxLength(64);
        builder.Property(a => a.RefusalReason).HasMaxLength(GrantAgreement.ReasonLength);
        builder.Property(a => a.Version).IsConcurrencyToken();
    }
}
