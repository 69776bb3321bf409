namespace GrantPortal.Core.Data;

/// <summary>
/// The one way Core changes money, deadlines and other shared totals: in a transaction, under the provider's
/// execution strategy (so a transient failure on SQL Server or PostgreSQL replays the whole unit), holding a write
/// lock on the rows that guard the total. Two officers awarding from one call at the same moment are serialized
/// on the call's row; the second reads what the first committed.
/// </summary>
public static class LockedTransactions
{
    /// <summary>
    /// Runs <paramref name="work"/> in one transaction after locking <paramref name="locks"/> in the order given.
    /// The transaction commits unless the work answers with a failed <see cref="IUseCaseResult"/> (or throws): a refusal
    /// leaves nothing behind. The change tracker starts empty on every attempt, so a replay never sees the
    /// entities of a failed one.
    /// </summary>
    public static Task<T> InTransactionAsync<T>(this PortalDbContext db, IEnumerable<RowLock> locks, Func<Task<T>> work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(locks);
        ArgumentNullException.ThrowIfNull(work);
        var ordered = locks.ToList();
        var strategy = db.Database.CreateExecutionStrategy();
        return strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            foreach (var rowLock in ordered)
            {
                await rowLock.AcquireAsync(db, ct);
            }

            var result = await work();
            if (result is not IUseCaseResult { Succeeded: false })
            {
                await transaction.CommitAsync(ct);
            }

            return result;
        });
    }

    /// <summary>Runs <paramref name="work"/> in one transaction with no row lock (the rows it changes are its guard).</summary>
    public static Task<T> InTransactionAsync<T>(this PortalDbContext db, Func<Task<T>> work, CancellationToken ct) =>
        db.InTransactionAsync([], work, ct);

    /// <summary>Runs <paramref name="work"/> in one transaction holding the write lock of one versioned row.</summary>
    public static Task<T> InTransactionAsync<T>(this PortalDbContext db, RowLock rowLock, Func<Task<T>> work, CancellationToken ct) =>
        db.InTransactionAsync([rowLock], work, ct);

    /// <summary>
    /// Takes the write lock of one versioned row for the rest of the transaction by rewriting its version with
    /// itself: every provider locks a row it updates, and the value does not change. False when the row does not exist.
    /// </summary>
    public static async Task<bool> LockRowAsync<TEntity>(this PortalDbContext db, int id, CancellationToken ct)
        where TEntity : class, IVersioned
    {
        ArgumentNullException.ThrowIfNull(db);
        var updated = await db.Set<TEntity>()
            .Where(e => EF.Property<int>(e, "Id") == id)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Version, e => e.Version), ct);
        return updated > 0;
    }
}

/// <summary>A versioned row whose write lock a unit of work holds, e.g. <c>RowLock.On&lt;Call&gt;(callId)</c>.</summary>
public sealed class RowLock
{
    private readonly Func<PortalDbContext, CancellationToken, Task<bool>> acquire;

    private RowLock(string entity, int id, Func<PortalDbContext, CancellationToken, Task<bool>> acquire)
    {
        Entity = entity;
        Id = id;
        this.acquire = acquire;
    }

    public string Entity { get; }

    public int Id { get; }

    public static RowLock On<TEntity>(int id)
        where TEntity : class, IVersioned =>
        new(typeof(TEntity).Name, id, (db, ct) => db.LockRowAsync<TEntity>(id, ct));

    internal Task<bool> AcquireAsync(PortalDbContext db, CancellationToken ct) => acquire(db, ct);

    public override string ToString() => $"{Entity} {Id}";
}
