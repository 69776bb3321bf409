namespace GrantPortal.Core.Auditing;

/// <summary>
/// Seals committed events into the chain, oldest id first, in batches, each batch in one transaction holding the
/// head's write lock. The web host runs it moments after every commit that recorded events and once a minute; the
/// verifier runs it first. An event is exposed to an undetected raw edit only in the moment before it is sealed.
/// </summary>
public sealed class AuditSealer(IDbContextFactory<PortalDbContext> dbFactory)
{
    private const int BatchSize = 500;

    /// <summary>Seals every event committed so far; the value is how many.</summary>
    public async Task<int> SealAsync(CancellationToken ct = default)
    {
        var total = 0;
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var count = await db.InTransactionAsync(RowLock.On<AuditChainHead>(AuditChainHead.SingleId), () => SealBatchAsync(db, ct), ct);
            total += count;
            if (count < BatchSize)
            {
                return total;
            }
        }
    }

    private static async Task<int> SealBatchAsync(PortalDbContext db, CancellationToken ct)
    {
        var head = await db.AuditChainHeads.AsNoTracking().SingleAsync(h => h.Id == AuditChainHead.SingleId, ct);
        var pending = await db.AuditEvents.AsNoTracking().Where(e => e.ChainPosition == null).OrderBy(e => e.Id).Take(BatchSize).ToListAsync(ct);
        var position = head.Position;
        var hash = head.Hash;
        foreach (var e in pending)
        {
            var next = position + 1;
            var nextHash = AuditChain.Hash(hash, next, e);

            // The change tracker refuses to modify an event (append-only); sealing writes only the two chain columns of an unsealed row.
            await db.AuditEvents.Where(x => x.Id == e.Id && x.ChainPosition == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ChainPosition, next).SetProperty(x => x.ChainHash, nextHash), ct);
            position = next;
            hash = nextHash;
        }

        if (pending.Count > 0)
        {
            var lastId = pending[^1].Id;
            await db.AuditChainHeads.Where(h => h.Id == AuditChainHead.SingleId)
                .ExecuteUpdateAsync(s => s.SetProperty(h => h.Position, position).SetProperty(h => h.Hash, hash).SetProperty(h => h.LastEventId, lastId), ct);
        }

        return pending.Count;
    }
}
