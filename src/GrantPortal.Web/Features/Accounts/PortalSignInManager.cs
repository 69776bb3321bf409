using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace GrantPortal.Web.Features.Accounts;

/// <summary>
/// Identity's sign-in, changed so that the answer to a password attempt tells nothing about the account until the
/// password has been found right (ASVS 5.0, 6.3.8). Identity itself answers "not allowed" (a removed member) and
/// "locked out" before it looks at the password, and an unknown address at once, without hashing anything: each is
/// a different answer, or a faster one. Here an unknown address, a wrong password and a locked account all do one
/// password hash and answer <see cref="SignInResult.Failed"/>; a removed member hears so only with the right password.
/// A locked account never says so, not even with the right password, or a guesser could keep trying through the
/// lockout and be told which password was right.
/// </summary>
public sealed class PortalSignInManager(
    UserManager<PortalUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<PortalUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<PortalUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<PortalUser> confirmation)
    : SignInManager<PortalUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    /// <summary>A hash of a password nobody knows, made once with the portal's own hasher so that checking it costs what a real check costs.</summary>
    private static string? standInHash;

    /// <summary>
    /// Signs in by email address. <see cref="SignInAttempt.User"/> is set only when the sign-in succeeded or
    /// needs the person's next step, so a page cannot branch on an account it should not know about.
    /// </summary>
    public async Task<SignInAttempt> PasswordSignInByEmailAsync(string email, string password, bool isPersistent)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(password);
        var user = await UserManager.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            CheckStandIn(password);
            return new SignInAttempt(SignInResult.Failed, null);
        }

        var result = await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure: true);
        return new SignInAttempt(result, result.Succeeded || result.RequiresTwoFactor || result.IsNotAllowed ? user : null);
    }

    public override async Task<SignInResult> CheckPasswordSignInAsync(PortalUser user, string password, bool lockoutOnFailure)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (await IsLockedOut(user))
        {
            // The hash is still checked, so a locked account takes as long as any other; the answer cannot depend on it.
            UserManager.PasswordHasher.VerifyHashedPassword(user, user.PasswordHash ?? StandInHash(), password);
            Logger.LogWarning("Sign-in refused for {UserId}: locked out", user.Id);
            return SignInResult.Failed;
        }

        if (!await CanSignInAsync(user))
        {
            var right = user.PasswordHash is not null
                && UserManager.PasswordHasher.VerifyHashedPassword(user, user.PasswordHash, password) != PasswordVerificationResult.Failed;
            if (!right && lockoutOnFailure)
            {
                // Counted as any wrong password is, so this answer does the same work as that one.
                await UserManager.AccessFailedAsync(user);
            }

            Logger.LogInformation("Sign-in refused for {UserId}: removed from the organization", user.Id);
            return right ? SignInResult.NotAllowed : SignInResult.Failed;
        }

        // The attempt that reaches the limit locks the account; it answers as a wrong password, for the reason above.
        var result = await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
        if (result.IsLockedOut)
        {
            Logger.LogWarning("User {UserId} is locked out after failed sign-ins", user.Id);
            return SignInResult.Failed;
        }

        return result;
    }

    /// <summary>The work of a password check for an address without an account; the result is thrown away.</summary>
    private void CheckStandIn(string password) =>
        UserManager.PasswordHasher.VerifyHashedPassword(new PortalUser(), StandInHash(), password);

    private string StandInHash() =>
        standInHash ??= UserManager.PasswordHasher.HashPassword(new PortalUser(), Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
}

/// <summary>What a sign-in attempt came to, with the person only where the page may act on who they are.</summary>
public sealed record SignInAttempt(SignInResult Result, PortalUser? User);
