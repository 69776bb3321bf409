using System.ComponentModel.DataAnnotations;
using GrantPortal.Core.Data;
using Microsoft.EntityFrameworkCore;
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

    /// <summary>
    /// <c>/health/ready</c> is at most this old: short, so a load balancer takes an instance out within seconds of
    /// losing its database, and still at most two queries per period however many probes arrive.
    /// </summary>
    [Range(1, 3600)]
    public int ReadyCacheSeconds { get; set; } = 5;
}

/// <summary>
/// The status word everyone may read, computed at most once per <see cref="HealthOptions.AnonymousCacheSeconds"/>:
/// each check opens a database query or an SMTP connection, and an anonymous caller must not be able to make the
/// portal do that at will. Requests that arrive while the checks run wait for that one run instead of starting more.
/// </summary>
public sealed class CachedHealthStatus(HealthCheckService checks, IClock clock, IOptions<HealthOptions> options)
    : HealthCache(ct => checks.CheckHealthAsync(ct), clock, () => Duration.FromSeconds(options.Value.AnonymousCacheSeconds));

/// <summary>
/// What <c>/health/ready</c> answers: the checks tagged <see cref="PortalHealth.ReadyTag"/> (the database answers, and
/// every migration this build knows is applied), cached for <see cref="HealthOptions.ReadyCacheSeconds"/>.
/// </summary>
public sealed class CachedReadiness(HealthCheckService checks, IClock clock, IOptions<HealthOptions> options)
    : HealthCache(ct => checks.CheckHealthAsync(r => r.Tags.Contains(PortalHealth.ReadyTag), ct), clock, () => Duration.FromSeconds(options.Value.ReadyCacheSeconds));

/// <summary>One run of some checks at a time, and its answer kept for a period.</summary>
public abstract class HealthCache(Func<CancellationToken, Task<HealthReport>> run, IClock clock, Func<Duration> period) : IDisposable
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

            var report = await run(ct);
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

    public void Dispose()
    {
        refreshing.Dispose();
        GC.SuppressFinalize(this);
    }

    private HealthStatus? Fresh() =>
        Volatile.Read(ref last) is { } snapshot && clock.GetCurrentInstant() - snapshot.At < period()
            ? snapshot.Status
            : null;

    private sealed record Snapshot(HealthStatus Status, Instant At);
}

public static class PortalHealth
{
    /// <summary>The tag of the checks <c>/health/ready</c> runs.</summary>
    public const string ReadyTag = "ready";

    /// <summary>
    /// The database and migrations checks (here, where the web host knows its context) plus the caches; the SMTP
    /// check comes with <c>AddPortalMail</c>.
    /// </summary>
    public static IServiceCollection AddPortalHealth(this IServiceCollection services)
    {
        services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHealthChecks()
            .AddDbContextCheck<PortalDbContext>("database", tags: [ReadyTag])
            .AddCheck<MigrationsApplied>("migrations", tags: [ReadyTag]);
        services.AddSingleton<CachedHealthStatus>();
        services.AddSingleton<CachedReadiness>();
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

        // Liveness: the process answers requests. No dependency is consulted, so a database outage never makes an
        // orchestrator restart every instance at once.
        endpoints.MapGet("/health/live", (HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "no-store";
            return Results.Text(nameof(HealthStatus.Healthy), "text/plain");
        });

        // Readiness: this instance may be given traffic. Not while it shuts down, so the balancer drains it first.
        endpoints.MapGet("/health/ready", async (HttpContext http, CachedReadiness readiness, IHostApplicationLifetime lifetime, CancellationToken ct) =>
        {
            http.Response.Headers.CacheControl = "no-store";
            if (lifetime.ApplicationStopping.IsCancellationRequested)
            {
                return Results.Text("Stopping", "text/plain", statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            var status = await readiness.StatusAsync(ct);
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

/// <summary>
/// Unhealthy while the database lacks a migration this build knows: an instance started before <c>migrate</c> ran
/// (or against the wrong database) would fail on its first query, so it must not be given traffic.
/// </summary>
public sealed class MigrationsApplied(IDbContextFactory<PortalDbContext> dbFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        return pending.Count == 0
            ? HealthCheckResult.Healthy("All migrations applied")
            : HealthCheckResult.Unhealthy(string.Create(CultureInfo.InvariantCulture, $"{pending.Count} migration(s) pending, the first {pending[0]}: run migrate"));
    }
}
