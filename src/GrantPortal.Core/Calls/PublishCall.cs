namespace GrantPortal.Core.Calls;

/// <summary>
/// A program officer publishes a call (anyone may then read it, and organizations apply while it is open) or takes
/// it back off the public list. Both are audited. Anyone else is told the call does not exist.
/// </summary>
public sealed class PublishCall(
    IDbContextFactory<PortalDbContext> dbFactory,
    IClock clock,
    IStringLocalizer<Strings> localizer,
    ILogger<PublishCall> logger)
{
    public Task<Result> PublishAsync(CurrentUser user, int id, int expectedVersion, CancellationToken ct) =>
        ChangePublicationAsync(user, id, expectedVersion, publish: true, ct);

    public Task<Result> UnpublishAsync(CurrentUser user, int id, int expectedVersion, CancellationToken ct) =>
        ChangePublicationAsync(user, id, expectedVersion, publish: false, ct);

    private async Task<Result> ChangePublicationAsync(CurrentUser user, int id, int expectedVersion, bool publish, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var call = CallPlanning.IsOfficer(user) ? await db.Calls.SingleOrDefaultAsync(c => c.Id == id, ct) : null;
        if (call is null)
        {
            return Result.NotFound();
        }

        if (call.Version != expectedVersion)
        {
            return Result.Conflict(localizer["Error_Concurrency"]);
        }

        var before = JsonSerializer.Serialize(new { call.IsPublished, call.PublishedAt });
        if (publish)
        {
            call.Publish(now);
        }
        else
        {
            call.Unpublish();
        }

        db.AuditEvents.Add(AuditEvent.Record(
            now,
            user.AsActor(),
            publish ? "call.published" : "call.unpublished",
            nameof(Call),
            id.ToString(CultureInfo.InvariantCulture),
            before,
            JsonSerializer.Serialize(new { call.IsPublished, call.PublishedAt })));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Conflict(localizer["Error_Concurrency"]);
        }

        logger.LogInformation("Call {CallId} {Action} by {UserId}", id, publish ? "published" : "unpublished", user.UserId);
        return Result.Done();
    }
}
