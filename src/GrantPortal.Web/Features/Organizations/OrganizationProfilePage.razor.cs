using GrantPortal.Core.Accounts;
using GrantPortal.Core.Organizations;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace GrantPortal.Web.Features.Organizations;

/// <summary>An applicant keeps their organization's details current and, after a rejection, asks again.</summary>
public sealed partial class OrganizationProfilePage
{
    private CurrentUser? user;
    private OrganizationDetails? details;
    private OrganizationDetailsForm form = new();
    private IReadOnlyList<FieldError> errors = [];
    private string? savedMessage;
    private bool loading = true;
    private bool busy;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private string? GeneralError => errors.FirstOrDefault(e => e.Field.Length == 0)?.Message;

    protected override async Task OnInitializedAsync()
    {
        user = CurrentUser.From((await AuthenticationState).User);
        details = user is null ? null : await Organizations.GetMineAsync(user);
        form = details is null ? new OrganizationDetailsForm() : details.Form with { };
        loading = false;
    }

    private bool Has(string field) => errors.Any(e => e.Field == field);

    private string? ErrorOf(string field) => errors.FirstOrDefault(e => e.Field == field)?.Message;

    private async Task SaveAsync(bool askForVerification)
    {
        if (busy || user is null || details is null)
        {
            return;
        }

        busy = true;
        savedMessage = null;
        try
        {
            var result = await Organizations.SaveMineAsync(user, form, details.Version, askForVerification);
            errors = result.Errors;
            if (result.Details is { } saved)
            {
                details = saved;
                form = saved.Form with { };
                savedMessage = askForVerification ? L["Organization_AskedAgain"] : L["Organization_Saved"];
            }
        }
        finally
        {
            busy = false;
        }
    }

    private static Color StateColor(VerificationState state) => state switch
    {
        VerificationState.Verified => Color.Success,
        VerificationState.Rejected => Color.Error,
        _ => Color.Warning,
    };
}
