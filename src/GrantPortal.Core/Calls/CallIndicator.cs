namespace GrantPortal.Core.Calls;

public enum IndicatorKind
{
    Output,
    Outcome,
}

/// <summary>
/// An output or outcome a call measures (participants, events held, publications...). Applicants set a target for
/// each; reports give the actual. Roll-ups across calls add indicators of the same name and unit.
/// </summary>
public sealed class CallIndicator
{
    public int Id { get; private set; }

    public int CallId { get; set; }

    public int Order { get; set; }

    /// <summary>Stable within the call: "participants".</summary>
    public string Key { get; set; } = "";

    public IndicatorKind Kind { get; set; }

    public string NameKorean { get; set; } = "";

    public string NameEnglish { get; set; } = "";

    public string UnitKorean { get; set; } = "";

    public string UnitEnglish { get; set; } = "";

    public string Name(string language) => language == Languages.English ? NameEnglish : NameKorean;

    public string Unit(string language) => language == Languages.English ? UnitEnglish : UnitKorean;
}

/// <summary>An application's target for one of its call's indicators.</summary>
public sealed class IndicatorTarget
{
    public int ApplicationId { get; set; }

    public int CallIndicatorId { get; set; }

    public long Target { get; set; }
}

/// <summary>A report's actual for one indicator; an explanation when it falls short of the target by more than a tenth.</summary>
public sealed class IndicatorActual
{
    public int ProjectReportId { get; set; }

    public int CallIndicatorId { get; set; }

    public long Actual { get; set; }

    public string? Explanation { get; set; }
}

internal sealed class CallIndicatorConfiguration : IEntityTypeConfiguration<CallIndicator>
{
    public void Configure(EntityTypeBuilder<CallIndicator> builder)
    {
        builder.HasOne<Call>().WithMany(c => c.Indicators).HasForeignKey(i => i.CallId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(i => i.Key).HasMaxLength(64);
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(i => i.NameKorean).HasMaxLength(200);
        builder.Property(i => i.NameEnglish).HasMaxLength(200);
        builder.Property(i => i.UnitKorean).HasMaxLength(40);
        builder.Property(i => i.UnitEnglish).HasMaxLength(40);
        builder.HasIndex(i => new { i.CallId, i.Key }).IsUnique();
    }
}

internal sealed class IndicatorTargetConfiguration : IEntityTypeConfiguration<IndicatorTarget>
{
    public void Configure(EntityTypeBuilder<IndicatorTarget> builder)
    {
        builder.HasKey(t => new { t.ApplicationId, t.CallIndicatorId });
        builder.HasOne<Application>().WithMany(a => a.IndicatorTargets).HasForeignKey(t => t.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CallIndicator>().WithMany().HasForeignKey(t => t.CallIndicatorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class IndicatorActualConfiguration : IEntityTypeConfiguration<IndicatorActual>
{
    public void Configure(EntityTypeBuilder<IndicatorActual> builder)
    {
        builder.HasKey(a => new { a.ProjectReportId, a.CallIndicatorId });
        builder.HasOne<ProjectReport>().WithMany(r => r.IndicatorActuals).HasForeignKey(a => a.ProjectReportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CallIndicator>().WithMany().HasForeignKey(a => a.CallIndicatorId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.Explanation).HasMaxLength(2000);
    }
}
