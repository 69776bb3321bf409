using System.Diagnostics;
using GrantPortal.Demo;
using Microsoft.Data.Sqlite;
using static Microsoft.Playwright.Assertions;

namespace GrantPortal.BrowserTests;

/// <summary>The audit trail's integrity, as an administrator checks it on /audit and an operator with <c>verify-audit</c>.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AuditIntegrityTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Administrator_checks_the_audit_trail_from_the_menu_and_reads_that_it_is_intact()
    {
        var page = await fixture.NewPageAsync("en-US");
        await SignInTests.SignInAsync(page, DemoAccounts.Administrator.Email, DemoAccounts.Password);
        await page.GetByTestId("nav-Audit_Nav").ClickAsync();

        await page.GetByTestId("audit-verify").ClickAsync();

        var verification = page.GetByTestId("audit-verification");
        await Expect(verification).ToHaveAttributeAsync("data-intact", "true", new() { Timeout = 30_000 });
        // The demo administrator reads Korean whatever the browser says.
        await Expect(verification).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^감사 기록이 이벤트 \d+까지 온전합니다\(이벤트 \d+건 확인\)\.$"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Verify_audit_passes_on_the_demo_data_and_names_the_event_changed_with_raw_sql()
    {
        var folder = Directory.CreateTempSubdirectory("grantportal-verify-audit-").FullName;
        try
        {
            var database = Path.Combine(folder, "portal.db");
            Assert.Equal(0, (await RunVerbAsync(folder, database, "seed-demo")).ExitCode);

            // An operator's own action leaves an event of its own in the trail.
            Assert.Equal(0, (await RunVerbAsync(folder, database, "create-admin", "ops@ministry.example", "Operations")).ExitCode);

            var intact = await RunVerbAsync(folder, database, "verify-audit");
            Assert.Equal(0, intact.ExitCode);
            Assert.Matches(@"Audit trail intact through event \d+ \(\d+ events checked\)\.", intact.Output);

            long forged;
            await using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
            {
                await connection.OpenAsync();
                await using var pick = connection.CreateCommand();
                pick.CommandText = "SELECT \"Id\" FROM \"AuditEvents\" ORDER BY \"Id\" LIMIT 1";
                forged = (long)(await pick.ExecuteScalarAsync())!;
                await using var edit = connection.CreateCommand();
                edit.CommandText = "UPDATE \"AuditEvents\" SET \"Reason\" = 'Approved by the minister in person.' WHERE \"Id\" = $id";
                edit.Parameters.AddWithValue("$id", forged);
                Assert.Equal(1, await edit.ExecuteNonQueryAsync());
            }

            var broken = await RunVerbAsync(folder, database, "verify-audit");
            Assert.Equal(1, broken.ExitCode);
            Assert.Contains($"Audit event {forged} does not match its hash", broken.Output, StringComparison.Ordinal);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The portal's own executable with a verb, as an operator runs it, on its own SQLite file.</summary>
    private static async Task<(int ExitCode, string Output)> RunVerbAsync(string folder, string database, params string[] verb)
    {
        var web = Path.Combine(AppContext.BaseDirectory, "GrantPortal.Web.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { web },
            WorkingDirectory = ProjectFolder(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in verb)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ConnectionStrings__Portal"] = $"Data Source={database};Default Timeout=30";
        start.Environment["Smtp__PickupDirectory"] = Path.Combine(folder, "mail");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await errors);
    }

    /// <summary>The web project's folder (its appsettings), found from the test's output folder upwards.</summary>
    private static string ProjectFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "GrantPortal.sln")))
            {
                return Path.Combine(folder.FullName, "src", "GrantPortal.Web");
            }
        }

        throw new InvalidOperationException("GrantPortal.sln was not found above " + AppContext.BaseDirectory);
    }
}
