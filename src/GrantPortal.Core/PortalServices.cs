using GrantPortal.Core.Recommendations;
using GrantPortal.Core.Reviews;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

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
            options.AddInterceptors(serviceProvider.GetRequiredService<OutboxWakeUp>());
        });

        // Mail recorded with a change leaves once the change commits; the web host starts the outbox job on the signal.
        services.TryAddSingleton<IOutboxSignal, ScheduledPassOnly>();
        services.TryAddSingleton<IAuditSealSignal, SealOnVerification>();
        services.AddSingleton<OutboxWakeUp>();

        // Identity's token providers need data protection; the web host adds its key storage on top of this.
        services.AddDataProtection();
        services.AddIdentityCore<PortalUser>(options =>
            {
                // NIST SP 800-63B: length, not composition rules.
                options.Password.RequiredLength = Passwords.MinimumLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
                // "Confirmed" means not removed by their organization: see MembershipConfirmation.
                options.SignIn.RequireConfirmedAccount = true;
                options.Tokens.AuthenticatorTokenProvider = SingleUseAuthenticatorTokenProvider.ProviderName;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddClaimsPrincipalFactory<PortalClaimsPrincipalFactory>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<SingleUseAuthenticatorTokenProvider>(SingleUseAuthenticatorTokenProvider.ProviderName);
        services.AddOptions<TwoFactorOptions>().BindConfiguration(TwoFactorOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TwoFactorOptions>, TwoFactorOptionsValidation>();
        services.AddSingleton<TwoFactorPolicy>();

        // An invitation link (a password-reset token) stays valid for three days; choosing a password spends it.
        services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = TimeSpan.FromDays(3));

        services.AddLocalization();
        services.AddScoped<IUserConfirmation<PortalUser>, MembershipConfirmation>();
        services.AddScoped<RoleSetup>();
        services.AddScoped<AdministratorSetup>();
        services.AddScoped<DatabaseMigrator>();

        // Scoped: the organization and its first account share the request's context and its transaction.
        services.AddScoped<RegisterOrganization>();
        services.AddScoped<RecommendationCatalogue>();
        services.AddOptions<AccountabilityOptions>().BindConfiguration(AccountabilityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<Privacy.PrivacyOptions>().BindConfiguration(Privacy.PrivacyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddTransient<Privacy.RetentionJob>();
        services.AddUseCases();
        return services;
    }

    /// <summary>
    /// Registers <see cref="IMailSender"/>, the outbox and reminder jobs and the "smtp" health check, with options from the "Smtp" section.
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

        // Reminders: deadline rules, one digest per recipient per pass, the job and the administrators' log.
        services.AddOptions<ReminderOptions>()
            .BindConfiguration(ReminderOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<PortalLinks>();
        services.AddSingleton<ReminderService>();
        services.AddSingleton<NotificationLog>();
        services.AddTransient<ReminderJob>();

        // The outbox: mail use cases record with their change, sent by a job that retries and records delivery.
        services.AddOptions<OutboxOptions>()
            .BindConfiguration(OutboxOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<OutboxSender>();
        services.AddTransient<OutboxJob>();
        return services;
    }

    /// <summary>
    /// Registers applications and their attachments, with options from the "Attachments" section. A relative
    /// attachment directory is resolved against <paramref name="contentRootPath"/>, as the mail pickup directory is.
    /// </summary>
    public static IServiceCollection AddPortalApplications(this IServiceCollection services, string contentRootPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contentRootPath);
        services.AddOptions<AttachmentOptions>()
            .BindConfiguration(AttachmentOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart()
            .PostConfigure(o => o.Directory = Path.GetFullPath(o.Directory, contentRootPath));
        return services;
    }
}
