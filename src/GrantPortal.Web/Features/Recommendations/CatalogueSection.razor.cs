using Microsoft.AspNetCore.Components.Forms;

namespace GrantPortal.Web.Features.Recommendations;

/// <summary>The catalogue for staff to read; administrators add, change and import entries.</summary>
public sealed partial class CatalogueSection
{
    private const long MaxImportBytes = 2 * 1024 * 1024;

    private IReadOnlyList<RecommendationEntry> entries = [];
    private RecommendationEntry editing = Blank;
    private string code = "";
    private string source = CoiRecommendations.SourceDocument;
    private string paragraph = "";
    private string titleEnglish = "";
    private string titleKorean = "";
    private string textEnglish = "";
    private string textKorean = "";
    private Result? saveResult;
    private Result<CatalogueImport>? importResult;

    private static RecommendationEntry Blank => new(null, "", CoiRecommendations.SourceDocument, "", "", "", "", "");

    private bool IsAdministrator => User?.IsIn(Roles.Administrator) == true;

    protected override async Task OnParametersSetAsync() => await ReloadAsync();

    private async Task ReloadAsync() => entries = User is null ? [] : await Recommendations.ListAsync(User, CancellationToken.None);

    private void Edit(RecommendationEntry? entry)
    {
        editing = entry ?? Blank;
        (code, source, paragraph, titleEnglish, titleKorean, textEnglish, textKorean) =
            (editing.Code, editing.SourceDocument, editing.Paragraph, editing.ShortTitleEnglish, editing.ShortTitleKorean, editing.TextEnglish, editing.TextKorean);
        saveResult = null;
    }

    private async Task SaveAsync()
    {
        var entry = new RecommendationEntry(editing.Id, code, source, paragraph, titleEnglish, titleKorean, textEnglish, textKorean);
        saveResult = await RunAsync(() => Entries.SaveAsync(User!, entry, CancellationToken.None)) ?? saveResult;
        if (saveResult is { Succeeded: true })
        {
            await ReloadAsync();
            Edit(null);
        }
    }

    private async Task ImportAsync(IBrowserFile? file)
    {
        if (file is null)
        {
            return;
        }

        importResult = await RunAsync(async () =>
        {
            try
            {
                await using var stream = file.OpenReadStream(MaxImportBytes);
                return await Import.ImportCsvAsync(User!, stream, CancellationToken.None);
            }
            catch (IOException)
            {
                return Result.Invalid([]).With(new CatalogueImport(0, 0, [new ImportError(0, L["Recommendations_ImportTooLarge"])]));
            }
        }) ?? importResult;
        await ReloadAsync();
    }
}
