using GrantPortal.Core.Organizations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;

namespace GrantPortal.Core.Accounts;

/// <summary>A person who signs in. Applicants belong to one organization; ministry staff to none.</summary>
public sealed class PortalUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>"ko" or "en": the language of the portal and of every mail sent to this person.</summary>
    public string PreferredLanguage { get; set; } = "ko";

    public int? OrganizationId { get; set; }

    public Organization? Organization { get; set; }

    /// <summary>Non-essential reminders stop; deadline-critical ones are still sent.</summary>
    public bool OptOutOfNonEssentialReminders { get; set; }

    public Instant CreatedAt { get; set; }

    /// <summary>
    /// When their organization removed them. A removed member cannot sign in (<see cref="MembershipConfirmation"/>),
    /// gets no mail and no reminders; their earlier work stays theirs.
    /// </summary>
    public Instant? RemovedAt { get; set; }
}

public static class Roles
{
    public const string Applicant = nameof(Applicant);
    public const string Reviewer = nameof(Reviewer);
    public const string ProgramOfficer = nameof(ProgramOfficer);
    public const string Finance = nameof(Finance);
    public const string Administrator = nameof(Administrator);

    public static readonly IReadOnlyList<string> All = [Applicant, Reviewer, ProgramOfficer, Finance, Administrator];
}

public static class Languages
{
    public const string Korean = "ko";
    public const string English = "en";

    public static readonly IReadOnlyList<string> Supported = [Korean, English];

    public static string Normalize(string? language) =>
        language is not null && language.StartsWith(English, StringComparison.OrdinalIgnoreCase) ? English : Korean;

    /// <summary>
    /// Runs <paramref name="work"/> with the UI culture of <paramref name="language"/>, so the localizer it uses
    /// writes what a mail's recipient reads, then puts the caller's culture back.
    /// </summary>
    public static T InLanguage<T>(string language, Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var saved = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo(Normalize(language));
            return work();
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = saved;
        }
    }
}

internal sealed class PortalUserConfiguration : IEntityTypeConfiguration<PortalUser>
{
    public void Configure(EntityTypeBuilder<PortalUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(100);
        builder.Property(u => u.PreferredLanguage).HasMaxLength(8);
        builder.HasOne(u => u.Organization).WithMany().HasForeignKey(u => u.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
