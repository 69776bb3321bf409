namespace GrantPortal.Core.Organizations;

/// <summary>Organizations: verification, their own details, their members and the mail they receive. Each use case is registered here, next to its files.</summary>
public static class OrganizationsRegistration
{
    public static IServiceCollection AddOrganizations(this IServiceCollection services)
    {
        services.AddSingleton<OrganizationQueries>();
        services.AddSingleton<VerifyOrganization>();
        services.AddSingleton<UpdateOrganizationDetails>();
        services.AddSingleton<RequestVerificationAgain>();
        services.AddSingleton<InviteMember>();
        services.AddSingleton<RemoveMember>();
        services.AddSingleton<OrganizationMail>();
        return services;
    }
}
