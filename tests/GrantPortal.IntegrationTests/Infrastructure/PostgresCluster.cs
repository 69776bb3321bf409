using GrantPortal.Testing;

namespace GrantPortal.IntegrationTests.Infrastructure;

/// <summary>The throwaway cluster as an xunit fixture: started before the first test of the collection, stopped after the last.</summary>
public sealed class PostgresCluster : ThrowawayPostgres, IAsyncLifetime
{
    public Task InitializeAsync() => StartAsync();

    public Task DisposeAsync() => StopAsync();
}

/// <summary>One PostgreSQL cluster for the whole test run, shared by every class in this collection.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresCluster>
{
    public const string Name = "postgres";
}
