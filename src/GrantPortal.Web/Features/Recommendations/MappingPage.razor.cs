namespace GrantPortal.Web.Features.Recommendations;

/// <summary>The officer refines, per award, the recommendation codes it inherited from its call.</summary>
public sealed partial class MappingPage
{
    private IReadOnlyList<int>? years;
    private IReadOnlyList<AwardMapping> awards = [];
    private IReadOnlyList<RecommendationEntry> catalogue = [];
    private int year;
    private string? savedTitle;

    protected override async Task OnInitializedAsync()
    {
        years = await Figures.YearsAsync(CancellationToken.None);
        year = years.Count > 0 ? years[0] : 0;
        catalogue = User is null ? [] : await Recommendations.ListAsync(User, CancellationToken.None);
        await LoadAsync();
    }

    private async Task ChangeYearAsync(int value)
    {
        year = value;
        LastResult = null;
        await LoadAsync();
    }

    private async Task LoadAsync() => awards = User is null ? [] : await Recommendations.ListAwardsAsync(User, year, CancellationToken.None);

    private async Task SaveAsync(AwardMapping award, IEnumerable<string>? codes)
    {
        // Not through RunAsync: a second pick while the first is saved must be answered (as a conflict), not dropped.
        savedTitle = award.ProjectTitle;
        LastResult = await Mapping.SetAwardCodesAsync(User!, award.AwardId, award.Version, (codes ?? []).ToList(), CancellationToken.None);
        await LoadAsync();
    }
}
