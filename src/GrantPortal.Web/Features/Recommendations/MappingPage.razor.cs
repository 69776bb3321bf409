using GrantPortal.Core.Accounts;
using GrantPortal.Core.Recommendations;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace GrantPortal.Web.Features.Recommendations;

/// <summary>The officer refines, per award, the recommendation codes it inherited from its call.</summary>
public sealed partial class MappingPage
{
    private CurrentUser? user;
    private IReadOnlyList<int>? years;
    private IReadOnlyList<AwardMapping> awards = [];
    private IReadOnlyList<RecommendationEntry> catalogue = [];
    private int year;
    private string? message;
    private bool saved;

    [Inject]
    private RecommendationService Recommendations { get; set; } = default!;

    [Inject]
    private RecommendationFigures Figures { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        user = CurrentUser.From((await AuthenticationState).User);
        years = await Figures.YearsAsync(CancellationToken.None);
        year = years.Count > 0 ? years[0] : 0;
        catalogue = user is null ? [] : await Recommendations.ListAsync(user, CancellationToken.None);
        await LoadAsync();
    }

    private async Task ChangeYearAsync(int value)
    {
        year = value;
        message = null;
        await LoadAsync();
    }

    private async Task LoadAsync() => awards = user is null ? [] : await Recommendations.ListAwardsAsync(user, year, CancellationToken.None);

    private async Task SaveAsync(AwardMapping award, IEnumerable<string>? codes)
    {
        var outcome = await Recommendations.SetAwardCodesAsync(user!, award.AwardId, award.Version, (codes ?? []).ToList(), CancellationToken.None);
        saved = outcome == MappingOutcome.Saved;
        message = outcome switch
        {
            MappingOutcome.Saved => L["Recommendations_MappingSaved", award.ProjectTitle],
            MappingOutcome.Stale => L["Error_Concurrency"],
            _ => L["Recommendations_MappingRefused"],
        };
        await LoadAsync();
    }
}
