using System.Globalization;
using Microsoft.Data.Sqlite;

namespace GrantPortal.BrowserTests;

/// <summary>
/// Grows a seeded demo database to the issue's sizes in one transaction of a few INSERT … SELECT commands: every new
/// row is a copy of a demo row of the current budget year (so it is valid for the model) with its own title, receipt
/// number, organization and amounts. The submitted applications join the open call that already has submissions (this
/// year's, or next year's once the ministry calls for next year's projects); the awarded ones, their awards, tranches and
/// paid payments join a call of this budget year that already has paid awards.
/// </summary>
internal static class ScaleData
{
    public const string TitlePrefix = "대규모 사업";

    /// <summary>Each award's amount; the call's and the year's envelopes grow by the total so no invariant breaks.</summary>
    public const long AwardAmount = 1_000_000;

    public sealed record Sizes(int Applications, int Awards, int PaymentsPerAward);

    public sealed record Grown(int SubmittedCallId, int AwardCallId, int Applications, int Awards, int Payments);

    public static async Task<Grown> GrowAsync(string connectionString, int year, Sizes sizes)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();

        var budgetYearId = await ScalarAsync(connection, transaction, "SELECT Id FROM BudgetYears WHERE Year = @year", ("@year", year));
        var (awardTemplate, awardedApplication, awardCallId, trancheTemplate, paymentTemplate) = await AwardTemplateAsync(connection, transaction, budgetYearId);
        var submittedTemplate = await ScalarAsync(
            connection, transaction,
            """
            SELECT a.Id FROM Applications a JOIN Calls c ON c.Id = a.CallId JOIN BudgetYears y ON y.Id = c.BudgetYearId
            WHERE y.Year >= @year AND a.Status = 'Submitted' AND a.Stage = 'Full' AND a.RevisesId IS NULL
            ORDER BY y.Year, a.Id LIMIT 1
            """,
            ("@year", year));
        var submittedCallId = await ScalarAsync(connection, transaction, "SELECT CallId FROM Applications WHERE Id = @id", ("@id", submittedTemplate));

        await ExecuteAsync(connection, transaction, "CREATE TEMP TABLE ScaleOrganizations AS SELECT ROW_NUMBER() OVER (ORDER BY Id) - 1 AS N, Id FROM Organizations");
        var organizations = await ScalarAsync(connection, transaction, "SELECT COUNT(*) FROM ScaleOrganizations");
        await ExecuteAsync(
            connection, transaction,
            $"CREATE TEMP TABLE ScaleSequence AS WITH RECURSIVE s(N) AS (SELECT 0 UNION ALL SELECT N + 1 FROM s WHERE N < {sizes.Applications - 1}) SELECT N FROM s");

        // Applications: the first ones awarded (copies of the awarded demo application), the rest submitted.
        await CloneAsync(connection, transaction, "Applications", "FROM ScaleSequence q JOIN ScaleOrganizations o ON o.N = q.N % @organizations JOIN Applications t ON t.Id = @template WHERE q.N < @awards",
            new()
            {
                ["OrganizationId"] = "o.Id",
                ["ProjectTitle"] = $"'{TitlePrefix} ' || (q.N + 1)",
                ["ReceiptNumber"] = $"'{year}-SCALE-A-' || printf('%05d', q.N + 1)",
                ["RevisesId"] = "NULL",
                ["ConceptNoteId"] = "NULL",
            },
            ("@organizations", organizations), ("@template", awardedApplication), ("@awards", sizes.Awards));
        await CloneAsync(connection, transaction, "Applications", "FROM ScaleSequence q JOIN ScaleOrganizations o ON o.N = q.N % @organizations JOIN Applications t ON t.Id = @template WHERE q.N >= @awards",
            new()
            {
                ["OrganizationId"] = "o.Id",
                ["ProjectTitle"] = $"'{TitlePrefix} ' || (q.N + 1)",
                ["ReceiptNumber"] = $"'{year}-SCALE-S-' || printf('%05d', q.N + 1)",
                ["RevisesId"] = "NULL",
                ["ConceptNoteId"] = "NULL",
            },
            ("@organizations", organizations), ("@template", submittedTemplate), ("@awards", sizes.Awards));
        await ExecuteAsync(connection, transaction, $"CREATE TEMP TABLE ScaleApplications AS SELECT Id, ReceiptNumber FROM Applications WHERE ReceiptNumber LIKE '{year}-SCALE-%'");
        await CloneAsync(connection, transaction, "BudgetLines",
            "FROM ScaleApplications a JOIN BudgetLines t ON t.ApplicationId = CASE WHEN a.ReceiptNumber LIKE '%-SCALE-A-%' THEN @awarded ELSE @submitted END",
            new() { ["ApplicationId"] = "a.Id" },
            ("@awarded", awardedApplication), ("@submitted", submittedTemplate));

        // Awards on the awarded copies, each with the template's agreement, approved account and recommendations,
        // its tranches and one paid payment per tranche.
        await CloneAsync(connection, transaction, "Awards",
            "FROM ScaleApplications a JOIN Applications n ON n.Id = a.Id JOIN Awards t ON t.Id = @template WHERE a.ReceiptNumber LIKE '%-SCALE-A-%'",
            new()
            {
                ["ApplicationId"] = "a.Id",
                ["OrganizationId"] = "n.OrganizationId",
                ["Amount"] = AwardAmount.ToString(CultureInfo.InvariantCulture),
                ["ReturnedAmount"] = "0",
                ["ClosedOn"] = "NULL",
            },
            ("@template", awardTemplate));
        await ExecuteAsync(connection, transaction, "CREATE TEMP TABLE ScaleAwards AS SELECT w.Id FROM Awards w JOIN ScaleApplications a ON a.Id = w.ApplicationId");
        await CloneAsync(connection, transaction, "GrantAgreements", "FROM ScaleAwards w JOIN GrantAgreements t ON t.AwardId = @template",
            new() { ["AwardId"] = "w.Id" }, ("@template", awardTemplate));
        await CloneAsync(connection, transaction, "BankAccounts", "FROM ScaleAwards w JOIN BankAccounts t ON t.AwardId = @template AND t.Status = 'Approved'",
            new() { ["AwardId"] = "w.Id", ["AccountNumber"] = "'140-SCALE-' || w.Id" }, ("@template", awardTemplate));
        await CloneAsync(connection, transaction, "AwardRecommendations", "FROM ScaleAwards w JOIN AwardRecommendations t ON t.AwardId = @template",
            new() { ["AwardId"] = "w.Id" }, ("@template", awardTemplate));
        await ExecuteAsync(connection, transaction, $"CREATE TEMP TABLE ScaleTrancheNumbers AS SELECT N + 1 AS Sequence FROM ScaleSequence WHERE N < {sizes.PaymentsPerAward}");
        await CloneAsync(connection, transaction, "Tranches",
            "FROM ScaleAwards w JOIN ScaleTrancheNumbers s JOIN Tranches t ON t.Id = @template",
            new()
            {
                ["AwardId"] = "w.Id",
                ["Sequence"] = "s.Sequence",
                ["Amount"] = (AwardAmount / sizes.PaymentsPerAward).ToString(CultureInfo.InvariantCulture),
                ["GatingReportId"] = "NULL",
            },
            ("@template", trancheTemplate));
        await CloneAsync(connection, transaction, "Payments",
            "FROM ScaleAwards w JOIN Tranches r ON r.AwardId = w.Id JOIN Payments t ON t.Id = @template",
            new()
            {
                ["TrancheId"] = "r.Id",
                ["AwardId"] = "w.Id",
                ["Amount"] = "r.Amount",
                ["BankReference"] = "'EFT-SCALE-' || r.Id",
                ["BankAccountId"] = "CASE WHEN t.BankAccountId IS NULL THEN NULL ELSE (SELECT b.Id FROM BankAccounts b WHERE b.AwardId = w.Id AND b.Status = 'Approved') END",
            },
            ("@template", paymentTemplate));

        var total = AwardAmount * sizes.Awards;
        await ExecuteAsync(connection, transaction, "UPDATE Calls SET Envelope = Envelope + @total WHERE Id = @call", ("@total", total), ("@call", awardCallId));
        await ExecuteAsync(connection, transaction, "UPDATE BudgetYears SET Envelope = Envelope + @total WHERE Id = @year", ("@total", total), ("@year", budgetYearId));

        var grown = new Grown(
            (int)submittedCallId,
            (int)awardCallId,
            (int)await ScalarAsync(connection, transaction, "SELECT COUNT(*) FROM ScaleApplications"),
            (int)await ScalarAsync(connection, transaction, "SELECT COUNT(*) FROM ScaleAwards"),
            (int)await ScalarAsync(connection, transaction, "SELECT COUNT(*) FROM Payments p JOIN ScaleAwards w ON w.Id = p.AwardId"));
        foreach (var table in new[] { "ScaleOrganizations", "ScaleSequence", "ScaleApplications", "ScaleAwards", "ScaleTrancheNumbers" })
        {
            await ExecuteAsync(connection, transaction, $"DROP TABLE temp.{table}");
        }

        await transaction.CommitAsync();
        await ExecuteAsync(connection, null, "ANALYZE");
        return grown;
    }

    /// <summary>An active award of the year with a paid payment: the award, its application, call, tranche and payment.</summary>
    private static async Task<(long Award, long Application, long Call, long Tranche, long Payment)> AwardTemplateAsync(
        SqliteConnection connection, SqliteTransaction transaction, long budgetYearId)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            """
            SELECT w.Id, w.ApplicationId, w.CallId, p.TrancheId, p.Id
            FROM Awards w JOIN Calls c ON c.Id = w.CallId JOIN Payments p ON p.AwardId = w.Id
            WHERE c.BudgetYearId = @year AND w.Status = 'Active' AND p.Status = 'Paid'
            ORDER BY w.Id, p.Id LIMIT 1
            """;
        command.Parameters.AddWithValue("@year", budgetYearId);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            throw new InvalidOperationException("The demo data has no active award with a paid payment in the current budget year.");
        }

        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
    }

    /// <summary>INSERT INTO table SELECT every column but Id from the template row <c>t</c>, or its override.</summary>
    private static async Task CloneAsync(
        SqliteConnection connection, SqliteTransaction transaction, string table, string from, Dictionary<string, string> overrides, params (string Name, object Value)[] parameters)
    {
        var columns = new List<string>();
        await using (var info = connection.CreateCommand())
        {
            info.Transaction = transaction;
            info.CommandText = $"SELECT name FROM pragma_table_info('{table}') WHERE name <> 'Id' ORDER BY cid";
            await using var reader = await info.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                columns.Add(reader.GetString(0));
            }
        }

        var unknown = overrides.Keys.Except(columns, StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException($"{table} has no column {string.Join(", ", unknown)}.");
        }

        var names = string.Join(", ", columns.Select(c => $"\"{c}\""));
        var values = string.Join(", ", columns.Select(c => overrides.TryGetValue(c, out var value) ? value : $"t.\"{c}\""));
        await ExecuteAsync(connection, transaction, $"INSERT INTO \"{table}\" ({names}) SELECT {values} {from}", parameters);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteScalarAsync() is long result
            ? result
            : throw new InvalidOperationException($"No row for: {sql}");
    }
}
