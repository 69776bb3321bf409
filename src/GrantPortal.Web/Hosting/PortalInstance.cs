namespace GrantPortal.Web.Hosting;

/// <summary>
/// The name this instance gives itself behind a load balancer: <c>Hosting:InstanceName</c>, or the machine's name
/// and the process id. Every response carries it in <see cref="HeaderName"/>, so an operator (or the scale-out
/// check) can tell which instance answered, and Hangfire's server list shows the same name.
/// </summary>
public sealed class PortalInstance(string name)
{
    public const string HeaderName = "X-GrantPortal-Instance";

    public string Name { get; } = name;

    public static PortalInstance FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration["Hosting:InstanceName"];
        return new PortalInstance(string.IsNullOrWhiteSpace(configured)
            ? string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}-{Environment.ProcessId}")
            : configured.Trim());
    }
}

public static class PortalInstanceHosting
{
    /// <summary>Set when the response starts, so error pages and redirects carry the name too.</summary>
    public static IApplicationBuilder UsePortalInstance(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var name = app.ApplicationServices.GetRequiredService<PortalInstance>().Name;
        return app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers[PortalInstance.HeaderName] = name;
                return Task.CompletedTask;
            });
            return next(context);
        });
    }
}
