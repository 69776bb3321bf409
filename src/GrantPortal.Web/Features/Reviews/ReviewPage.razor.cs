using System.Globalization;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Reviews;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace GrantPortal.Web.Features.Reviews;

public sealed partial class ReviewPage
{
    private CurrentUser? user;
    private ScoringView? view;
    private bool loading = true;
    private string? conflictReason;

    [Parameter]
    public int Id { get; set; }

    [Inject]
    private ReviewService Reviews { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

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
        loading = true;
        view = user is null ? null : await Reviews.OpenAsync(user, Id);
        loading = false;
    }

    private async Task DeclareAsync(bool hasConflict)
    {
        if (user is null || !await Reviews.DeclareAsync(user, Id, hasConflict, conflictReason))
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

    private Task<ReviewResult> SaveDraftAsync(ScoreForm form, int version) => Reviews.SaveDraftAsync(user!, Id, form, version);

    private Task<ReviewResult> SubmitAsync(ScoreForm form, int version) => Reviews.SubmitAsync(user!, Id, form, version);
}
