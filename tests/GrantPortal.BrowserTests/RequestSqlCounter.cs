using System.Collections.Concurrent;
using System.Data.Common;
using GrantPortal.Core.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace GrantPortal.BrowserTests;

/// <summary>
/// Counts the SQL commands of one HTTP request: a request that carries <see cref="Header"/> is counted, from the first
/// middleware until its response is written, under the header's value. The count travels with the request's own
/// async flow, so Hangfire's jobs, other visitors and the start-up seeding never add to it.
/// </summary>
public sealed class RequestSqlCounter : DbCommandInterceptor
{
    public const string Header = "X-Count-Sql";

    private static readonly AsyncLocal<Tally?> Current = new();

    private readonly ConcurrentDictionary<string, Tally> finished = new(StringComparer.Ordinal);

    /// <summary>Wires the counter into a portal: the interceptor on every context, the middleware first in the pipeline.</summary>
    public void AddTo(IServiceCollection services)
    {
        services.ConfigureDbContext<PortalDbContext>(options => options.AddInterceptors(this));
        services.AddSingleton<IStartupFilter>(new CountingStartup(this));
    }

    /// <summary>The commands and their text of the request tagged <paramref name="id"/>, once its pipeline has returned.</summary>
    public async Task<Tally> WaitForAsync(string id)
    {
        for (var i = 0; i < 100; i++)
        {
            if (finished.TryRemove(id, out var tally))
            {
                return tally;
            }

            // Kestrel may hand the client the end of the body just before the middleware's finally block runs.
            await Task.Delay(50);
        }

        throw new InvalidOperationException($"The request tagged {id} never finished on the server.");
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        base.ReaderExecuting(Count(command), eventData, result);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        base.ReaderExecutingAsync(Count(command), eventData, result, cancellationToken);

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
        base.ScalarExecuting(Count(command), eventData, result);

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
        base.ScalarExecutingAsync(Count(command), eventData, result, cancellationToken);

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        base.NonQueryExecuting(Count(command), eventData, result);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        base.NonQueryExecutingAsync(Count(command), eventData, result, cancellationToken);

    private static DbCommand Count(DbCommand command)
    {
        Current.Value?.Add(command.CommandText);
        return command;
    }

    /// <summary>The SQL a request sent, in order.</summary>
    public sealed class Tally
    {
        private readonly ConcurrentQueue<string> commands = new();

        public int Count => commands.Count;

        public IReadOnlyList<string> Commands => [.. commands];

        public void Add(string sql) => commands.Enqueue(sql);
    }

    private sealed class CountingStartup(RequestSqlCounter counter) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                if (!context.Request.Headers.TryGetValue(Header, out var id))
                {
                    await nextMiddleware();
                    return;
                }

                var tally = new Tally();
                Current.Value = tally;
                try
                {
                    await nextMiddleware();
                }
                finally
                {
                    Current.Value = null;
                    counter.finished[id.ToString()] = tally;
                }
            });
            next(app);
        };
    }
}
