using GrantPortal.Core.Notifications;
using GrantPortal.IntegrationTests.Infrastructure;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using netDumbster.smtp;
using Npgsql;

namespace GrantPortal.IntegrationTests.Notifications;

/// <summary>
/// Two portal instances: two Hangfire servers, each with its own reminder service and SMTP connections,
/// sharing one PostgreSQL job storage and one portal database, as in production.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ReminderJobTests_on_PostgreSql(PostgresCluster cluster) : IAsyncLifetime
{
    private PortalTestHost? host;

    private PortalTestHost Host => host ?? throw new InvalidOperationException("The host starts in InitializeAsync.");

    public async Task InitializeAsync() => host = await PortalTestHost.StartPostgreSqlAsync(cluster);

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }

    [Fact]
    public async Task Two_Hangfire_servers_on_one_PostgreSQL_storage_send_no_duplicates()
    {
        await ReminderScenario.CreateAsync(Host);
        using var smtp = SimpleSmtpServer.Start(Loopback.FreePort());
        string connectionString;
        await using (var db = await Host.CreateDbContextAsync())
        {
            connectionString = db.Database.GetConnectionString()!;
        }

        var options = new PostgreSqlStorageOptions { QueuePollInterval = TimeSpan.FromMilliseconds(100), PrepareSchemaIfNecessary = true };
        var storage = new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
        var portalA = new InstanceActivator(ReminderScenario.Reminders(Host, smtp.Configuration.Port));
        var portalB = new InstanceActivator(ReminderScenario.Reminders(Host, smtp.Configuration.Port));
        using (var serverA = new BackgroundJobServer(ServerOptions("portal-a", portalA), storage))
        using (var serverB = new BackgroundJobServer(ServerOptions("portal-b", portalB), storage))
        {
            await WaitUntilAsync(() => storage.GetMonitoringApi().Servers().Count == 2);
            var client = new BackgroundJobClient(storage);

            // A retried job, a "send now" beside the schedule, and both instances picking up work at once.
            var jobs = Enumerable.Range(0, 6).Select(_ => client.Enqueue<ReminderJob>(job => job.RunAsync(CancellationToken.None))).ToList();

            await WaitUntilAsync(() =>
            {
                using var connection = storage.GetConnection();
                return jobs.All(id => connection.GetStateData(id)?.Name == SucceededState.StateName);
            });
        }

        Assert.Equal(6, portalA.Activations + portalB.Activations);
        Assert.Equal(4, smtp.ReceivedEmailCount);
        Assert.Equal(4, ReminderScenario.Parse(smtp).Select(m => m.To.Mailboxes.Single().Address).Distinct().Count());
        await using var after = await Host.CreateDbContextAsync();
        var deliveries = await after.ReminderDeliveries.ToListAsync();
        Assert.Equal(5, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal((DeliveryStatus.Sent, 1), (d.Status, d.Attempts)));
    }

    [Fact]
    public async Task Two_Hangfire_servers_turn_each_recurring_occurrence_into_one_job()
    {
        string connectionString;
        await using (var db = await Host.CreateDbContextAsync())
        {
            connectionString = db.Database.GetConnectionString()!;
        }

        var options = new PostgreSqlStorageOptions { QueuePollInterval = TimeSpan.FromMilliseconds(100), PrepareSchemaIfNecessary = true };
        var storage = new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);

        // Every instance registers the schedule when it starts (Jobs.RecurringJobSchedule); here both at once.
        await Task.WhenAll(
            Task.Run(() => new RecurringJobManager(storage).AddOrUpdate("tick", () => Tick.Run(), "* * * * * *")),
            Task.Run(() => new RecurringJobManager(storage).AddOrUpdate("tick", () => Tick.Run(), "* * * * * *")));

        // Both schedulers look for due occurrences five times a second, so they meet on every one.
        using (var serverA = new BackgroundJobServer(SchedulingOptions("portal-a"), storage))
        using (var serverB = new BackgroundJobServer(SchedulingOptions("portal-b"), storage))
        {
            await Task.Delay(TimeSpan.FromSeconds(8));
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var occurrences = await CountAsync(connection, """
            SELECT count(*) FROM hangfire.jobparameter r
            JOIN hangfire.jobparameter t ON t.jobid = r.jobid AND t.name = 'Time'
            WHERE r.name = 'RecurringJobId' AND trim(both '"' from r.value) = 'tick'
            """);
        var scheduledTwice = await CountAsync(connection, """
            SELECT count(*) FROM (
                SELECT t.value FROM hangfire.jobparameter r
                JOIN hangfire.jobparameter t ON t.jobid = r.jobid AND t.name = 'Time'
                WHERE r.name = 'RecurringJobId' AND trim(both '"' from r.value) = 'tick'
                GROUP BY t.value HAVING count(*) > 1) twice
            """);

        Assert.InRange(occurrences, 2, 10);
        Assert.Equal(0, scheduledTwice);
    }

    private static BackgroundJobServerOptions SchedulingOptions(string name) => new()
    {
        ServerName = name,
        WorkerCount = 1,
        SchedulePollingInterval = TimeSpan.FromMilliseconds(200),
        ShutdownTimeout = TimeSpan.FromSeconds(10),
    };

    private static async Task<long> CountAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static BackgroundJobServerOptions ServerOptions(string name, JobActivator activator) => new()
    {
        ServerName = name,
        WorkerCount = 3,
        Activator = activator,
        ShutdownTimeout = TimeSpan.FromSeconds(10),
    };

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Hangfire did not finish in 90 s.");
            await Task.Delay(100);
        }
    }

    /// <summary>A recurring job with nothing to do: the test counts the jobs its occurrences became.</summary>
    private static class Tick
    {
        public static void Run()
        {
        }
    }

    /// <summary>Each "instance" builds its jobs from its own services, as each portal process would.</summary>
    private sealed class InstanceActivator(ReminderService reminders) : JobActivator
    {
        private int activations;

        public int Activations => Volatile.Read(ref activations);

        public override object ActivateJob(Type jobType)
        {
            Interlocked.Increment(ref activations);
            return new ReminderJob(reminders);
        }
    }
}
