using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace GrantPortal.Testing;

/// <summary>
/// A throwaway PostgreSQL cluster: initdb into a temporary folder, pg_ctl start on a free loopback port,
/// stop and delete when done. Missing server binaries throw with a message, never a silent skip:
/// CI must prove the PostgreSQL tests ran.
/// </summary>
public class ThrowawayPostgres
{
    private const string SuperUser = "postgres";
    private static readonly bool RunningAsRoot = Environment.UserName == "root";
    private int databaseCounter;
    private string binDirectory = "";
    private string rootDirectory = "";

    public int Port { get; private set; }

    public string DataDirectory { get; private set; } = "";

    public string AdminConnectionString => ConnectionStringFor("postgres");

    public async Task StartAsync()
    {
        binDirectory = FindBinDirectory();
        rootDirectory = Path.Combine(Path.GetTempPath(), "grantportal-pg-" + Guid.NewGuid().ToString("N")[..12]);
        DataDirectory = Path.Combine(rootDirectory, "data");
        Directory.CreateDirectory(rootDirectory);
        if (RunningAsRoot)
        {
            // initdb refuses to run as root: the cluster belongs to the postgres user.
            await RunAsync("chown", ["-R", "postgres:postgres", rootDirectory]);
        }

        Port = Loopback.FreePort();
        await RunServerToolAsync("initdb", $"-D {DataDirectory} -U {SuperUser} --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync");

        // Durability settings are off: the cluster lives for one test run and speed is what matters.
        // Every test gets its own database and so its own connection pool; concurrency tests open dozens at once.
        var serverOptions = $"-p {Port} -c listen_addresses=127.0.0.1 -k {DataDirectory} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=1000";
        var log = Path.Combine(rootDirectory, "server.log");
        await RunServerToolAsync("pg_ctl", $"-D {DataDirectory} -l {log} -o \"{serverOptions}\" -w start");
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string purpose)
    {
        var suffix = Interlocked.Increment(ref databaseCounter).ToString(CultureInfo.InvariantCulture);
        var name = new string(purpose.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(40).ToArray()) + "_" + suffix;
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionStringFor(name);
    }

    public string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = SuperUser,
        Database = database,
    }.ConnectionString;

    public async Task StopAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            await RunServerToolAsync("pg_ctl", $"-D {DataDirectory} -m fast -w stop");
        }

        if (Directory.Exists(rootDirectory))
        {
            Directory.Delete(rootDirectory, recursive: true);
        }
    }

    private static string FindBinDirectory()
    {
        var candidates = new List<string>();
        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries));
        if (Directory.Exists("/usr/lib/postgresql"))
        {
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(v => Path.Combine(v, "bin")));
        }

        var found = candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
        return found ?? throw new InvalidOperationException(
            "PostgreSQL server binaries (initdb, pg_ctl) were not found on PATH or in /usr/lib/postgresql/*/bin. " +
            "Install them (Debian: apt-get install -y postgresql) or run ./test.sh, which does.");
    }

    private Task RunServerToolAsync(string tool, string arguments)
    {
        var command = $"{Path.Combine(binDirectory, tool)} {arguments}";
        return RunningAsRoot ? RunAsync("su", [SuperUser, "-c", command]) : RunAsync("/bin/sh", ["-c", command]);
    }

    private static async Task RunAsync(string fileName, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'{fileName} {string.Join(' ', arguments)}' exited with {process.ExitCode}:{Environment.NewLine}{await stdout}{await stderr}");
        }
    }
}
