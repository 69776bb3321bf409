namespace GrantPortal.Core.Kernel;

/// <summary>How one selected record of a batch ended.</summary>
public enum BatchItemState
{
    /// <summary>The change is saved, with its own audit event.</summary>
    Done,

    /// <summary>Nothing needed doing: the record already was as asked (already verified, already assigned, ...).</summary>
    Skipped,

    /// <summary>The record's own rules refused it (a conflict of interest, a submitted review, ...); nothing of it changed.</summary>
    Failed,
}

/// <summary>One selected record of a batch: the name the officer knows it by and, unless done, why not.</summary>
public sealed record BatchItem(int Id, string Label, BatchItemState State, string? Reason);

/// <summary>
/// What a batch action did, record by record. A batch is never all-or-nothing: each record runs through the same use
/// case as when it is handled alone, in its own transaction with its own rules and audit event, so a record refused
/// by its rules leaves the others' changes saved ("2 verified, 1 skipped: already verified").
/// </summary>
public sealed record BatchSummary(IReadOnlyList<BatchItem> Items)
{
    public int Done => Count(BatchItemState.Done);

    public int Skipped => Count(BatchItemState.Skipped);

    public int Failed => Count(BatchItemState.Failed);

    /// <summary>The records not done, grouped by state and reason, skipped before failed, in the order first met.</summary>
    public IReadOnlyList<IGrouping<(BatchItemState State, string Reason), BatchItem>> NotDone =>
        Items.Where(i => i.State != BatchItemState.Done)
            .GroupBy(i => (i.State, i.Reason ?? ""))
            .OrderBy(g => g.Key.State)
            .ToList();

    private int Count(BatchItemState state) => Items.Count(i => i.State == state);
}

/// <summary>
/// The one way a batch runs: the selection is checked once (not empty, not too large, each id once), then each record
/// goes, one after another, through the per-record use case, and its answer becomes a line of the summary.
/// </summary>
public static class Batch
{
    /// <summary>More than the largest page of any list an officer selects from, and few enough to finish in one request.</summary>
    public const int MaxRecords = 200;

    /// <summary>Why the selection cannot run (nothing selected, too many), or null when it can.</summary>
    public static Result? Check(IEnumerable<int> ids, IStringLocalizer<Strings> localizer)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(localizer);
        var count = ids.Distinct().Count();
        return count switch
        {
            0 => Result.Invalid("Selection", localizer["Batch_NothingSelected"]),
            > MaxRecords => Result.Invalid("Selection", localizer["Batch_TooMany", MaxRecords]),
            _ => null,
        };
    }

    /// <summary>
    /// Runs <paramref name="each"/> for every id in turn, each once however often it was selected; a record's failure
    /// never stops the ones after it.
    /// </summary>
    public static async Task<BatchSummary> EachAsync(IEnumerable<int> ids, Func<int, Task<BatchItem>> each)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(each);
        var items = new List<BatchItem>();
        foreach (var id in ids.Distinct())
        {
            items.Add(await each(id));
        }

        return new BatchSummary(items);
    }

    /// <summary>How a record that no longer exists (or is not the asker's) is named in the summary.</summary>
    public static string Unknown(int id) => "#" + id.ToString(CultureInfo.InvariantCulture);

    /// <summary>A per-record use case's answer as a line of the summary; "not found" reads <paramref name="notFound"/>.</summary>
    public static BatchItem Of(int id, string label, IUseCaseResult result, string notFound)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Outcome switch
        {
            Outcome.Done => new BatchItem(id, label, BatchItemState.Done, null),
            Outcome.NotFound => new BatchItem(id, label, BatchItemState.Failed, notFound),
            _ => new BatchItem(id, label, BatchItemState.Failed, result.Message ?? (result.Errors.Count > 0 ? result.Errors[0].Message : null)),
        };
    }

    public static BatchItem Skip(int id, string label, string reason) => new(id, label, BatchItemState.Skipped, reason);

    public static BatchItem Fail(int id, string label, string reason) => new(id, label, BatchItemState.Failed, reason);
}
