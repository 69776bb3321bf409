using GrantPortal.Core.Data;
using GrantPortal.Core.Privacy;
using Hangfire;
using Hangfire.Dashboard;
using Hangfire.PostgreSql;
using Microsoft.Extensions.Options;

namespace GrantPortal.Web.Hosting;

public static class Jobs
{
    /// <summary>
    /// Hangfire keeps its jobs where the portal keeps its data: in memory for the embedded SQLite default
    /// (one instance, nothing to share), in the production database otherwise so that several instances share one queue.
    /// </summary>
    public static IServiceCollection AddPortalJobs(this IServiceCollection services)
    {
        services.AddHangfire((serviceProvider, configuration) =>
        {
            configuration.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            var database = serviceProvider.GetRequiredService<PortalDatabaseSettings>();
            switch (database.Provider)
            {
                case DatabaseProvider.SqlServer:
                    configuration.UseSqlServerStorage(database.ConnectionString);
                    break;
                case DatabaseProvider.PostgreSql:
                    configuration.UsePostgreSqlStorage(options => options.UseNpgsqlConnection(database.ConnectionString));
                    break;
                default:
                    configuration.UseInMemoryStorage();
                    break;
            }
        });
        services.AddHangfireServer(options => options.WorkerCount = Math.Max(2, Environment.ProcessorCount));
        services.AddHostedService<RecurringJobSchedule>();
        services.AddSingleton<IOutboxSignal, OutboxJobSignal>();
        return services;
    }

    public static IEndpointRouteBuilder MapPortalJobsDashboard(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new AdministratorsOnly()],
            AppPath = "/admin",
            DisplayStorageConnectionString = false,
            DashboardTitle = "GrantPortal jobs",
        }).RequireAuthorization(Roles.Administrator);
        return endpoints;
    }

    /// <summary>
    /// Puts the reminder pass (<c>Reminders:Cron</c>), the outbox pass (<c>Outbox:Cron</c>) and the retention pass
    /// (<c>Privacy:Cron</c>) on their crons, in Seoul
    /// time, when the portal starts, not when a verb runs, so <c>migrate</c> never touches job storage. Every
    /// instance does it; Hangfire keeps one schedule.
    /// </summary>
    private sealed class RecurringJobSchedule(IRecurringJobManager jobs, IOptions<ReminderOptions> reminders, IOptions<OutboxOptions> outbox, IOptions<PrivacyOptions> privacy) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            var seoul = new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul") };
            jobs.AddOrUpdate<ReminderJob>(ReminderJob.RecurringId, job => job.RunAsync(CancellationToken.None), reminders.Value.Cron, seoul);
            jobs.AddOrUpdate<OutboxJob>(OutboxJob.RecurringId, job => job.RunAsync(CancellationToken.None), outbox.Value.Cron, seoul);
            jobs.AddOrUpdate<RetentionJob>(RetentionJob.RecurringId, job => job.RunAsync(CancellationToken.None), privacy.Value.Cron, seoul);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>
    /// A commit that queued mail starts an outbox pass as a job, so the mail leaves within seconds and never in the
    /// person's request. The job client is looked up when first needed: a verb such as <c>migrate</c> builds database
    /// contexts, and must not open job storage for that.
    /// </summary>
    private sealed class OutboxJobSignal(IServiceProvider services) : IOutboxSignal
    {
        public Task MailQueuedAsync(CancellationToken ct)
        {
            services.GetRequiredService<IBackgroundJobClient>().Enqueue<OutboxJob>(job => job.RunAsync(CancellationToken.None));
            return Task.CompletedTask;
        }
    }

    /// <summary>The endpoint already demands the role; this keeps Hangfire from admitting anyone else on its own terms.</summary>
    private sealed class AdministratorsOnly : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(Roles.Administrator);
    }
}
