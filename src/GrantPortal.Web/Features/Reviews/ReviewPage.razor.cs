namespace GrantPortal.Web.Features.Reviews;

public sealed partial class ReviewPage
{
    private ScoringView? view;
    private bool loading = true;
    private string? conflictReason;

    [Parameter]
    public int Id { get; set; }

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        loading = true;
        view = User is null ? null : await Reviews.OpenAsync(User, Id);
        loading = false;
    }

    private async Task DeclareAsync(bool hasConflict)
    {
        var declared = User is null ? null : await RunAsync(() => Declarations.DeclareAsync(User, Id, hasConflict, conflictReason));
        if (declared is null)
        {
            return;
        }

        if (!declared.Succeeded)
        {
            view = null;
            return;
        }

        if (hasConflict)
        {
            // The assignment is gone; the officer will assign someone else.
            Navigation.NavigateTo("/reviews");
            return;
        }

        await LoadAsync();
    }

    private Task<Result<int>> SaveDraftAsync(ScoreForm form, int version) => Drafts.SaveDraftAsync(User!, Id, form, version);

    private Task<Result<int>> SubmitAsync(ScoreForm form, int version) => Submissions.SubmitAsync(User!, Id, form, version);
}
