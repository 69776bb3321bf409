using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.SignalR;

namespace GrantPortal.Web.Hosting;

/// <summary>
/// How long and how much the server keeps for each open page (Blazor circuit), from the "Circuits" section.
/// docs/operations.md ("Circuits") and docs/decisions/0027 explain each value.
/// </summary>
public sealed class CircuitSettings
{
    public const string Section = "Circuits";

    /// <summary>A page whose connection dropped (network, laptop lid, a failed-over instance) may reconnect this long.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan DisconnectedRetention { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>At most this many dropped pages are kept for reconnection; the oldest goes first.</summary>
    [Range(0, 10_000)]
    public int DisconnectedMaxRetained { get; init; } = 100;

    /// <summary>Render batches a slow browser may leave unacknowledged before the server waits for it.</summary>
    [Range(1, 100)]
    public int MaxBufferedRenderBatches { get; init; } = 10;

    /// <summary>A call into the browser's JavaScript gives up after this long.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:10:00")]
    public TimeSpan JSInteropTimeout { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The largest message a browser may send (an event with a long answer in it).</summary>
    [Range(32 * 1024, 1024 * 1024)]
    public long MaximumReceiveMessageBytes { get; init; } = 64 * 1024;

    /// <summary>A browser silent this long is taken as gone. Blazor's script pings every 15 s and waits 30 s itself.</summary>
    [Range(typeof(TimeSpan), "00:00:20", "00:05:00")]
    public TimeSpan ClientTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The server pings this often so proxies keep the WebSocket open; half the browser's own 30 s timeout.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:01:00")]
    public TimeSpan KeepAlive { get; init; } = TimeSpan.FromSeconds(15);
}

public static class PortalCircuits
{
    /// <summary>Interactive server rendering with the circuit and hub limits of <see cref="CircuitSettings"/>.</summary>
    public static IServiceCollection AddPortalCircuits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CircuitSettings>().BindConfiguration(CircuitSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        var settings = configuration.GetSection(CircuitSettings.Section).Get<CircuitSettings>() ?? new CircuitSettings();
        services.AddRazorComponents()
            .AddInteractiveServerComponents(options =>
            {
                options.DisconnectedCircuitRetentionPeriod = settings.DisconnectedRetention;
                options.DisconnectedCircuitMaxRetained = settings.DisconnectedMaxRetained;
                options.MaxBufferedUnacknowledgedRenderBatches = settings.MaxBufferedRenderBatches;
                options.JSInteropDefaultCallTimeout = settings.JSInteropTimeout;
            })
            .AddHubOptions(options =>
            {
                options.MaximumReceiveMessageSize = settings.MaximumReceiveMessageBytes;
                options.ClientTimeoutInterval = settings.ClientTimeout;
                options.KeepAliveInterval = settings.KeepAlive;
            });
        return services;
    }
}
