using Microsoft.Extensions.DependencyInjection;

namespace GrantPortal.Core.Disbursements;

/// <summary>Tranches and maker-checker payments. Each use case is registered here, next to its files.</summary>
public static class DisbursementsRegistration
{
    public static IServiceCollection AddDisbursements(this IServiceCollection services)
    {
        services.AddSingleton<DisbursementService>();
        return services;
    }
}
