using Microsoft.Extensions.DependencyInjection;

namespace GrantPortal.Core.Calls;

/// <summary>Budget years and their calls for proposals. Each use case is registered here, next to its files.</summary>
public static class CallsRegistration
{
    public static IServiceCollection AddCalls(this IServiceCollection services)
    {
        services.AddSingleton<CallService>();
        services.AddSingleton<BudgetYearService>();
        return services;
    }
}
