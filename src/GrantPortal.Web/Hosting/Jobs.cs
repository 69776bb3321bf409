using GrantPortal.Core.Data;
using GrantPortal.Core.Privacy;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Dashboard;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.SqlServer;
using Microsoft.Extensions.Options;

namespace GrantPortal.Web.Hosting;

public static class Jobs
{
    /// <summary>
    /// Hangfire keeps its jobs where the portal keeps its data: in memory for the embedded SQLite default
    /// (one instance, nothing to share), in the production database otherwise so that several instances share one queue.
    /// </summary>
    /// <param name="instanceName">The server's name in the jobs dashboard: <see cref="PortalInstance.Name"/>.</param>
    public static IServiceCollection AddPortalJobs(this IServiceCollection services, string instanceName)
    {
        // Hangfire keeps its storage and job activator in statics (JobStorage.Current, JobActivator.Current) and its
        // container registrations read them back. With two portals in one process (the browser tests' second
        // server) the second would take over the first one's jobs, and stopping it would dispose the first one's
        // storage. Registered here first, each container keeps its own: Hangfire only adds its own when none is.
        services.AddSingleton<JobStorage>(serviceProvider =>
        {
            // The serializer settings below apply before any job is stored.
            serviceProvider.GetRequiredService<IGlobalConfiguration>();
            var database = serviceProvider.GetRequiredService<PortalDatabaseSettings>();
            return database.Provider switch
            {
                DatabaseProvider.SqlServer => new SqlServerStorage(database.ConnectionString),
                DatabaseProvider.PostgreSql => new PostgreSqlStorage(new NpgsqlConnectionFactory(database.ConnectionString, new PostgreSqlStorageOptions())),
                _ => new InMemoryStorage(),
            };
        });
        services.AddSingleton<JobActivator>(serviceProvider => new AspNetCoreJobActivator(serviceProvider.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire(configuration => configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        services.AddHangfireServer(options =>
        {
            options.WorkerCount = Math.Max(2, Environment.ProcessorCount);
            options.ServerName = instanceName;
        });
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
