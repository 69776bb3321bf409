using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace GrantPortal.Web.Hosting;

/// <summary>
/// ASP.NET Core's rate limiter, with one named policy per thing a guesser or a scraper would repeat. Form pages count
/// only their posts (reading the page is free), per client address; sign-in also counts per email address, wherever
/// the posts come from. The client address is the connection's, which the forwarded-headers middleware has already
/// replaced with the proxy's <c>X-Forwarded-For</c> when <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED</c> is set.
/// Limits come from <see cref="RateLimitOptions"/>; over one, <see cref="TooManyRequests"/> answers 429.
/// </summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string TwoFactor = "two-factor";
    public const string Registration = "registration";
    public const string PasswordLinks = "password-links";
    public const string OpenData = "open-data";
    public const string Downloads = "downloads";

    /// <summary>
    /// The pages each policy guards, by route. Matching by route rather than by an attribute on the page means a page
    /// that is added later at one of these routes (the two-factor pages) is guarded from its first request.
    /// </summary>
    private static readonly Dictionary<string, string> Pages = new(StringComparer.OrdinalIgnoreCase)
    {
        ["/Account/Login"] = SignIn,
        ["/Account/LoginWith2fa"] = TwoFactor,
        ["/Account/LoginWithRecoveryCode"] = TwoFactor,
        ["/Account/Register"] = Registration,
        ["/Account/ForgotPassword"] = PasswordLinks,
        ["/Account/SetPassword"] = PasswordLinks,
    };

    /// <summary>The sign-in form's email field, and where its normalized value waits for the per-account limiter.</summary>
    private const string EmailField = "Input.Email";

    private const string SignInEmailItem = "GrantPortal.RateLimits.SignInEmail";

    public static IServiceCollection AddPortalRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section)
            .Validate(options => options.All.All(p => p.Rule.IsValid), "Every RateLimits:<Policy> needs a PermitLimit and a WindowSeconds above 0.")
            .ValidateOnStart();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = TooManyRequests.WriteAsync;
            options.AddPolicy(SignIn, context => FormPosts(context, o => o.SignIn));
            options.AddPolicy(TwoFactor, context => FormPosts(context, o => o.TwoFactor));
            options.AddPolicy(Registration, context => FormPosts(context, o => o.Registration));
            options.AddPolicy(PasswordLinks, context => FormPosts(context, o => o.PasswordLinks));
            options.AddPolicy(OpenData, context => Fixed(context, ClientAddress(context), o => o.OpenData));

            // A signed-in person is counted as themselves, so colleagues behind one office address do not share a budget.
            options.AddPolicy(Downloads, context => Fixed(
                context,
                context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId ? $"user {userId}" : ClientAddress(context),
                o => o.Downloads));

            // The per-account count runs alongside the endpoint's per-address policy: both must admit a sign-in post.
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.Items.TryGetValue(SignInEmailItem, out var item) && item is string email
                    ? Fixed(context, email, o => o.SignInPerAccount)
                    : RateLimitPartition.GetNoLimiter(""));
        });
        return services;
    }

    /// <summary>After routing, localization and authentication, so a refusal knows the page, the language and the person.</summary>
    public static IApplicationBuilder UsePortalRateLimits(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // The limiter decides synchronously, so the sign-in form is read here first; ASP.NET Core keeps the parsed form for the page.
        app.Use(async (context, next) =>
        {
            if (HttpMethods.IsPost(context.Request.Method) && context.Request.HasFormContentType
                && context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == SignIn)
            {
                try
                {
                    var form = await context.Request.ReadFormAsync(context.RequestAborted);
                    var email = form[EmailField].ToString().Trim();
                    if (email.Length > 0)
                    {
                        context.Items[SignInEmailItem] = email.ToUpperInvariant();
                    }
                }
                catch (InvalidDataException)
                {
                    // A malformed form is the antiforgery check's to refuse, not the limiter's.
                }
            }

            await next(context);
        });
        return app.UseRateLimiter();
    }

    /// <summary>Puts each guarded page under its policy (see <see cref="Pages"/>).</summary>
    public static RazorComponentsEndpointConventionBuilder WithPortalRateLimits(this RazorComponentsEndpointConventionBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Add(endpoint =>
        {
            if (endpoint is RouteEndpointBuilder { RoutePattern.RawText: { } route } && Pages.TryGetValue("/" + route.TrimStart('/'), out var policy))
            {
                endpoint.Metadata.Add(new EnableRateLimitingAttribute(policy));
            }
        });
        return builder;
    }

    /// <summary>
    /// The address a client is counted under. IPv6 counts by /64, the block one household or office is handed,
    /// or a single machine could take a fresh address for every try.
    /// </summary>
    public static string ClientAddress(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new IPAddress(bytes)}/64";
    }

    private static RateLimitPartition<string> FormPosts(HttpContext context, Func<RateLimitOptions, RateLimitRule> rule) =>
        HttpMethods.IsPost(context.Request.Method)
            ? Fixed(context, ClientAddress(context), rule)
            : RateLimitPartition.GetNoLimiter("");

    /// <summary>A fixed window per key, without a queue: a request over the limit is refused at once, not held.</summary>
    private static RateLimitPartition<string> Fixed(HttpContext context, string key, Func<RateLimitOptions, RateLimitRule> pick)
    {
        var rule = pick(context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value);
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = rule.PermitLimit,
            Window = rule.Window,
            QueueLimit = 0,
        });
    }
}
