namespace GrantPortal.Web.Hosting;

/// <summary>
/// How many requests each rate-limit policy admits in its window (<c>RateLimits:&lt;Policy&gt;</c> in appsettings).
/// Each window is fixed: it starts with the first request and the count starts over when it ends.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Sign-in posts from one client address: an office behind one address signs in many people at nine.</summary>
    public RateLimitRule SignIn { get; set; } = new(30, 60);

    /// <summary>Sign-in posts for one email address, from anywhere; Identity's lockout (5 wrong passwords) works inside this.</summary>
    public RateLimitRule SignInPerAccount { get; set; } = new(10, 300);

    /// <summary>Two-factor and recovery code posts from one client address.</summary>
    public RateLimitRule TwoFactor { get; set; } = new(20, 300);

    /// <summary>Registration posts from one client address.</summary>
    public RateLimitRule Registration { get; set; } = new(10, 3600);

    /// <summary>Forgot-password and set-password posts from one client address.</summary>
    public RateLimitRule PasswordLinks { get; set; } = new(10, 900);

    /// <summary>Requests for the public open-data feeds from one client address.</summary>
    public RateLimitRule OpenData { get; set; } = new(60, 60);

    /// <summary>Private downloads (attachments, receipts, letters, exports) per signed-in person.</summary>
    public RateLimitRule Downloads { get; set; } = new(120, 60);

    public IEnumerable<(string Name, RateLimitRule Rule)> All =>
    [
        (nameof(SignIn), SignIn), (nameof(SignInPerAccount), SignInPerAccount), (nameof(TwoFactor), TwoFactor),
        (nameof(Registration), Registration), (nameof(PasswordLinks), PasswordLinks), (nameof(OpenData), OpenData),
        (nameof(Downloads), Downloads),
    ];
}

/// <summary><see cref="PermitLimit"/> requests per <see cref="WindowSeconds"/> seconds.</summary>
public sealed class RateLimitRule
{
    public RateLimitRule()
    {
    }

    public RateLimitRule(int permitLimit, int windowSeconds)
    {
        PermitLimit = permitLimit;
        WindowSeconds = windowSeconds;
    }

    public int PermitLimit { get; set; }

    public int WindowSeconds { get; set; }

    public bool IsValid => PermitLimit > 0 && WindowSeconds > 0;

    public TimeSpan Window => TimeSpan.FromSeconds(WindowSeconds);
}
