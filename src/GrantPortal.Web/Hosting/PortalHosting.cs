using GrantPortal.Core;
using GrantPortal.Core.Auditing;
using GrantPortal.Core.Data;
using GrantPortal.Demo;
using GrantPortal.Web.Components;
using GrantPortal.Web.Features.Accounts;
using GrantPortal.Web.Features.Admin;
using GrantPortal.Web.Features.Applications;
using GrantPortal.Web.Features.OpenData;
using GrantPortal.Web.Features.Recommendations;
using GrantPortal.Web.Features.Reporting;
using GrantPortal.Web.Features.Awards;
using GrantPortal.Web.Features.Calls;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using MudBlazor.Services;

namespace GrantPortal.Web.Hosting;

/// <summary>The one readable place where the portal's services and pipeline are put together.</summary>
public static class PortalHosting
{
    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddPortalCore(PortalConnection.FromConfiguration);
        services.AddPortalMail(builder.Environment.ContentRootPath);
        services.AddPortalApplications(builder.Environment.ContentRootPath);
        services.AddPortalDemo();

        // Keys live in the portal's database, so every instance behind a load balancer reads the same sign-in cookies;
        // the first key is made by the migrate step (PortalKeyRing), never by whichever instance starts first.
        services.AddDataProtection().SetApplicationName("GrantPortal").PersistKeysToDbContext<PortalDbContext>();

        // Role changes, removals and "sign out everywhere" renew a person's security stamp; sign-in cookies and open
        // pages (IdentityRevalidatingAuthenticationStateProvider) compare it this often, so they take effect within it.
        var revalidation = builder.Configuration.GetValue("Security:RevalidationInterval", TimeSpan.FromMinutes(1));
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = revalidation);
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(options =>
            {
                options.LoginPath = "/Account/Login";
                options.LogoutPath = "/Account/Logout";
                options.AccessDeniedPath = "/Account/AccessDenied";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.SlidingExpiration = true;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
            }));
        new IdentityBuilder(typeof(PortalUser), typeof(IdentityRole), services).AddSignInManager<PortalSignInManager>();
        services.AddScoped<SessionRefresh>();

        // The side menu's saved views, per circuit; pages that save or delete one tell it to read them again.
        services.AddScoped(sp => new Features.Lists.SavedViewsMenu(sp.GetRequiredService<Core.Lists.SavedViewQueries>().ListAsync));
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme, RememberedBrowsers.Configure);
        if (builder.Environment.IsDevelopment())
        {
            // The switch is honoured in Development only: elsewhere the demo addresses are ordinary accounts.
            services.PostConfigure<TwoFactorOptions>(options =>
            {
                if (options.DemoAccountsSkipTwoFactor)
                {
                    options.ExemptAccounts.UnionWith(DemoAccounts.All.Select(a => a.Email));
                }
            });
        }

        services.AddAuthorizationBuilder()
            .AddPolicy(Roles.Administrator, policy => policy.RequireRole(Roles.Administrator));

        services.AddPortalLocalization();
        var instance = PortalInstance.FromConfiguration(builder.Configuration);
        services.AddSingleton(instance);
        services.AddPortalJobs(instance.Name);

        // Audit events are sealed into the hash chain moments after the commit that recorded them.
        services.AddSingleton<AuditSealing>();
        services.AddSingleton<IAuditSealSignal>(sp => sp.GetRequiredService<AuditSealing>());
        services.AddHostedService(sp => sp.GetRequiredService<AuditSealing>());

        services.AddPortalHealth();
        services.AddPortalRateLimits();
        services.AddPortalPublicReads();

        services.AddPortalCircuits(builder.Configuration);
        services.AddMudServices();
        services.AddHttpContextAccessor();
        return builder;
    }

    public static WebApplication UsePortal(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UsePortalInstance();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
        }

        // Without a certificate (as on a developer machine) the portal serves plain HTTP; production sets one.
        if (app.Configuration.GetValue<bool>("Hosting:RedirectToHttps"))
        {
            app.UseHttpsRedirection();
        }

        app.UseSecurityHeaders();
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseRequestLocalization();
        app.UseCors();
        app.UseAuthentication();
        app.UseTwoFactorGate();
        app.UseAuthorization();
        app.UsePortalRateLimits();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapPortalHealth();
        app.MapCultureEndpoint();
        app.MapAccountEndpoints();
        app.MapApplicationEndpoints();
        app.MapReportEndpoints();
        app.MapRecommendationEndpoints();
        app.MapOpenDataEndpoints();
        app.MapCallApiEndpoints();
        app.MapPublicApiDocument();
        app.MapAwardEndpoints();
        app.MapAdminEndpoints();
        app.MapPortalJobsDashboard();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode().WithPortalRateLimits();
        return app;
    }

    /// <summary>In Development a fresh database migrates and fills itself with demo data.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (!options.MigrateOnStartup)
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(app.Lifetime.ApplicationStopping);
        PortalKeyRing.EnsureKey(scope.ServiceProvider);
        if (options.SeedDemoDataOnStartup)
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(app.Lifetime.ApplicationStopping);
        }
    }
}
