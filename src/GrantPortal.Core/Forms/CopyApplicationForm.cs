namespace GrantPortal.Core.Forms;

/// <summary>The form copied from an earlier call, and which call and version it came from.</summary>
public sealed record CopiedForm(int SourceCallId, int Year, string Code, int Number, FormDefinition Definition);

/// <summary>
/// A program officer copies the whole application form of an earlier call into this call's form builder.
/// <para>
/// The copy is an unsaved starting point, not a saved version: an officer who copies a form expects to look at it,
/// drop what does not fit the new call and preview it before applicants see anything, as with every other edit in
/// the builder. Saving a copy at once would put an unreviewed form in front of the applicants of a published call
/// and cost a version for a misclick. The save that follows is audited as <c>form.copied</c>, naming the source.
/// </para>
/// </summary>
public sealed class CopyApplicationForm(IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<Result<CopiedForm>> CopyAsync(CurrentUser user, int callId, int sourceCallId, CancellationToken ct)
    {
        if (!CallPlanning.IsOfficer(user) || callId == sourceCallId)
        {
            return Result.NotFound();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var calls = await db.Calls.AsNoTracking().Where(c => c.Id == callId || c.Id == sourceCallId)
            .Select(c => new { c.Id, c.BudgetYear!.Year, c.Code })
            .ToListAsync(ct);
        if (calls.Count != 2)
        {
            return Result.NotFound();
        }

        var source = calls.Single(c => c.Id == sourceCallId);
        var (number, definition) = CallFormVersions.Current(await CallFormVersions.ListAsync(db, sourceCallId, FormStage.Full, ct), FormStage.Full);
        return Result.Done(new CopiedForm(source.Id, source.Year, source.Code, number, definition));
    }
}
