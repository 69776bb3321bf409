using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace GrantPortal.Web.Hosting;

/// <summary>
/// The data-protection key ring in the database gets its first key (and a fresh one once the last is about to
/// expire) from the migrate step, before any instance serves. Left to the instances, two started at once on an
/// empty ring would each make a key of their own and read only their own cookies until their next key-ring refresh
/// (up to a day); a person signed in on one would be signed out on the other.
/// </summary>
public static class PortalKeyRing
{
    /// <summary>
    /// Data protection's own window for spreading a new key: a key closer than this to its expiry makes every
    /// instance create the next one by itself (each activating it later, so they converge on refresh).
    /// </summary>
    private static readonly TimeSpan PropagationWindow = TimeSpan.FromDays(2);

    /// <summary>True when it had to create a key.</summary>
    public static bool EnsureKey(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var keys = services.GetRequiredService<IKeyManager>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PortalKeyRing));

        // Data protection judges keys by the system's time, not the portal's clock (which tests may move).
        var now = (services.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow();
        if (keys.GetAllKeys().Any(k => !k.IsRevoked && k.ActivationDate <= now && k.ExpirationDate > now + PropagationWindow))
        {
            return false;
        }

        var lifetime = services.GetService<Microsoft.Extensions.Options.IOptions<KeyManagementOptions>>()?.Value.NewKeyLifetime ?? TimeSpan.FromDays(90);
        var key = keys.CreateNewKey(now, now + lifetime);
        logger.LogInformation("Created data-protection key {KeyId}, valid until {Expiration:u}", key.KeyId, key.ExpirationDate);
        return true;
    }
}
