namespace GrantPortal.Core.Disbursements;

/// <summary>Tranches and maker-checker payments. Each use case is registered here, next to its files.</summary>
public static class DisbursementsRegistration
{
    public static IServiceCollection AddDisbursements(this IServiceCollection services)
    {
        services.AddSingleton<FinanceWorklistQuery>();
        services.AddSingleton<RecordPayment>();
        services.AddSingleton<ApprovePayment>();
        services.AddSingleton<MarkPaymentPaid>();
        services.AddSingleton<RejectPayment>();
        return services;
    }
}
