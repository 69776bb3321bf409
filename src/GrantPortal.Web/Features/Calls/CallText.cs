namespace GrantPortal.Web.Features.Calls;

/// <summary>Small pieces of call display shared by the public and officer pages.</summary>
public static class CallText
{
    public static readonly IReadOnlyList<ProjectCategories> Categories =
    [
        ProjectCategories.CapacityBuilding,
        ProjectCategories.CultureAndArts,
        ProjectCategories.ResearchAndDocumentation,
        ProjectCategories.ConferencesAndAdvocacy,
        ProjectCategories.Other,
    ];

    /// <summary>The one resource per category, the same the application form, intake and reviewer pages use.</summary>
    public static string CategoryKey(ProjectCategories category) => "ApplicationCategory_" + category;

    public static IEnumerable<ProjectCategories> In(ProjectCategories categories) => Categories.Where(c => (categories & c) == c);
}
