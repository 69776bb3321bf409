namespace GrantPortal.IntegrationTests.Infrastructure;

/// <summary>
/// Runs the same test bodies on SQLite and on PostgreSQL. Put the [Fact]s in an abstract class derived
/// from this one, then add two sealed subclasses that only say where the database comes from:
/// <code>
/// public abstract class ConcurrencyTests : ProviderTest { [Fact] public async Task Stale_save_is_refused() { … Host … } }
/// public sealed class ConcurrencyTests_on_Sqlite : ConcurrencyTests
/// {
///     protected override Task&lt;PortalTestHost&gt; StartHostAsync() => PortalTestHost.StartSqliteAsync();
/// }
/// [Collection(PostgresCollection.Name)]
/// public sealed class ConcurrencyTests_on_PostgreSql(PostgresCluster cluster) : ConcurrencyTests
/// {
///     protected override Task&lt;PortalTestHost&gt; StartHostAsync() => PortalTestHost.StartPostgreSqlAsync(cluster);
/// }
/// </code>
/// Each test gets its own freshly migrated database, so tests never see each other's rows.
/// The test runner shows the provider in the class name: ConcurrencyTests_on_PostgreSql.Stale_save_is_refused.
/// </summary>
public abstract class ProviderTest : IAsyncLifetime
{
    private PortalTestHost? host;

    protected PortalTestHost Host => host ?? throw new InvalidOperationException("The host starts in InitializeAsync.");

    public async Task InitializeAsync() => host = await StartHostAsync();

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }

    protected abstract Task<PortalTestHost> StartHostAsync();
}
