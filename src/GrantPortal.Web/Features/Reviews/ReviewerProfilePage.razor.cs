using GrantPortal.Core.Accounts;
using GrantPortal.Core.Calls;
using GrantPortal.Core.Reviews;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace GrantPortal.Web.Features.Reviews;

/// <summary>
/// /reviewers: program officers see every reviewer (expertise, ties, conflicts on record, open work); a reviewer
/// keeps their own profile. Someone in both roles sees both.
/// </summary>
public sealed partial class ReviewerProfilePage
{
    private static readonly ProjectCategories[] Categories =
        Enum.GetValues<ProjectCategories>().Where(c => c is not ProjectCategories.None and not ProjectCategories.All).ToArray();

    private CurrentUser? user;
    private IReadOnlyList<ReviewerEntry>? directory;
    private ReviewerProfileForm? form;
    private IReadOnlyList<FieldError> errors = [];
    private bool saved;

    [Inject]
    private ReviewerProfileService Profiles { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        user = CurrentUser.From((await AuthenticationState).User);
        if (user is null)
        {
            return;
        }

        if (user.IsIn(Roles.ProgramOfficer))
        {
            directory = await Profiles.ListAsync(user);
        }

        form = await Profiles.GetMineAsync(user);
    }

    private static IEnumerable<ProjectCategories> ExpertiseOf(ReviewerEntry reviewer) => Categories.Where(c => reviewer.Expertise.HasFlag(c));

    private async Task SaveAsync()
    {
        errors = await Profiles.SaveMineAsync(user!, form!);
        saved = errors.Count == 0;
    }
}
