using GrantPortal.Core.Auditing;

namespace GrantPortal.Web.Features.Auditing;

public sealed partial class AuditTrailPage
{
    private const int PageSize = 50;
    private AuditPage? page;
    private IReadOnlyList<AuditChoice> actionGroups = [];
    private IReadOnlyList<AuditChoice> entityTypes = [];
    private string? action;
    private string? entityType;
    private string? entityId;
    private string? actor;
    private string? fromText;
    private string? toText;
    private int pageIndex;
    private bool verifying;
    private AuditVerification? verification;

    [SupplyParameterFromQuery(Name = "entity")]
    private string? RequestedEntity { get; set; }

    [SupplyParameterFromQuery(Name = "id")]
    private string? RequestedId { get; set; }

    private int PageCount => page is null ? 0 : (page.Total + PageSize - 1) / PageSize;

    protected override async Task OnInitializedAsync()
    {
        if (User is null)
        {
            return;
        }

        entityType = RequestedEntity;
        entityId = RequestedId;
        actionGroups = Audit.ActionGroups();
        entityTypes = await Audit.EntityTypesAsync(User);
        await LoadAsync();
    }

    private async Task VerifyAsync()
    {
        verifying = true;
        try
        {
            verification = await Verifier.VerifyAsync(User!);
        }
        finally
        {
            verifying = false;
        }
    }

    private string ActionWords(string? value) => actionGroups.FirstOrDefault(g => g.Value == value)?.Words ?? value ?? "";

    private string EntityWords(string? value) => entityTypes.FirstOrDefault(t => t.Value == value)?.Words ?? value ?? "";

    private async Task SearchAsync()
    {
        pageIndex = 0;
        await LoadAsync();
    }

    private async Task GoToAsync(int selected)
    {
        pageIndex = selected - 1;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var from = NodaTime.Text.LocalDatePattern.Iso.Parse(fromText ?? "");
        var to = NodaTime.Text.LocalDatePattern.Iso.Parse(toText ?? "");
        page = await Audit.SearchAsync(User!, new AuditQuery
        {
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Actor = actor,
            From = from.Success ? from.Value : null,
            To = to.Success ? to.Value : null,
            Page = pageIndex,
            PageSize = PageSize,
        });
    }
}
