namespace GrantPortal.Core.Data;

/// <summary>
/// An entity guarded by an application-managed concurrency token. SQLite has no
/// database-generated row version, so <see cref="PortalDbContext"/> increments it on every update
/// and a save based on a stale version fails with <see cref="Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException"/>.
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}
