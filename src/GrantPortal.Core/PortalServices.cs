using GrantPortal.Core.Accounts;
using GrantPortal.Core.Data;
using GrantPortal.Core.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

namespace GrantPortal.Core;

/// <summary>Everything Core needs from the container, registered in one readable place.</summary>
public static class PortalServices
{
    public static IServiceCollection AddPortalCore(this IServiceCollection services, DatabaseProvider provider, string connectionString)
    {
        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.AddDbContextFactory<PortalDbContext>(options => PortalDatabase.Configure(options, provider, connectionString));

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
            .AddDefaultTokenProviders();

        services.AddScoped<RoleSetup>();
        services.AddScoped<DatabaseMigrator>();
        return services;
    }

    /// <summary>
    /// Registers <see cref="IMailSender"/> and the "smtp" health check, with options from the "Smtp" section.
    /// A relative pickup directory is resolved against <paramref name="contentRootPath"/> (the web host's
    /// content root), so Core needs no hosting types.
    /// </summary>
    public static IServiceCollection AddPortalMail(this IServiceCollection services, string contentRootPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contentRootPath);
        services.AddOptions<SmtpOptions>()
            .BindConfiguration(SmtpOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart()
            .PostConfigure(o => o.PickupDirectory = Path.GetFullPath(o.PickupDirectory, contentRootPath));
        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.TryAddSingleton<IMailSender, MailKitSender>();
        services.AddHealthChecks().AddCheck<SmtpHealthCheck>("smtp", tags: ["smtp"]);
        return services;
    }
}
