using System.Security.Cryptography;

namespace GrantPortal.Core.Accounts;

public sealed record AdministratorCreated(string Email, string? GeneratedPassword);

/// <summary>
/// The first administrator of a production database, created from the command line
/// (`create-admin`), since nobody can sign in to give the role before someone has it.
/// </summary>
public sealed class AdministratorSetup(UserManager<PortalUser> users, RoleSetup roles, PortalDbContext db, IClock clock)
{
    private const string PasswordAlphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789-";

    /// <summary>
    /// Creates the account, or gives an existing account the Administrator role. Without a password,
    /// one is generated and returned once, to be changed at first sign-in.
    /// </summary>
    public async Task<AdministratorCreated> CreateAsync(string email, string displayName, string? password)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        await roles.EnsureRolesAsync();
        var user = await users.FindByEmailAsync(email);
        string? generated = null;
        if (user is null)
        {
            generated = password is null ? RandomNumberGenerator.GetString(PasswordAlphabet, 24) : null;
            user = new PortalUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = string.IsNullOrWhiteSpace(displayName) ? email : displayName,
                PreferredLanguage = Languages.Korean,
                CreatedAt = clock.GetCurrentInstant(),
            };
            IdentityResults.Check(await users.CreateAsync(user, password ?? generated!));
        }

        if (!await users.IsInRoleAsync(user, Roles.Administrator))
        {
            IdentityResults.Check(await users.AddToRoleAsync(user, Roles.Administrator));
            db.AuditEvents.Add(AuditEvent.Record(clock.GetCurrentInstant(), Actor.System, "user.role-granted", nameof(PortalUser), user.Id, after: Roles.Administrator));
            await db.SaveChangesAsync();
        }

        return new AdministratorCreated(email, generated);
    }
}
