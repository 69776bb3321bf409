using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using GrantPortal.Core.Auditing;
using GrantPortal.Core.Data;
using GrantPortal.Core.Notifications;
using GrantPortal.Core.Time;
using Microsoft.Data.Sqlite;
using Npgsql;
using NodaTime;

namespace GrantPortal.Benchmarks;

/// <summary>What the bare-SQL floor achieved: the same submissions written without the portal's code around them.</summary>
internal sealed record FloorResult(int Submissions, double Seconds, double P50, double P95, double Max, int Submitted, int DistinctReceipts)
{
    public double Rate => Submissions / Seconds;

    public bool Complete => Submitted == Submissions && DistinctReceipts == Submissions;

    public static void PrintHeader()
    {
        Console.WriteLine("| floor (bare SQL) | submissions | concurrency | submissions/s | p50 | p95 | max | submitted | distinct receipts |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    }

    public void PrintRow(DatabaseProvider provider, int concurrency) => Console.WriteLine(
        $"| {provider} | {Submissions} | {concurrency} | {Rate:0.0} | {Measure.Ms(P50)} | {Measure.Ms(P95)} | {Measure.Ms(Max)} | {Submitted} | {DistinctReceipts} |");

    /// <summary>The portal's figures as a ratio to this floor: its rate as a share of the floor's, its latencies as multiples.</summary>
    public string Ratio(double portalRate, double portalP50, double portalP95) => string.Create(CultureInfo.InvariantCulture,
        $"portal/floor: {portalRate / Rate:0.00} of the bare-SQL rate ({portalRate:0.0} vs {Rate:0.0} submissions/s); " +
        $"p50 {portalP50 / P50:0.0}× and p95 {portalP95 / P95:0.0}× the bare-SQL latency");
}

/// <summary>
/// The floor of a submission burst: the rows one submission writes, as plain ADO.NET through the same provider, one
/// statement batch per submission in its own transaction. The batch locks the call's row (as the portal does, by
/// rewriting its version), takes the call's next receipt number, marks the application submitted with it, and inserts
/// the audit event and the confirmation mail's outbox row. No reads of the draft, no validation, no change tracking:
/// what the database itself costs for the same writes under the same lock.
/// </summary>
internal static class BareSqlFloor
{
    private const string PostgreSqlBatch = """
        UPDATE "Calls" SET "Version" = "Version" WHERE "Id" = @call;
        WITH next AS (
            SELECT COALESCE(MAX(CAST(substr("ReceiptNumber", @sequenceStart) AS integer)), 0) + 1 AS n
            FROM "Applications" WHERE "CallId" = @call AND "Stage" = 'Full' AND "ReceiptNumber" LIKE @pattern)
        UPDATE "Applications" SET "Status" = 'Submitted', "SubmittedAt" = @now, "LastSavedAt" = @now, "Version" = "Version" + 1,
            "ReceiptNumber" = @prefix || lpad(next.n::text, greatest(4, length(next.n::text)), '0')
        FROM next WHERE "Id" = @id AND "Status" = 'Draft';
        INSERT INTO "AuditEvents" ("OccurredAt", "ActorId", "ActorName", "Action", "EntityType", "EntityId", "Before", "After")
        SELECT @now, @user, @userName, @action, 'Application', @entityId, '{"Status":"Draft"}',
            '{"Status":"Submitted","ReceiptNumber":"' || "ReceiptNumber" || '","RequestedTotal":40000000}'
        FROM "Applications" WHERE "Id" = @id AND "Status" = 'Submitted';
        INSERT INTO "OutboxMessages" ("Purpose", "RecipientEmail", "RecipientName", "Language", "Subject", "Body", "CreatedAt", "Status", "Attempts", "NextAttemptAt")
        SELECT @purpose, u."Email", u."DisplayName", u."PreferredLanguage", '신청서 접수 완료: ' || a."ReceiptNumber", @body || a."ReceiptNumber", @now, 'Queued', 0, @now
        FROM "Applications" a JOIN "AspNetUsers" u ON u."Id" = @user WHERE a."Id" = @id AND a."Status" = 'Submitted';
        SELECT "ReceiptNumber" FROM "Applications" WHERE "Id" = @id;
        """;

    private const string SqliteBatch = """
        UPDATE "Calls" SET "Version" = "Version" WHERE "Id" = @call;
        UPDATE "Applications" SET "Status" = 'Submitted', "SubmittedAt" = @now, "LastSavedAt" = @now, "Version" = "Version" + 1,
            "ReceiptNumber" = @prefix || printf('%04d', (
                SELECT COALESCE(MAX(CAST(substr("ReceiptNumber", @sequenceStart) AS integer)), 0) + 1
                FROM "Applications" WHERE "CallId" = @call AND "Stage" = 'Full' AND "ReceiptNumber" LIKE @pattern))
        WHERE "Id" = @id AND "Status" = 'Draft';
        INSERT INTO "AuditEvents" ("OccurredAt", "ActorId", "ActorName", "Action", "EntityType", "EntityId", "Before", "After")
        SELECT @now, @user, @userName, @action, 'Application', @entityId, '{"Status":"Draft"}',
            '{"Status":"Submitted","ReceiptNumber":"' || "ReceiptNumber" || '","RequestedTotal":40000000}'
        FROM "Applications" WHERE "Id" = @id AND "Status" = 'Submitted';
        INSERT INTO "OutboxMessages" ("Purpose", "RecipientEmail", "RecipientName", "Language", "Subject", "Body", "CreatedAt", "Status", "Attempts", "NextAttemptAt")
        SELECT @purpose, u."Email", u."DisplayName", u."PreferredLanguage", '신청서 접수 완료: ' || a."ReceiptNumber", @body || a."ReceiptNumber", @now, 'Queued', 0, @now
        FROM "Applications" a JOIN "AspNetUsers" u ON u."Id" = @user WHERE a."Id" = @id AND a."Status" = 'Submitted';
        SELECT "ReceiptNumber" FROM "Applications" WHERE "Id" = @id;
        """;

    // About the length of the portal's confirmation body, so the outbox row weighs the same.
    private static readonly string Body = string.Concat(Enumerable.Repeat("신청서가 접수되었습니다. 마감 전까지 수정본을 제출할 수 있습니다. ", 8)) + "접수 번호: ";

    /// <summary>Submits every draft of <paramref name="callId"/> (call code <paramref name="callCode"/>) with up to <paramref name="concurrency"/> batches in flight.</summary>
    public static async Task<FloorResult> RunAsync(
        DatabaseProvider provider, string connectionString, int callId, string callCode, IReadOnlyList<ApplicationBenchmarks.Draft> drafts, int concurrency)
    {
        var now = SystemClock.Instance.GetCurrentInstant();
        var prefix = string.Create(CultureInfo.InvariantCulture, $"{Seoul.ToLocal(now).Year}-{callCode}-");
        using var inFlight = new SemaphoreSlim(concurrency);
        var latencies = new List<double>(drafts.Count);
        var receipts = new List<string?>(drafts.Count);
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(drafts.Select(async draft =>
        {
            await inFlight.WaitAsync();
            try
            {
                var begin = Stopwatch.GetTimestamp();
                var receipt = await SubmitAsync(provider, connectionString, callId, prefix, draft, SystemClock.Instance.GetCurrentInstant());
                var elapsed = Measure.Milliseconds(begin);
                lock (latencies)
                {
                    latencies.Add(elapsed);
                    receipts.Add(receipt);
                }
            }
            finally
            {
                inFlight.Release();
            }
        }));
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        latencies.Sort();
        return new FloorResult(
            drafts.Count, seconds, Measure.Percentile(latencies, 50), Measure.Percentile(latencies, 95), latencies[^1],
            receipts.Count(r => r is not null), receipts.Where(r => r is not null).Distinct(StringComparer.Ordinal).Count());
    }

    private static async Task<string?> SubmitAsync(DatabaseProvider provider, string connectionString, int callId, string prefix, ApplicationBenchmarks.Draft draft, Instant now)
    {
        await using DbConnection connection = provider switch
        {
            DatabaseProvider.PostgreSql => new NpgsqlConnection(connectionString),
            DatabaseProvider.Sqlite => new SqliteConnection(connectionString),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "The floor runs on SQLite and PostgreSQL."),
        };
        await connection.OpenAsync();

        // SQLite: BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default), so writers queue on the database lock as the portal's do.
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = provider == DatabaseProvider.PostgreSql ? PostgreSqlBatch : SqliteBatch;
        Add(command, "call", callId);
        Add(command, "id", draft.ApplicationId);
        Add(command, "entityId", draft.ApplicationId.ToString(CultureInfo.InvariantCulture));
        Add(command, "now", now.ToDateTimeUtc());
        Add(command, "prefix", prefix);
        Add(command, "pattern", prefix + "%");
        Add(command, "sequenceStart", prefix.Length + 1);
        Add(command, "user", draft.User.UserId);
        Add(command, "userName", draft.User.Name);
        Add(command, "action", AuditActions.ApplicationSubmitted);
        Add(command, "purpose", MailPurposes.ApplicationSubmitted);
        Add(command, "body", Body);
        string? receipt = null;
        await using (var reader = await command.ExecuteReaderAsync())
        {
            if (await reader.ReadAsync())
            {
                receipt = reader.IsDBNull(0) ? null : reader.GetString(0);
            }
        }

        await transaction.CommitAsync();
        return receipt;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
