using Microsoft.Extensions.DependencyInjection;

namespace GrantPortal.Core.Awards;

/// <summary>Awards within the envelopes and the budget overview. Each use case is registered here, next to its files.</summary>
public static class AwardsRegistration
{
    public static IServiceCollection AddAwards(this IServiceCollection services)
    {
        services.AddSingleton<AwardService>();
        services.AddSingleton<BudgetService>();
        return services;
    }
}
