namespace GrantPortal.Core.Calls;

/// <summary>Budget years and their calls for proposals. Each use case is registered here, next to its files.</summary>
public static class CallsRegistration
{
    public static IServiceCollection AddCalls(this IServiceCollection services)
    {
        services.AddSingleton<CallQueries>();
        services.AddSingleton<CreateCall>();
        services.AddSingleton<UpdateCall>();
        services.AddSingleton<MoveDeadline>();
        services.AddSingleton<PublishCall>();
        services.AddSingleton<OpenBudgetYear>();
        services.AddSingleton<ChangeBudgetYear>();
        return services;
    }
}
