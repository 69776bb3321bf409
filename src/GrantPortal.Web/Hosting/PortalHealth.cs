using System.ComponentModel.DataAnnotations;
using GrantPortal.Core.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using NodaTime;

namespace GrantPortal.Web.Hosting;

/// <summary>How often the anonymous <c>/health</c> answer may run the checks.</summary>
public sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>The anonymous answer is at most this old; a probe every few seconds costs one database query and SMTP connection per period.</summary>
    [Range(1, 3600)]
    public int AnonymousCacheSeconds { get; set; } = 30;
}

/// <summary>
/// The status word everyone may read, computed at most once per <see cref="HealthOptions.AnonymousCacheSeconds"/>:
/// each check opens a database query or an SMTP connection, and an anonymous caller must not be able to make the
/// portal do that at will. Requests that arrive while the checks run wait for that one run instead of starting more.
/// </summary>
public sealed class CachedHealthStatus(HealthCheckService checks, IClock clock, IOptions<HealthOptions> options) : IDisposable
{
    private readonly SemaphoreSlim refreshing = new(1, 1);
    private Snapshot? last;

    public async Task<HealthStatus> StatusAsync(CancellationToken ct)
    {
        if (Fresh() is { } status)
        {
            return status;
        }

        await refreshing.WaitAsync(ct);
        try
        {
            if (Fresh() is { } meanwhile)
            {
                return meanwhile;
            }

            var report = await checks.CheckHealthAsync(ct);
            Remember(report);
            return report.Status;
        }
        finally
        {
            refreshing.Release();
        }
    }

    /// <summary>A report an administrator's request ran anyway is the freshest there is.</summary>
    public void Remember(HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        Volatile.Write(ref last, new Snapshot(report.Status, clock.GetCurrentInstant()));
    }

    public void Dispose() => refreshing.Dispose();

    private HealthStatus? Fresh() =>
        Volatile.Read(ref last) is { } snapshot && clock.GetCurrentInstant() - snapshot.At < Duration.FromSeconds(options.Value.AnonymousCacheSeconds)
            ? snapshot.Status
            : null;

    private sealed record Snapshot(HealthStatus Status, Instant At);
}

public static class PortalHealth
{
    /// <summary>The database check (here, where the web host knows its context) plus the cache; the SMTP check comes with <c>AddPortalMail</c>.</summary>
    public static IServiceCollection AddPortalHealth(this IServiceCollection services)
    {
        services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHealthChecks().AddDbContextCheck<PortalDbContext>("database");
        services.AddSingleton<CachedHealthStatus>();
        return services;
    }

    /// <summary>
    /// <c>GET /health</c>: the cached status word (200, or 503 when unhealthy) for load balancers and everyone else; a
    /// signed-in administrator gets every check run now, as JSON with each check's status, time taken and error.
    /// </summary>
    public static IEndpointRouteBuilder MapPortalHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health", async (HttpContext http, CachedHealthStatus cached, HealthCheckService checks, CancellationToken ct) =>
        {
            http.Response.Headers.CacheControl = "no-store";
            if (http.User.IsInRole(Roles.Administrator))
            {
                var report = await checks.CheckHealthAsync(ct);
                cached.Remember(report);
                return Results.Json(Details(report), statusCode: StatusCodeOf(report.Status));
            }

            var status = await cached.StatusAsync(ct);
            return Results.Text(status.ToString(), "text/plain", statusCode: StatusCodeOf(status));
        });
        return endpoints;
    }

    private static int StatusCodeOf(HealthStatus status) =>
        status == HealthStatus.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;

    private static object Details(HealthReport report) => new
    {
        Status = report.Status.ToString(),
        DurationMs = Math.Round(report.TotalDuration.TotalMilliseconds),
        Checks = report.Entries.Select(e => new
        {
            Name = e.Key,
            Status = e.Value.Status.ToString(),
            e.Value.Description,
            DurationMs = Math.Round(e.Value.Duration.TotalMilliseconds),
            Error = e.Value.Exception?.Message,
        }),
    };
}
