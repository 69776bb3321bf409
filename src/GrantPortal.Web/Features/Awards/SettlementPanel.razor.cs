using GrantPortal.Web.Components.Shared;
using Microsoft.AspNetCore.Components.Forms;

namespace GrantPortal.Web.Features.Awards;

public sealed partial class SettlementPanel
{
    private readonly Dictionary<int, Krw> ineligible = [];
    private readonly Dictionary<int, string?> reasons = [];
    private SettlementView? view;
    private readonly GivenByPage<SettlementView> fromPage = new();
    private string? doneText;
    private string? uploadError;
    private bool uploading;

    [Inject]
    private SettlementQueries Queries { get; set; } = default!;

    [Inject]
    private MarkIneligibleSpending Ineligible { get; set; } = default!;

    [Inject]
    private UploadVerificationReport Verification { get; set; } = default!;

    [Inject]
    private ConfirmSettlement Confirm { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Parameter, EditorRequired]
    public int AwardId { get; set; }

    /// <summary>The settlement as the page read it with the award (<see cref="GivenByPage{T}"/>).</summary>
    [Parameter]
    public SettlementView? Settlement { get; set; }

    /// <summary>Called after the confirmation, so the page shows the award closed.</summary>
    [Parameter]
    public EventCallback Changed { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        if (Settlement is null)
        {
            await LoadAsync();
        }
        else if (fromPage.IsNew(Settlement))
        {
            view = Settlement;
        }
    }

    private async Task LoadAsync() => view = User is null ? null : await Queries.GetAsync(User, AwardId);

    private string ConfirmationLink(string format) => $"/awards/{AwardId}/settlement.{format}?lang={Language}";

    private Krw IneligibleOf(SettlementLineView line) => ineligible.TryGetValue(line.SpendingLineId, out var typed) ? typed : line.Ineligible;

    private string? ReasonOf(SettlementLineView line) => reasons.TryGetValue(line.SpendingLineId, out var typed) ? typed : line.IneligibleReason;

    private async Task MarkAsync(SettlementLineView line) =>
        await RunAsync(async () =>
        {
            var result = await Ineligible.MarkAsync(User!, line.SpendingLineId, IneligibleOf(line), ReasonOf(line));
            if (result.Succeeded)
            {
                ineligible.Remove(line.SpendingLineId);
                reasons.Remove(line.SpendingLineId);
                doneText = L["Settlement_IneligibleSaved", line.Item];
                await LoadAsync();
            }

            return result;
        });

    private async Task ConfirmAsync()
    {
        if (view is null)
        {
            return;
        }

        // Closing an award cannot be undone: the officer reads what will be asked back first.
        var sure = await Dialogs.ShowMessageBoxAsync(
            L["Settlement_Confirm"], L["Settlement_ConfirmQuestion", view.Sheet.AmountToReturn.ForReader()], yesText: L["Settlement_Confirm"], cancelText: L["Application_Cancel"]);
        if (sure != true)
        {
            return;
        }

        var result = await RunAsync(async () =>
        {
            var answer = await Confirm.ConfirmAsync(User!, AwardId);
            doneText = null;
            await LoadAsync();
            return answer;
        });
        if (result?.Succeeded == true)
        {
            await Changed.InvokeAsync();
        }
    }

    private async Task UploadVerificationAsync(IBrowserFile? file)
    {
        if (file is null || User is null)
        {
            return;
        }

        uploading = true;
        uploadError = null;
        try
        {
            await using var stream = file.OpenReadStream(long.MaxValue);
            var result = await Verification.UploadAsync(User, AwardId, file.Name, stream);
            if (result.Succeeded)
            {
                await LoadAsync();
            }
            else
            {
                uploadError = result.Message ?? L["Awards_NotFound"];
            }
        }
        finally
        {
            uploading = false;
        }
    }
}
