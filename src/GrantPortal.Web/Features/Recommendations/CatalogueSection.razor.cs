using System.Globalization;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Recommendations;
using Microsoft.AspNetCore.Components;
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
    private string? saveError;
    private ImportResult? importResult;
    private bool importing;

    [Parameter, EditorRequired]
    public CurrentUser User { get; set; } = default!;

    [Inject]
    private RecommendationService Recommendations { get; set; } = default!;

    private static RecommendationEntry Blank => new(null, "", CoiRecommendations.SourceDocument, "", "", "", "", "");

    private static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "ko";

    private bool IsAdministrator => User.IsIn(Roles.Administrator);

    protected override async Task OnParametersSetAsync() => entries = await Recommendations.ListAsync(User, CancellationToken.None);

    private void Edit(RecommendationEntry? entry)
    {
        editing = entry ?? Blank;
        (code, source, paragraph, titleEnglish, titleKorean, textEnglish, textKorean) =
            (editing.Code, editing.SourceDocument, editing.Paragraph, editing.ShortTitleEnglish, editing.ShortTitleKorean, editing.TextEnglish, editing.TextKorean);
        saveError = null;
    }

    private async Task SaveAsync()
    {
        saveError = await Recommendations.SaveAsync(User, new RecommendationEntry(editing.Id, code, source, paragraph, titleEnglish, titleKorean, textEnglish, textKorean), CancellationToken.None);
        if (saveError is null)
        {
            entries = await Recommendations.ListAsync(User, CancellationToken.None);
            Edit(null);
        }
    }

    private async Task ImportAsync(IBrowserFile? file)
    {
        if (file is null)
        {
            return;
        }

        importing = true;
        try
        {
            await using var stream = file.OpenReadStream(MaxImportBytes);
            importResult = await Recommendations.ImportCsvAsync(User, stream, CancellationToken.None);
            entries = await Recommendations.ListAsync(User, CancellationToken.None);
        }
        catch (IOException)
        {
            importResult = new ImportResult(0, 0, [new ImportError(0, L["Recommendations_ImportTooLarge"])]);
        }
        finally
        {
            importing = false;
        }
    }
}
