using System.Threading.Channels;
using GrantPortal.Core.Auditing;

namespace GrantPortal.Web.Hosting;

/// <summary>
/// Seals audit events into the hash chain moments after the commit that recorded them, and once a minute whatever
/// happened (events written by a verb, a signal lost in a restart). Signals arriving during a pass fold into one next
/// pass, so a burst of submissions costs a few sealing transactions, not one each. Every instance runs it; sealers
/// take turns on the chain head's lock.
/// </summary>
public sealed class AuditSealing(AuditSealer sealer, ILogger<AuditSealing> logger) : BackgroundService, IAuditSealSignal
{
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(1);
    private readonly Channel<bool> signals = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public Task EventsRecordedAsync(CancellationToken ct)
    {
        signals.Writer.TryWrite(true);
        return Task.CompletedTask;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await sealer.SealAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed pass is retried by the next signal or the next minute; the events wait unsealed.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogWarning(ex, "Sealing audit events failed; the next pass retries");
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            timeout.CancelAfter(Period);
            try
            {
                await signals.Reader.ReadAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                // A minute without a signal: seal anyway.
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
