using Microsoft.Extensions.DependencyInjection;

namespace GrantPortal.Core.Organizations;

/// <summary>Organizations: verification, their own details, their members and the mail they receive. Each use case is registered here, next to its files.</summary>
public static class OrganizationsRegistration
{
    public static IServiceCollection AddOrganizations(this IServiceCollection services)
    {
        services.AddSingleton<OrganizationVerificationService>();
        services.AddSingleton<OrganizationProfileService>();
        services.AddSingleton<OrganizationMembers>();
        services.AddSingleton<OrganizationMail>();
        return services;
    }
}
