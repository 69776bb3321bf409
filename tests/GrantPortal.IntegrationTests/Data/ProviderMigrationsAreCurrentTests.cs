using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace GrantPortal.IntegrationTests.Data;

/// <summary>
/// Every provider's migrations match the model and db/scripts/ holds what dotnet-ef generates from them,
/// so a DBA reviews the SQL that will really run. SQL Server has no server here: this is its check.
/// Runs dotnet-ef against the already built migrations projects (--no-build), about 10 s per provider.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ProviderMigrationsAreCurrentTests
{
    private static readonly string RepositoryRoot = Repository.Root;

    private static readonly string Configuration =
        typeof(ProviderMigrationsAreCurrentTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("SqlServer")]
    [InlineData("PostgreSql")]
    public async Task Provider_migrations_and_scripts_are_current(string provider)
    {
        await RunAsync("tool", "restore");
        var project = $"db/GrantPortal.Migrations.{provider}";
        string[] common = ["--project", project, "--startup-project", project, "--configuration", Configuration, "--no-build"];

        var pending = await RunAsync(["tool", "run", "dotnet-ef", "migrations", "has-pending-model-changes", .. common]);
        Assert.True(pending.ExitCode == 0, $"The {provider} migrations are behind the model; run db/add-migration.sh.{Environment.NewLine}{pending.Output}");

        var generated = Path.Combine(Path.GetTempPath(), $"grantportal-{provider}-{Guid.NewGuid():N}.sql");
        try
        {
            // Same arguments as db/generate-scripts.sh: SQLite cannot run idempotent scripts.
            string[] idempotent = provider == "Sqlite" ? [] : ["--idempotent"];
            var script = await RunAsync(["tool", "run", "dotnet-ef", "migrations", "script", .. idempotent, "--output", generated, .. common]);
            Assert.True(script.ExitCode == 0, $"dotnet ef migrations script failed for {provider}:{Environment.NewLine}{script.Output}");

            var committed = Path.Combine(RepositoryRoot, "db", "scripts", provider.ToLowerInvariant() + ".sql");
            Assert.True(
                Normalize(await File.ReadAllTextAsync(committed)) == Normalize(await File.ReadAllTextAsync(generated)),
                $"{committed} differs from what the migrations generate; run db/generate-scripts.sh and commit the result.");
        }
        finally
        {
            File.Delete(generated);
        }
    }

    private static string Normalize(string sql) => sql.TrimStart('\uFEFF').ReplaceLineEndings("\n").TrimEnd();

    private static Task<(int ExitCode, string Output)> RunAsync(params string[] arguments) => RunAsync((IReadOnlyList<string>)arguments);

    private static async Task<(int ExitCode, string Output)> RunAsync(IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host runs under dotnet test, whose MSBuild settings would confuse the nested dotnet-ef build evaluation.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        output.Append(await stdout).Append(await stderr);
        return (process.ExitCode, output.ToString());
    }
}
