using Hangfire;

namespace GrantPortal.Core.Privacy;

/// <summary>
/// The Hangfire job: a thin shell over <see cref="PersonalDataRetention"/>, on <c>Privacy:Cron</c>. Passes do not
/// overlap on one job storage; if they did, the second would find nothing left to do.
/// </summary>
public sealed class RetentionJob(PersonalDataRetention retention)
{
    public const string RecurringId = "apply-retention";

    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task RunAsync(CancellationToken ct) => await retention.RunAsync(ct);
}
