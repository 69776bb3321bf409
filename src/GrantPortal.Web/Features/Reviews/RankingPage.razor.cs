using System.Globalization;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Applications;
using GrantPortal.Core.Reviews;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace GrantPortal.Web.Features.Reviews;

public sealed partial class RankingPage
{
    private readonly HashSet<int> explained = [];
    private readonly Dictionary<int, DecisionDraft> drafts = [];
    private CurrentUser? user;
    private RankingTable? table;
    private bool loading = true;
    private string? message;
    private bool messageIsError;

    [Parameter]
    public int CallId { get; set; }

    [Inject]
    private RankingService Ranking { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "ko";

    protected override async Task OnParametersSetAsync()
    {
        user = CurrentUser.From((await AuthenticationState).User);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        table = user is null ? null : await Ranking.GetAsync(user, CallId);
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

        var result = await Ranking.DecideAsync(user!, row.Ranking.ApplicationId, decision, draft.Note, row.Version);
        if (result.NeedsConfirmation)
        {
            var confirmed = await Dialogs.ShowMessageBoxAsync(
                L["Ranking_Record"],
                result.Warning!,
                yesText: L["Ranking_RecordAnyway"],
                cancelText: L["Application_Cancel"]);
            if (confirmed != true)
            {
                return;
            }

            result = await Ranking.DecideAsync(user!, row.Ranking.ApplicationId, decision, draft.Note, row.Version, confirmMissingReviews: true);
        }

        messageIsError = !result.Succeeded;
        message = result.Succeeded ? L["Ranking_DecisionSaved", row.ProjectTitle] : result.Error;
        await LoadAsync();
    }

    private sealed class DecisionDraft
    {
        public PanelDecision? Decision { get; set; }

        public string? Note { get; set; }
    }
}
