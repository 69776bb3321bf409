using Microsoft.Extensions.DependencyInjection;

namespace GrantPortal.Demo;

public static class DemoRegistration
{
    /// <summary>The demo seeder, for Development databases and tests; production never seeds, but the verb may be run.</summary>
    public static IServiceCollection AddPortalDemo(this IServiceCollection services)
    {
        services.AddScoped<DemoSeeder>();
        services.AddScoped<DemoAgreementSteps>();
        return services;
    }
}
