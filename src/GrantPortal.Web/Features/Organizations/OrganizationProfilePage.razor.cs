namespace GrantPortal.Web.Features.Organizations;

/// <summary>An applicant keeps their organization's details current and, after a rejection, asks again.</summary>
public sealed partial class OrganizationProfilePage
{
    private OrganizationDetails? details;
    private OrganizationDetailsForm form = new();
    private string? savedText;
    private bool loading = true;

    private IReadOnlyList<FieldError> Errors => LastResult?.Errors ?? [];

    protected override async Task OnInitializedAsync()
    {
        details = User is null ? null : await Organizations.GetMineAsync(User);
        form = details is null ? new OrganizationDetailsForm() : details.Form with { };
        loading = false;
    }

    private bool Has(string field) => Errors.Any(e => e.Field == field);

    private string? ErrorOf(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Message;

    private Task SaveAsync() =>
        SaveAsync(version => Details.SaveMineAsync(User!, form, version), L["Organization_Saved"]);

    private Task AskAgainAsync() =>
        SaveAsync(version => Verification.RequestAsync(User!, form, version), L["Organization_AskedAgain"]);

    private async Task SaveAsync(Func<int, Task<Result<OrganizationDetails>>> save, string doneText)
    {
        if (User is null || details is null)
        {
            return;
        }

        var version = details.Version;
        if (await RunAsync(() => save(version)) is { Value: { } saved })
        {
            details = saved;
            form = saved.Form with { };
            savedText = doneText;
        }
    }

    private static Color StateColor(VerificationState state) => state switch
    {
        VerificationState.Verified => Color.Success,
        VerificationState.Rejected => Color.Error,
        _ => Color.Warning,
    };
}
