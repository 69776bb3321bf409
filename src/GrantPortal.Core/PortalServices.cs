using GrantPortal.Core.Accounts;
using GrantPortal.Core.Data;
using GrantPortal.Core.Demo;
using GrantPortal.Core.Recommendations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

namespace GrantPortal.Core;

/// <summary>Everything Core needs from the container, registered in one readable place.</summary>
public static class PortalServices
{
    /// <summary>Core on a database known now (tests, tools).</summary>
    public static IServiceCollection AddPortalCore(this IServiceCollection services, DatabaseProvider provider, string connectionString) =>
        services.AddPortalCore(_ => new PortalDatabaseSettings(provider, connectionString));

    /// <summary>
    /// Core on a database decided when the container is built, so that configuration added late
    /// (environment, test hosts) is honoured.
    /// </summary>
    public static IServiceCollection AddPortalCore(this IServiceCollection services, Func<IServiceProvider, PortalDatabaseSettings> database)
    {
        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.AddSingleton(database);
        services.AddDbContextFactory<PortalDbContext>((serviceProvider, options) =>
        {
            var settings = serviceProvider.GetRequiredService<PortalDatabaseSettings>();
            PortalDatabase.Configure(options, settings.Provider, settings.ConnectionString);
        });

        // Identity's token providers need data protection; the web host adds its key storage on top of this.
        services.AddDataProtection();
        services.AddIdentityCore<PortalUser>(options =>
            {
                // NIST SP 800-63B: length, not composition rules.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddClaimsPrincipalFactory<PortalClaimsPrincipalFactory>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddDefaultTokenProviders();

        services.AddLocalization();
        services.AddScoped<RoleSetup>();
        services.AddScoped<RegistrationService>();
        services.AddSingleton<Dashboards.DashboardService>();
        services.AddSingleton<UserDirectory>();
        services.AddScoped<DatabaseMigrator>();
        services.AddScoped<RecommendationCatalogue>();
        services.AddScoped<DemoSeeder>();
        return services;
    }
}
