using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

namespace GrantPortal.Core.Notifications;

public static class MailServices
{
    /// <summary>
    /// Registers <see cref="IMailSender"/> and the "smtp" health check, with options from the "Smtp" section.
    /// A relative pickup directory is resolved against <paramref name="contentRootPath"/> (the web host's content root),
    /// so Core needs no hosting types.
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
