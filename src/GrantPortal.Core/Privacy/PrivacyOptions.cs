using System.ComponentModel.DataAnnotations;

namespace GrantPortal.Core.Privacy;

/// <summary>
/// How long personal data is kept (개인정보 보유기간). The period is counted the way Korean public records are: from
/// 1 January of the year after the budget year (or the removal) closed, so with five years the applications of 2023 that
/// were not funded keep their personal fields through 2028 and lose them on 1 January 2029, Seoul time.
/// </summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>Whole years after the year closed; five by default.</summary>
    [Range(1, 100)]
    public int RetentionYears { get; set; } = 5;

    /// <summary>Hangfire cron for the retention pass, in Seoul time; every night at 03:30 by default.</summary>
    [Required]
    public string Cron { get; set; } = "30 3 * * *";

    /// <summary>Applications or accounts changed in one transaction.</summary>
    [Range(1, 10000)]
    public int BatchSize { get; set; } = 200;

    /// <summary>
    /// The last year whose retention period has ended on <paramref name="today"/>: everything of that year or before
    /// is due. 2028 on any day of 2034 with five years.
    /// </summary>
    public int LastExpiredYear(LocalDate today) => today.Year - 1 - RetentionYears;
}
