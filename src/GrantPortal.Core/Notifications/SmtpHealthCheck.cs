using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace GrantPortal.Core.Notifications;

/// <summary>Healthy when the SMTP server accepts a connection and a NOOP, or when mail goes to the pickup directory.</summary>
public sealed class SmtpHealthCheck(IOptions<SmtpOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = options.Value;
        if (!settings.HasServer)
        {
            return HealthCheckResult.Healthy("not configured (pickup directory)");
        }

        try
        {
            using var client = await SmtpConnection.OpenAsync(settings, cancellationToken);
            await client.NoOpAsync(cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            return HealthCheckResult.Healthy($"{settings.Host}:{settings.Port} answers");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"{settings.Host}:{settings.Port} does not answer", ex);
        }
    }
}
