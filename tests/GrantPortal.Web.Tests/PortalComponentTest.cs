using System.Globalization;
using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using GrantPortal.Core.Accounts;
using GrantPortal.Web.Hosting;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using NodaTime;
using NodaTime.Testing;

namespace GrantPortal.Web.Tests;

/// <summary>
/// The one base for component tests: MudBlazor services, the real Korean and English resources,
/// a fixed clock and a chosen culture, so every render is deterministic.
/// </summary>
public abstract class PortalComponentTest : BunitContext, IAsyncLifetime
{
    private readonly CultureInfo originalCulture = CultureInfo.CurrentCulture;
    private readonly CultureInfo originalUiCulture = CultureInfo.CurrentUICulture;

    protected PortalComponentTest()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization();
        Services.AddTransient<MudLocalizer, PortalMudLocalizer>();
        Services.AddSingleton<IClock>(Clock);
        Services.AddScoped(_ => new GrantPortal.Web.Features.Lists.SavedViewsMenu((_, _) => Task.FromResult<IReadOnlyList<GrantPortal.Core.Lists.SavedViewRow>>(SavedViews)));
        Authorization = AddAuthorization();
        Renderer.SetRendererInfo(new RendererInfo("Server", true));
        UseLanguage("en");
    }

    protected FakeClock Clock { get; } = new(Instant.FromUtc(2026, 3, 1, 0, 0));

    /// <summary>The signed-in person's saved views, as the side menu reads them; none unless a test says.</summary>
    protected List<GrantPortal.Core.Lists.SavedViewRow> SavedViews { get; } = [];

    /// <summary>Anonymous until a test signs someone in.</summary>
    protected BunitAuthorizationContext Authorization { get; }

    protected static void UseLanguage(string language)
    {
        var culture = CultureInfo.GetCultureInfo(language);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }

    /// <summary>Signs in a person with the given roles, as the portal's claims factory would describe them.</summary>
    protected void SignInAs(string name, params string[] roles)
    {
        Authorization.SetAuthorized(name);
        Authorization.SetRoles(roles);
        Authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, "user-" + name), new Claim(PortalClaims.DisplayName, name));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // Some MudBlazor services (the key interceptor behind chips and menus) only dispose asynchronously.
    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    protected override void Dispose(bool disposing)
    {
        CultureInfo.CurrentCulture = originalCulture;
        CultureInfo.CurrentUICulture = originalUiCulture;
        base.Dispose(disposing);
    }
}
