namespace GrantPortal.Core.Auditing;

/// <summary>How the chain was found: intact, or where it breaks and why.</summary>
public enum AuditBreak
{
    None,

    /// <summary>The event's content or hash is not what was sealed: changed after it was recorded.</summary>
    Changed,

    /// <summary>The event before this one in the chain is gone: deleted.</summary>
    PredecessorMissing,

    /// <summary>The chain stops short of its head: its last events were deleted.</summary>
    EndMissing,
}

/// <summary>
/// The verification's answer. Intact: <see cref="ThroughEventId"/> is the last event checked. Broken:
/// <see cref="EventId"/> names the first event that does not match (for <see cref="AuditBreak.EndMissing"/>, the
/// last event the head says was sealed).
/// </summary>
public sealed record AuditVerification(AuditBreak Break, long CheckedEvents, long ThroughEventId, long EventId, int NewlySealed)
{
    public bool Intact => Break == AuditBreak.None;

    /// <summary>The answer in words, in the reader's language.</summary>
    public string Describe(IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return Break switch
        {
            AuditBreak.None => localizer["Audit_Chain_Intact", ThroughEventId, CheckedEvents],
            AuditBreak.Changed => localizer["Audit_Chain_Changed", EventId],
            AuditBreak.PredecessorMissing => localizer["Audit_Chain_PredecessorMissing", EventId],
            _ => localizer["Audit_Chain_EndMissing", EventId],
        };
    }
}

/// <summary>
/// Walks the whole chain in order, recomputing every hash from the previous one, and names the first event that
/// does not match. Events committed but not yet sealed are sealed first, so the answer covers the trail as it stands.
/// Administrators only (the walk reads every event).
/// </summary>
public sealed class AuditVerifier(IDbContextFactory<PortalDbContext> dbFactory, AuditSealer sealer)
{
    public async Task<AuditVerification?> VerifyAsync(CurrentUser user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsIn(Roles.Administrator) ? await VerifyAsync(ct) : null;
    }

    /// <summary>The operator's check (<c>verify-audit</c>): no person, the whole database.</summary>
    public async Task<AuditVerification> VerifyAsync(CancellationToken ct = default)
    {
        var newlySealed = await sealer.SealAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var head = await db.AuditChainHeads.AsNoTracking().SingleAsync(h => h.Id == AuditChainHead.SingleId, ct);
        var hash = AuditChain.Genesis;
        long position = 0;
        long lastId = 0;
        var events = db.AuditEvents.AsNoTracking().Where(e => e.ChainPosition != null).OrderBy(e => e.ChainPosition).AsAsyncEnumerable();
        await foreach (var e in events.WithCancellation(ct))
        {
            if (e.ChainPosition != position + 1)
            {
                return new AuditVerification(AuditBreak.PredecessorMissing, position, lastId, e.Id, newlySealed);
            }

            var expected = AuditChain.Hash(hash, position + 1, e);
            if (!string.Equals(expected, e.ChainHash, StringComparison.Ordinal))
            {
                return new AuditVerification(AuditBreak.Changed, position, lastId, e.Id, newlySealed);
            }

            position++;
            hash = expected;
            lastId = e.Id;
        }

        return position == head.Position && string.Equals(hash, head.Hash, StringComparison.Ordinal)
            ? new AuditVerification(AuditBreak.None, position, lastId, lastId, newlySealed)
            : new AuditVerification(AuditBreak.EndMissing, position, lastId, head.LastEventId, newlySealed);
    }
}
