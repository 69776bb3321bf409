using NodaTime;

namespace GrantPortal.Web.Features.Applications;

public sealed partial class ApplicationsPage
{
    private IReadOnlyList<OrganizationApplicationRow>? rows;
    private MudTable<IntakeRow>? table;
    private IReadOnlyDictionary<ApplicationStatus, int> counts = new Dictionary<ApplicationStatus, int>();
    private IReadOnlyList<IntakeChoice> calls = [];
    private IReadOnlyList<IntakeChoice> organizations = [];
    private string? search;
    private ApplicationStatus? status;
    private ProjectCategories? category;
    private int? callId;
    private int? organizationId;
    private bool awaitingInformation;
    private ApplicationQuery lastQuery = new();

    private string ExportHref(string extension)
    {
        var parameters = new Dictionary<string, object?>
        {
            ["call"] = callId,
            ["status"] = status?.ToString(),
            ["category"] = category?.ToString(),
            ["organization"] = organizationId,
            ["q"] = string.IsNullOrWhiteSpace(search) ? null : search,
            ["awaiting"] = awaitingInformation ? true : null,
            ["sort"] = lastQuery.Sort.ToString(),
            ["desc"] = lastQuery.Descending,
        };
        return "/applications/export." + extension + QueryString(parameters);
    }

    protected override async Task OnInitializedAsync()
    {
        if (User is null)
        {
            return;
        }

        if (User.IsIn(Roles.ProgramOfficer))
        {
            var filters = await Intake.ListIntakeFiltersAsync(User);
            calls = filters?.Calls ?? [];
            organizations = filters?.Organizations ?? [];
        }
        else
        {
            rows = await Applications.ListForOrganizationAsync(User);
        }
    }

    private async Task<TableData<IntakeRow>> LoadIntakeAsync(TableState state, CancellationToken ct)
    {
        lastQuery = new ApplicationQuery
        {
            CallId = callId,
            Status = status,
            Category = category,
            OrganizationId = organizationId,
            TitleSearch = search,
            AwaitingInformation = awaitingInformation,
            Sort = Enum.TryParse<ApplicationSort>(state.SortLabel, out var sort) ? sort : ApplicationSort.SubmittedAt,
            Descending = state.SortDirection != SortDirection.Ascending,
            Page = state.Page,
            PageSize = state.PageSize,
        };
        var page = await Intake.SearchAsync(User!, lastQuery, ct);
        if (page is null)
        {
            return new TableData<IntakeRow> { Items = [], TotalItems = 0 };
        }

        counts = page.CountsByStatus;
        shownIds = page.Rows.Select(r => r.Id).ToList();
        StateHasChanged();
        return new TableData<IntakeRow> { Items = page.Rows, TotalItems = page.TotalCount };
    }

    /// <summary>A filter or the search changes, then the server pages the intake again with it.</summary>
    private Task FilterAsync(Action change)
    {
        change();
        return table?.ReloadServerData() ?? Task.CompletedTask;
    }

    private string NextStep(OrganizationApplicationRow row)
    {
        var now = Clock.GetCurrentInstant();
        return row.Status switch
        {
            ApplicationStatus.Draft when now <= row.CallClosesAt => L["Applications_NextSubmit", Core.Time.Seoul.Format(row.CallClosesAt)],
            ApplicationStatus.Draft => L["Applications_NextClosed"],
            ApplicationStatus.Submitted => L["Applications_NextWaitReview", row.ReceiptNumber ?? ""],
            ApplicationStatus.UnderReview => L["Applications_NextUnderReview"],
            ApplicationStatus.Awarded => L["Applications_NextAwarded"],
            _ => "",
        };
    }

    private static string QueryString(Dictionary<string, object?> parameters)
    {
        var parts = parameters
            .Where(p => p.Value is not null)
            .Select(p => p.Key + "=" + Uri.EscapeDataString(Convert.ToString(p.Value, CultureInfo.InvariantCulture)!))
            .ToList();
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }
}
