using Microsoft.AspNetCore.Components.Authorization;

namespace GrantPortal.Web.Components;

/// <summary>
/// What every portal page needs before it renders: the person asking (as Core's <see cref="CurrentUser"/>), the
/// language of the request, and one way to run an action once under double clicks and keep its answer for
/// <see cref="Shared.ResultAlert"/>. Pages say <c>@inherits PortalPage</c> and read <see cref="User"/>.
/// </summary>
public abstract class PortalPage : ComponentBase
{
    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    /// <summary>The signed-in person, or null for a visitor.</summary>
    protected CurrentUser? User { get; private set; }

    /// <summary>The language the page is shown in ("ko" or "en").</summary>
    protected static string Language => Languages.Current;

    /// <summary>True while an action started by <see cref="RunAsync{T}"/> is under way; buttons show it and stay disabled.</summary>
    protected bool Busy { get; private set; }

    /// <summary>The answer of the last action, for <see cref="Shared.ResultAlert"/>.</summary>
    protected IUseCaseResult? LastResult { get; set; }

    public override async Task SetParametersAsync(ParameterView parameters)
    {
        parameters.SetParameterProperties(this);
        User = AuthenticationState is null ? null : CurrentUser.From((await AuthenticationState).User);
        await base.SetParametersAsync(ParameterView.Empty);
    }

    /// <summary>
    /// Runs <paramref name="action"/> unless one is already running (a second click while the first is saved does
    /// nothing), keeps its answer in <see cref="LastResult"/> and returns it; null when it did not run.
    /// </summary>
    protected async Task<T?> RunAsync<T>(Func<Task<T>> action)
        where T : class, IUseCaseResult
    {
        ArgumentNullException.ThrowIfNull(action);
        if (Busy)
        {
            return null;
        }

        Busy = true;
        try
        {
            var result = await action();
            LastResult = result;
            return result;
        }
        finally
        {
            Busy = false;
        }
    }
}
