using System.Globalization;
using GrantPortal.Core.Applications;
using GrantPortal.Core.Reviews;
using Microsoft.AspNetCore.Components;
using MudBlazor;

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
        var result = await RunAsync(() => DecideConfirmingAsync(row.Ranking.ApplicationId, decision, draft.Note, row.Version));
        if (result is { Value.NeedsConfirmation: true })
        {
            // The officer waits for the missing reviews: nothing was recorded, and there is nothing to report.
            LastResult = null;
            return;
        }

        await LoadAsync();
    }

    /// <summary>Records the decision; while reviews are missing Core's message asks first, and the officer confirms or not.</summary>
    private async Task<Result<DecisionRecord>> DecideConfirmingAsync(int applicationId, PanelDecision decision, string? note, int version)
    {
        var result = await Decide.DecideAsync(User!, applicationId, decision, note, version);
        if (result.Value is not { NeedsConfirmation: true })
        {
            return result;
        }

        var confirmed = await Dialogs.ShowMessageBoxAsync(
            L["Ranking_Record"],
            result.Message ?? "",
            yesText: L["Ranking_RecordAnyway"],
            cancelText: L["Application_Cancel"]);
        return confirmed == true ? await Decide.DecideAsync(User!, applicationId, decision, note, version, confirmMissingReviews: true) : result;
    }

    private sealed class DecisionDraft
    {
        public PanelDecision? Decision { get; set; }

        public string? Note { get; set; }
    }
}
