using GrantPortal.Web.Components.Shared;
using Microsoft.AspNetCore.Components.Forms;

namespace GrantPortal.Web.Features.Awards;

public sealed partial class AgreementPanel
{
    private AgreementView? view;
    private readonly GivenByPage<AgreementView> fromPage = new();
    private BankAccountForm account = new();
    private string? signerName;
    private string? signerPosition;
    private string? officerReason;
    private string? doneText;
    private string? uploadError;
    private bool uploading;
    private bool showChange;

    [Inject]
    private AgreementQueries Queries { get; set; } = default!;

    [Inject]
    private AcceptAwardConditions Accept { get; set; } = default!;

    [Inject]
    private RegisterBankAccount Register { get; set; } = default!;

    [Inject]
    private UploadBankBook BankBook { get; set; } = default!;

    [Inject]
    private SignPledge Pledge { get; set; } = default!;

    [Inject]
    private SubmitAgreement Submit { get; set; } = default!;

    [Inject]
    private IssueGrantDecision Decision { get; set; } = default!;

    [Inject]
    private ReturnAgreement Return { get; set; } = default!;

    [Inject]
    private DecideAccountChange AccountChange { get; set; } = default!;

    [Parameter, EditorRequired]
    public int AwardId { get; set; }

    /// <summary>The checklist as the page read it with the award (<see cref="GivenByPage{T}"/>).</summary>
    [Parameter]
    public AgreementView? Agreement { get; set; }

    /// <summary>Called after the grant decision or a change of account, so the page reloads what depends on them.</summary>
    [Parameter]
    public EventCallback Changed { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        if (Agreement is null)
        {
            await LoadAsync();
        }
        else if (fromPage.IsNew(Agreement))
        {
            Show(Agreement);
        }
    }

    private async Task LoadAsync() => Show(User is null ? null : await Queries.ForAwardAsync(User, AwardId, Language));

    private void Show(AgreementView? read)
    {
        view = read;
        signerName ??= view?.PledgeSignerName;
        signerPosition ??= view?.PledgeSignerPosition;
    }

    private string DecisionLink(string format) => $"/awards/{AwardId}/decision.{format}?lang={Language}";

    private async Task AcceptAsync() => await StepAsync(() => Accept.AcceptAsync(User!, AwardId), L["Agreement_AcceptedNow"]);

    private async Task RegisterAsync()
    {
        var result = await StepAsync(() => Register.RegisterAsync(User!, AwardId, account), L["Agreement_Registered"]);
        if (result?.Succeeded == true)
        {
            account = new BankAccountForm();
            showChange = false;
        }
    }

    private async Task SignAsync() => await StepAsync(() => Pledge.SignAsync(User!, AwardId, signerName, signerPosition), L["Agreement_SignedNow"]);

    private async Task SubmitAsync() => await StepAsync(() => Submit.SubmitAsync(User!, AwardId), L["Agreement_SubmittedNow"]);

    private async Task DecideAsync()
    {
        if ((await StepAsync(() => Decision.IssueAsync(User!, AwardId), null))?.Succeeded == true)
        {
            await Changed.InvokeAsync();
        }
    }

    private async Task ReturnAsync()
    {
        if ((await StepAsync(() => Return.ReturnAsync(User!, AwardId, officerReason), L["Agreement_ReturnedNow"]))?.Succeeded == true)
        {
            officerReason = null;
        }
    }

    private async Task ApproveAccountAsync(int accountId)
    {
        if ((await StepAsync(() => AccountChange.ApproveAsync(User!, accountId), L["Agreement_AccountApprovedNow"]))?.Succeeded == true)
        {
            await Changed.InvokeAsync();
        }
    }

    private async Task RefuseAccountAsync(int accountId)
    {
        if ((await StepAsync(() => AccountChange.RefuseAsync(User!, accountId, officerReason), L["Agreement_AccountRefusedNow"]))?.Succeeded == true)
        {
            officerReason = null;
        }
    }

    /// <summary>Runs one step once (double clicks do nothing), then reloads the checklist so every mark is current.</summary>
    private async Task<T?> StepAsync<T>(Func<Task<T>> step, string? done)
        where T : class, IUseCaseResult =>
        await RunAsync(async () =>
        {
            var answer = await step();
            doneText = done;
            await LoadAsync();
            return answer;
        });

    private async Task UploadAsync(IBrowserFile? file)
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
            var result = await BankBook.UploadAsync(User, AwardId, file.Name, stream);
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

    private string? Error(string field) => LastResult?.Errors.FirstOrDefault(e => e.Field == field)?.Message;

    private static Color StatusColor(AgreementStatus status) => status switch
    {
        AgreementStatus.Decided => Color.Success,
        AgreementStatus.Returned => Color.Error,
        AgreementStatus.Submitted => Color.Warning,
        _ => Color.Default,
    };
}
