using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GrantPortal.Core.Applications;

/// <summary>Applications from first draft to submission, and the files attached to them. Each use case is registered here, next to its files.</summary>
public static class ApplicationsRegistration
{
    /// <summary>
    /// Registers the application use cases and the upload pipeline, with options from the "Attachments" section. A
    /// relative attachment directory is resolved against <paramref name="contentRootPath"/>, as the mail pickup directory is.
    /// </summary>
    public static IServiceCollection AddApplications(this IServiceCollection services, string contentRootPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contentRootPath);
        services.AddOptions<AttachmentOptions>()
            .BindConfiguration(AttachmentOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart()
            .PostConfigure(o => o.Directory = Path.GetFullPath(o.Directory, contentRootPath));
        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.AddSingleton<StartDraft>();
        services.AddSingleton<SaveDraft>();
        services.AddSingleton<SubmitApplication>();
        services.AddSingleton<WithdrawApplication>();
        services.AddSingleton<ReviseApplication>();
        services.AddSingleton<ApplicationQueries>();
        services.AddSingleton<ApplicationIntake>();
        services.AddSingleton<UploadPipeline>();
        services.AddSingleton<UploadAttachment>();
        services.AddSingleton<DeleteAttachment>();
        services.AddSingleton<AttachmentStore>();
        return services;
    }
}
