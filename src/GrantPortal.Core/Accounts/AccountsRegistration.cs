namespace GrantPortal.Core.Accounts;

/// <summary>Accounts: registration, staff invitations and roles, password links and the administrator's list. Identity itself is set up in PortalServices.</summary>
public static class AccountsRegistration
{
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddScoped<RoleSetup>();
        services.AddScoped<AdministratorSetup>();

        // Scoped: the organization and its first account share the request's context and its transaction.
        services.AddScoped<RegisterOrganization>();
        services.AddSingleton<PasswordLinks>();
        services.AddSingleton<InviteStaff>();
        services.AddSingleton<ChangeStaffRoles>();
        services.AddSingleton<UnlockAccount>();
        services.AddSingleton<UserDirectory>();
        return services;
    }
}
