using GrantPortal.Web.Components;

namespace GrantPortal.Web.Features.Reviews;

public sealed partial class RankingPage
{
    private readonly HashSet<int> explained = [];
    private readonly Dictionary<int, DecisionDraft> drafts = [];
    private RankingTable? table;
    private bool loading = true;
    private string? doneText;

    [Parameter]
    public int CallId { get; set; }

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        table = User is null ? null : await Ranking.GetAsync(User, CallId);
        drafts.Clear();
        loading = false;
    }

    private static string Number(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.CurrentCulture) : "–";

    private void Toggle(int applicationId)
    {
        if (!explained.Remove(applicationId))
        {
            explained.Add(applicationId);
        }
    }

    private DecisionDraft Draft(RankingRow row)
    {
        if (!drafts.TryGetValue(row.Ranking.ApplicationId, out var draft))
        {
            drafts[row.Ranking.ApplicationId] = draft = new DecisionDraft { Decision = row.Decision, Note = row.DecisionNote };
        }

        return draft;
    }

    private async Task DecideAsync(RankingRow row)
    {
        var draft = Draft(row);
        if (draft.Decision is not { } decision)
        {
            return;
        }

        doneText = L["Ranking_DecisionSaved", row.ProjectTitle];
        // While reviews are missing Core asks first, and the officer confirms or not.
        var result = await RunAsync(() => Dialogs.SendConfirmingAsync(
            confirmed => Decide.DecideAsync(User!, row.Ranking.ApplicationId, decision, draft.Note, row.Version, confirmMissingReviews: confirmed),
            decided => decided.NeedsConfirmation,
            L["Ranking_Record"],
            L["Ranking_RecordAnyway"],
            L["Application_Cancel"]));
        if (result is { Value.NeedsConfirmation: true })
        {
            // The officer waits for the missing reviews: nothing was recorded, and there is nothing to report.
            LastResult = null;
            return;
        }

        await LoadAsync();
    }

    private sealed class DecisionDraft
    {
        public PanelDecision? Decision { get; set; }

        public string? Note { get; set; }
    }
}
