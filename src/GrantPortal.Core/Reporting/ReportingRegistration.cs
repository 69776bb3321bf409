namespace GrantPortal.Core.Reporting;

/// <summary>Grantee project reports and their review. Each use case is registered here, next to its files.</summary>
public static class ReportingRegistration
{
    public static IServiceCollection AddReporting(this IServiceCollection services)
    {
        services.AddSingleton<ReportQueries>();
        services.AddSingleton<SaveReportDraft>();
        services.AddSingleton<SubmitReport>();
        services.AddSingleton<ReviewReport>();
        services.AddSingleton<UploadReceipt>();
        return services;
    }
}
