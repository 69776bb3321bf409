namespace GrantPortal.Core.Accounts;

/// <summary>Where the person stands: whether they use two-factor sign-in, must, and how many recovery codes are left.</summary>
public sealed record TwoFactorStatus(bool Enabled, bool Required, int RecoveryCodesLeft);

/// <summary>
/// What an authenticator app needs: the shared key (in groups of four, to type) and the <c>otpauth://</c> address the
/// QR code holds. <see cref="NewKey"/>: the key was made just now, which renewed the person's security stamp.
/// </summary>
public sealed record AuthenticatorSetup(string SharedKey, string Address, bool NewKey);

/// <summary>
/// A person sets up, renews or turns off their own two-factor sign-in, on Identity's authenticator token provider and
/// recovery codes. Enabling, turning off and renewing codes are audited. Each step that changes the person's security
/// stamp (which ends their other sessions and remembered browsers) says so, and the page then refreshes this session's cookie.
/// </summary>
public sealed class TwoFactorEnrollment(
    IServiceScopeFactory scopes,
    IDbContextFactory<PortalDbContext> dbFactory,
    TwoFactorPolicy policy,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    ILogger<TwoFactorEnrollment> logger)
{
    /// <summary>The issuer an authenticator app shows next to the code.</summary>
    public const string Issuer = "GrantPortal";

    public async Task<TwoFactorStatus?> StatusAsync(CurrentUser person, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(person);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        if (await users.FindByIdAsync(person.UserId) is not { } user)
        {
            return null;
        }

        var enabled = await users.GetTwoFactorEnabledAsync(user);
        return new TwoFactorStatus(enabled, policy.IsRequiredFor(person.RoleNames, user.Email), enabled ? await users.CountRecoveryCodesAsync(user) : 0);
    }

    /// <summary>The key to enter in an authenticator app; a person without one gets a fresh one (which renews their security stamp).</summary>
    public async Task<AuthenticatorSetup?> AuthenticatorAsync(CurrentUser person, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(person);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        if (await users.FindByIdAsync(person.UserId) is not { } user)
        {
            return null;
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        var newKey = string.IsNullOrEmpty(key);
        if (string.IsNullOrEmpty(key))
        {
            IdentityResults.Check(await users.ResetAuthenticatorKeyAsync(user));
            key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("Identity kept no authenticator key.");
        }

        var account = user.Email ?? user.UserName ?? user.Id;
        var address = $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(account)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";
        return new AuthenticatorSetup(string.Join(' ', key.ToLowerInvariant().Chunk(4).Select(c => new string(c))), address, newKey);
    }

    /// <summary>
    /// Turns two-factor sign-in on once the person proves their app makes the right code, and answers the ten recovery
    /// codes, shown once.
    /// </summary>
    public async Task<Result<IReadOnlyList<string>>> EnableAsync(CurrentUser person, string? code, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(person);
        var typed = Normalize(code);
        if (typed.Length == 0)
        {
            return Result.Invalid("Code", localizer["TwoFactor_CodeRequired"]);
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        if (await users.FindByIdAsync(person.UserId) is not { } user)
        {
            return Result.NotFound();
        }

        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, typed))
        {
            return Result.Invalid("Code", localizer["TwoFactor_CodeWrong"]);
        }

        IdentityResults.Check(await users.SetTwoFactorEnabledAsync(user, true));
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, TwoFactorPolicy.RecoveryCodeCount))?.ToList() ?? [];
        await dbFactory.RecordAsync(AuditEvent.Record(clock.GetCurrentInstant(), person.AsActor(), AuditActions.UserTwoFactorEnabled, nameof(PortalUser), user.Id), ct);
        logger.LogInformation("User {UserId} turned on two-factor sign-in", user.Id);
        return Result.Done<IReadOnlyList<string>>(codes);
    }

    /// <summary>Ten new recovery codes; the earlier ones stop working.</summary>
    public async Task<Result<IReadOnlyList<string>>> RenewRecoveryCodesAsync(CurrentUser person, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(person);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        if (await users.FindByIdAsync(person.UserId) is not { } user)
        {
            return Result.NotFound();
        }

        if (!await users.GetTwoFactorEnabledAsync(user))
        {
            return Result.Refused(localizer["TwoFactor_NotEnabled"]);
        }

        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, TwoFactorPolicy.RecoveryCodeCount))?.ToList() ?? [];
        await dbFactory.RecordAsync(AuditEvent.Record(clock.GetCurrentInstant(), person.AsActor(), AuditActions.UserRecoveryCodesRenewed, nameof(PortalUser), user.Id), ct);
        logger.LogInformation("User {UserId} renewed their recovery codes", user.Id);
        return Result.Done<IReadOnlyList<string>>(codes);
    }

    /// <summary>Turns two-factor sign-in off, for a person whose roles do not require it. Renews the security stamp.</summary>
    public async Task<Result> DisableAsync(CurrentUser person, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(person);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        if (await users.FindByIdAsync(person.UserId) is not { } user)
        {
            return Result.NotFound();
        }

        if (policy.IsRequiredFor(await users.GetRolesAsync(user), user.Email))
        {
            return Result.Refused(localizer["TwoFactor_RequiredCannotDisable"]);
        }

        if (!await users.GetTwoFactorEnabledAsync(user))
        {
            return Result.Done();
        }

        await TurnOffAsync(users, user);
        await dbFactory.RecordAsync(AuditEvent.Record(clock.GetCurrentInstant(), person.AsActor(), AuditActions.UserTwoFactorDisabled, nameof(PortalUser), user.Id), ct);
        logger.LogInformation("User {UserId} turned off two-factor sign-in", user.Id);
        return Result.Done();
    }

    /// <summary>
    /// Every browser that was told to skip the code asks for it again, and the person's other sessions end: both
    /// carry the security stamp this renews.
    /// </summary>
    public async Task<Result> ForgetRememberedBrowsersAsync(CurrentUser person, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(person);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        if (await users.FindByIdAsync(person.UserId) is not { } user)
        {
            return Result.NotFound();
        }

        IdentityResults.Check(await users.UpdateSecurityStampAsync(user));
        logger.LogInformation("User {UserId} forgot their remembered browsers", user.Id);
        return Result.Done();
    }

    /// <summary>Off, with a new authenticator key and the recovery codes replaced by ones nobody sees, so a stolen list dies too.</summary>
    internal static async Task TurnOffAsync(UserManager<PortalUser> users, PortalUser user)
    {
        IdentityResults.Check(await users.SetTwoFactorEnabledAsync(user, false));
        IdentityResults.Check(await users.ResetAuthenticatorKeyAsync(user));
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, TwoFactorPolicy.RecoveryCodeCount);
    }

    /// <summary>What people type: spaces and hyphens that apps show between digits are dropped.</summary>
    public static string Normalize(string? code) =>
        new((code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
}
