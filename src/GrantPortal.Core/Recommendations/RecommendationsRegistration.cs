namespace GrantPortal.Core.Recommendations;

/// <summary>
/// The recommendation catalogue, the codes each award serves, the figures behind them and the accountability answer
/// to the UN. Each use case is registered here, next to its files.
/// </summary>
public static class RecommendationsRegistration
{
    public static IServiceCollection AddRecommendations(this IServiceCollection services)
    {
        services.AddOptions<AccountabilityOptions>().BindConfiguration(AccountabilityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<RecommendationCatalogue>();
        services.AddSingleton<RecommendationQueries>();
        services.AddSingleton<SaveRecommendation>();
        services.AddSingleton<ImportRecommendations>();
        services.AddSingleton<SetAwardCodes>();
        services.AddSingleton<RecommendationFigures>();
        services.AddSingleton<AccountabilityService>();
        services.AddSingleton<NarrativeQueries>();
        services.AddSingleton<SaveNarrative>();
        return services;
    }
}
