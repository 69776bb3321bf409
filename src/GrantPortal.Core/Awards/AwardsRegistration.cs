namespace GrantPortal.Core.Awards;

/// <summary>Awards within the envelopes and the budget overview. Each use case is registered here, next to its files.</summary>
public static class AwardsRegistration
{
    public static IServiceCollection AddAwards(this IServiceCollection services)
    {
        services.AddSingleton<AwardQueries>();
        services.AddSingleton<AwardDetailsQuery>();
        services.AddSingleton<GranteeAwards>();
        services.AddSingleton<AwardApplication>();
        services.AddSingleton<AmendAward>();
        services.AddSingleton<CancelAward>();
        services.AddSingleton<RecordReturnedFunds>();
        services.AddSingleton<ReplanTranche>();
        services.AddSingleton<FinalizeCall>();
        services.AddSingleton<BudgetQueries>();
        services.AddSingleton<BudgetExports>();
        return services;
    }
}
