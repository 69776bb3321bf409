using GrantPortal.Web.Components.Shared;
using NodaTime;

namespace GrantPortal.Web.Features.Awards;

public sealed partial class ChangeRequestsPanel
{
    private readonly Dictionary<int, string?> decisionReasons = [];
    private AwardChanges? changes;
    private readonly GivenByPage<AwardChanges> fromPage = new();
    private ChangeRequestForm form = new();
    private Krw moveAmount;
    private LocalDate startDate;
    private LocalDate endDate;
    private int shownVersion;
    private string? doneText;

    [Inject]
    private ChangeRequestQueries Queries { get; set; } = default!;

    [Inject]
    private RequestChange Request { get; set; } = default!;

    [Inject]
    private DecideChangeRequest Decide { get; set; } = default!;

    [Parameter, EditorRequired]
    public int AwardId { get; set; }

    /// <summary>The changes as the page read them with the award (<see cref="GivenByPage{T}"/>).</summary>
    [Parameter]
    public AwardChanges? Changes { get; set; }

    private ProjectPlan? Shown => changes?.History.FirstOrDefault(v => v.Number == shownVersion);

    /// <summary>What a notice may move between the two chosen lines, so the grantee knows before asking.</summary>
    private Krw? NoticeLimit =>
        changes is { } c && form.FromBudgetLineId is { } from && form.ToBudgetLineId is { } to && c.InForce.Line(from) is { } f && c.InForce.Line(to) is { } t && from != to
            ? ChangeThreshold.Limit(f.Amount, t.Amount, c.NoticePercent)
            : null;

    protected override async Task OnParametersSetAsync()
    {
        if (Changes is null)
        {
            await LoadAsync();
        }
        else if (fromPage.IsNew(Changes))
        {
            Show(Changes);
        }
    }

    private async Task LoadAsync() => Show(User is null ? null : await Queries.ForAwardAsync(User, AwardId));

    private void Show(AwardChanges? read)
    {
        changes = read;
        if (changes is { } c)
        {
            shownVersion = c.History[^1].Number;
            startDate = c.InForce.StartDate ?? default;
            endDate = c.InForce.EndDate ?? default;
        }
    }

    private async Task RequestAsync()
    {
        var sent = form with { Amount = moveAmount, StartDate = startDate, EndDate = endDate };
        var result = await RunAsync(async () =>
        {
            var answer = await Request.RequestAsync(User!, AwardId, sent);
            doneText = null;
            await LoadAsync();
            return answer;
        });
        if (result?.Succeeded == true)
        {
            form = new ChangeRequestForm();
            moveAmount = Krw.Zero;
        }
    }

    private Task ApproveAsync(int requestId) => DecideAsync(() => Decide.ApproveAsync(User!, requestId, DecisionReason(requestId)));

    private Task RefuseAsync(int requestId) => DecideAsync(() => Decide.RefuseAsync(User!, requestId, DecisionReason(requestId)));

    private async Task DecideAsync(Func<Task<Result<int>>> decide) =>
        await RunAsync(async () =>
        {
            var answer = await decide();
            doneText = null;
            await LoadAsync();
            return answer;
        });

    private string? DecisionReason(int requestId) => decisionReasons.GetValueOrDefault(requestId);

    private string? Error(string field) => LastResult?.Errors.FirstOrDefault(e => e.Field == field)?.Message;

    private string LineText(PlanLine line) => $"{L["BudgetCategory_" + line.Category]} · {line.Item} ({line.Amount.ForReader()})";

    private string VersionText(ProjectPlan version) =>
        version.CreatedAt is { } at ? $"{L["Changes_VersionN", version.Number]} · {Seoul.Format(at)}" : L["Changes_VersionN", version.Number];

    private static string Day(LocalDate? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "–";

    private static Color StatusColor(ChangeStatus status) => status switch
    {
        ChangeStatus.Pending => Color.Warning,
        ChangeStatus.Refused => Color.Error,
        _ => Color.Success,
    };
}
