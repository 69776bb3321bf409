using GrantPortal.Web.Components;

namespace GrantPortal.Web.Features.Reviews;

public sealed partial class RankingPage
{
    private readonly HashSet<int> explained = [];
    private readonly Dictionary<int, DecisionDraft> drafts = [];
    private RankingTable? table;
    private bool loading = true;
    private string? doneText;
    private readonly HashSet<int> selected = [];
    private Result<BatchSummary>? batchResult;
    private PanelDecision? batchDecision;
    private string? batchNote;

    [Parameter]
    public int CallId { get; set; }

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        table = User is null ? null : await Ranking.GetAsync(User, CallId);
        drafts.Clear();
        // Only rows still waiting for a decision can be ticked.
        selected.IntersectWith(Decidable().Select(r => r.Ranking.ApplicationId));
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

    private IEnumerable<RankingRow> Decidable() => table?.Rows.Where(r => r.Status == ApplicationStatus.UnderReview) ?? [];

    private bool AllSelected => Decidable().Any() && Decidable().All(r => selected.Contains(r.Ranking.ApplicationId));

    private void Select(int applicationId, ChangeEventArgs e)
    {
        if (e.Value is true)
        {
            selected.Add(applicationId);
        }
        else
        {
            selected.Remove(applicationId);
        }
    }

    private void SelectAll(ChangeEventArgs e)
    {
        selected.Clear();
        if (e.Value is true)
        {
            selected.UnionWith(Decidable().Select(r => r.Ranking.ApplicationId));
        }
    }

    private async Task DecideSelectedAsync()
    {
        if (batchDecision is not { } decision)
        {
            return;
        }

        // Each row goes with the version the officer saw: one changed since is refused, not overwritten.
        var rows = Decidable().Where(r => selected.Contains(r.Ranking.ApplicationId)).Select(r => new SelectedDecision(r.Ranking.ApplicationId, r.Version)).ToList();
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            L["Ranking_BatchRecord"],
            L[rows.Count == 1 ? "Ranking_BatchConfirmOne" : "Ranking_BatchConfirm", rows.Count, L["Ranking_Decision_" + decision]],
            yesText: L["Ranking_Record"],
            cancelText: L["Application_Cancel"]);
        if (confirmed != true || await RunAsync(() => DecideSelected.DecideAsync(User!, CallId, rows, decision, batchNote)) is not { } result)
        {
            return;
        }

        LastResult = null;
        batchResult = result;
        await LoadAsync();
    }

    private sealed class DecisionDraft
    {
        public PanelDecision? Decision { get; set; }

        public string? Note { get; set; }
    }
}
