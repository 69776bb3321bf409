namespace GrantPortal.Core.Lists;

/// <summary>
/// A person's named filters and sort on one of the worklists (intake, awards, finance), kept as the list's query
/// string so that opening it is opening an address. Personal: nobody else sees or changes it.
/// </summary>
public sealed class SavedView
{
    public const int NameMaximum = 80;

    public const int QueryMaximum = 2000;

    /// <summary>The most views one person keeps on one list; the menu stays readable.</summary>
    public const int PerListMaximum = 20;

    public int Id { get; private set; }

    /// <summary>
    /// The owner's account id. Named <c>UserId</c> so that the personal-data export finds it. No foreign key, like the
    /// portal's other columns naming a person: accounts are never deleted, only anonymized, and retention deletes the
    /// views then (ADR 0029).
    /// </summary>
    public string UserId { get; set; } = "";

    /// <summary>One of <see cref="SavedViewLists"/>.</summary>
    public string List { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>The query string without its "?", e.g. <c>status=Submitted&amp;sort=Title</c>.</summary>
    public string Query { get; set; } = "";

    public Instant CreatedAt { get; set; }
}

/// <summary>The lists a view can be saved on, each with its address and who may open it.</summary>
public static class SavedViewLists
{
    public const string Intake = "intake";

    public const string Awards = "awards";

    public const string Finance = "finance";

    public static IReadOnlyList<string> All { get; } = [Intake, Awards, Finance];

    /// <summary>The page a list lives on.</summary>
    public static string PathOf(string list) => list switch
    {
        Intake => "/applications",
        Awards => "/awards",
        Finance => "/finance",
        _ => throw new ArgumentOutOfRangeException(nameof(list), list, "Not a list with saved views."),
    };

    /// <summary>The same roles the pages admit to the list's filtered view (applicants see their own page there, without filters).</summary>
    public static bool MayOpen(CurrentUser user, string list)
    {
        ArgumentNullException.ThrowIfNull(user);
        return list switch
        {
            Intake or Awards => user.IsIn(Roles.ProgramOfficer),
            Finance => user.IsIn(Roles.Finance),
            _ => false,
        };
    }
}

/// <summary>A saved view as the menu and the pages show it.</summary>
public sealed record SavedViewRow(int Id, string List, string Name, string Query)
{
    /// <summary>The address that opens the list with the view's filters.</summary>
    public string Href => SavedViewLists.PathOf(List) + (Query.Length == 0 ? "" : "?" + Query);
}

internal sealed class SavedViewConfiguration : IEntityTypeConfiguration<SavedView>
{
    public void Configure(EntityTypeBuilder<SavedView> builder)
    {
        // As long as Identity's user id column.
        builder.Property(v => v.UserId).HasMaxLength(450);
        builder.Property(v => v.List).HasMaxLength(16);
        builder.Property(v => v.Name).HasMaxLength(SavedView.NameMaximum);
        builder.Property(v => v.Query).HasMaxLength(SavedView.QueryMaximum);
        builder.HasIndex(v => new { v.UserId, v.List, v.Name }).IsUnique();
    }
}
