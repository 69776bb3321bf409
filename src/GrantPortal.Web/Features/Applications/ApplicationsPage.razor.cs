using GrantPortal.Web.Features.Lists;
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
    private ApplicationSort sort = ApplicationSort.SubmittedAt;
    private bool descending = true;
    private ApplicationQuery lastQuery = new();

    // A new value re-creates the table, so a view opened while the page is open brings its sort as well as its filters.
    private int tableKey;

    // The address describes the intake as shown (the same names as the export), so it can be bookmarked or saved as a view.
    private ListAddress? address;

    [SupplyParameterFromQuery(Name = "q")]
    private string? QuerySearch { get; set; }

    [SupplyParameterFromQuery(Name = "status")]
    private string? QueryStatus { get; set; }

    [SupplyParameterFromQuery(Name = "category")]
    private string? QueryCategory { get; set; }

    [SupplyParameterFromQuery(Name = "call")]
    private int? QueryCall { get; set; }

    [SupplyParameterFromQuery(Name = "organization")]
    private int? QueryOrganization { get; set; }

    [SupplyParameterFromQuery(Name = "awaiting")]
    private bool? QueryAwaiting { get; set; }

    [SupplyParameterFromQuery(Name = "sort")]
    private string? QuerySort { get; set; }

    [SupplyParameterFromQuery(Name = "desc")]
    private bool? QueryDescending { get; set; }

    private ListAddress Address => address ??= new(JS, Navigation);

    private sealed record IntakeView(string? Search, ApplicationStatus? Status, ProjectCategories? Category, int? CallId, int? OrganizationId, bool Awaiting, ApplicationSort Sort, bool Descending);

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
        // Before the first render, so the table's first page is already the one the address asks for.
        Show(FromAddress());
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
            Sort = Enum.TryParse<ApplicationSort>(state.SortLabel, out var chosen) ? chosen : ApplicationSort.SubmittedAt,
            Descending = state.SortDirection != SortDirection.Ascending,
            Page = state.Page,
            PageSize = state.PageSize,
        };
        sort = lastQuery.Sort;
        descending = lastQuery.Descending;
        await WriteAddressAsync();
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

    /// <summary>The address the page was opened with, and then a saved view or a bookmark opened while the page is open: show it.</summary>
    protected override void OnParametersSet()
    {
        var asked = FromAddress();
        if (Address.AsksAnew(asked) && asked != Shown())
        {
            Show(asked);
            tableKey++;
        }
    }

    private IntakeView Shown() => new(string.IsNullOrWhiteSpace(search) ? null : search, status, category, callId, organizationId, awaitingInformation, sort, descending);

    private void Show(IntakeView view) =>
        (search, status, category, callId, organizationId, awaitingInformation, sort, descending) =
        (view.Search, view.Status, view.Category, view.CallId, view.OrganizationId, view.Awaiting, view.Sort, view.Descending);

    private IntakeView FromAddress()
    {
        var chosenSort = Named<ApplicationSort>(QuerySort) ?? ApplicationSort.SubmittedAt;
        return new IntakeView(
            string.IsNullOrWhiteSpace(QuerySearch) ? null : QuerySearch, Named<ApplicationStatus>(QueryStatus), Named<ProjectCategories>(QueryCategory),
            QueryCall, QueryOrganization, QueryAwaiting == true, chosenSort, QueryDescending ?? chosenSort == ApplicationSort.SubmittedAt);
    }

    /// <summary>Puts the intake as shown into the address, replacing the history entry: the back button leaves the page.</summary>
    private async Task WriteAddressAsync()
    {
        var defaultSort = sort == ApplicationSort.SubmittedAt && descending;
        await Address.WriteAsync(RendererInfo.IsInteractive, new Dictionary<string, object?>
        {
            ["q"] = string.IsNullOrWhiteSpace(search) ? null : search,
            ["status"] = status?.ToString(),
            ["category"] = category?.ToString(),
            ["call"] = callId,
            ["organization"] = organizationId,
            ["awaiting"] = awaitingInformation ? true : null,
            ["sort"] = defaultSort ? null : sort.ToString(),
            ["desc"] = defaultSort ? null : descending,
        });
    }

    private SortDirection Initial(ApplicationSort label) =>
        label != sort ? SortDirection.None : descending ? SortDirection.Descending : SortDirection.Ascending;

    /// <summary>An enum member by name; numbers and unknown names (an edited address) read as no filter.</summary>
    private static T? Named<T>(string? text)
        where T : struct, Enum =>
        !string.IsNullOrWhiteSpace(text) && !char.IsAsciiDigit(text[0]) && Enum.TryParse<T>(text, ignoreCase: true, out var value) ? value : null;

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
