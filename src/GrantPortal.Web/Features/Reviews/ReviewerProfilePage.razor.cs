namespace GrantPortal.Web.Features.Reviews;

/// <summary>
/// /reviewers: program officers see every reviewer (expertise, ties, conflicts on record, open work); a reviewer
/// keeps their own profile. Someone in both roles sees both.
/// </summary>
public sealed partial class ReviewerProfilePage
{
    private static readonly ProjectCategories[] Categories =
        Enum.GetValues<ProjectCategories>().Where(c => c is not ProjectCategories.None and not ProjectCategories.All).ToArray();

    private IReadOnlyList<ReviewerEntry>? directory;
    private ReviewerProfileForm? form;

    protected override async Task OnInitializedAsync()
    {
        if (User is null)
        {
            return;
        }

        if (User.IsIn(Roles.ProgramOfficer))
        {
            directory = await Profiles.ListAsync(User);
        }

        form = await Profiles.GetMineAsync(User);
    }

    private static IEnumerable<ProjectCategories> ExpertiseOf(ReviewerEntry reviewer) => Categories.Where(c => reviewer.Expertise.HasFlag(c));

    private async Task SaveAsync() => await RunAsync(() => Profiles.SaveMineAsync(User!, form!));
}
