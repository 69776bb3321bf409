using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Runtime;
using System.Text.RegularExpressions;
using GrantPortal.Core.Data;
using GrantPortal.Demo;
using GrantPortal.Web.Components;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GrantPortal.Benchmarks;

/// <summary>
/// What one idle interactive circuit costs the server: the real portal in this process on a loopback port, N Chromium
/// contexts signed in and brought to a page the way a person gets there (home, then the menu), left idle, and the
/// process measured before and after (managed heap after full compacting collections, and the working set).
/// </summary>
internal static class CircuitBenchmarks
{
    private const string ChromiumPath = BenchmarkBrowser.ChromiumPath;
    private const float Slow = 60_000;
    private static readonly string[] Pages = ["static", "dashboard", "form", "intake"];

    public static async Task<int> CircuitMemoryAsync(string[] args)
    {
        var circuits = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 40;
        var pages = args.Length > 1 ? args[1].Split(',') : Pages;
        var hold = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 0;
        if (!File.Exists(ChromiumPath))
        {
            await Console.Error.WriteLineAsync($"Chromium is not installed at {ChromiumPath}.");
            return 1;
        }

        await using var portal = new CircuitPortal();
        await portal.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BenchmarkBrowser.LaunchAsync(playwright);

        Console.WriteLine($"GC: {(GCSettings.IsServerGC ? "server" : "workstation")}, concurrent {GCSettings.LatencyMode}; retention {portal.RetentionNote}");
        Console.WriteLine("| page | circuits | alive | managed heap / circuit | working set / circuit | heap after close | circuits left after close | load average |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        var failed = false;
        foreach (var name in pages)
        {
            // One walk first, so the JIT, EF's model and the localizer caches are not counted as circuit memory.
            await CloseAllAsync(await OpenAsync(browser, portal, name, 1));
            await portal.Counter.WaitUntilClosedAsync(TimeSpan.FromSeconds(30));

            var before = Settle();
            var contexts = await OpenAsync(browser, portal, name, circuits);
            await Task.Delay(TimeSpan.FromSeconds(5));
            var alive = portal.Counter.Connected;
            var after = Settle();
            if (hold > 0)
            {
                Console.WriteLine($"Holding {alive} circuits on {name} for {hold} s: dotnet-gcdump collect -p {Environment.ProcessId}");
                await Task.Delay(TimeSpan.FromSeconds(hold));
            }

            await CloseAllAsync(contexts);
            var expected = name == "static" ? 0 : circuits;
            var left = await portal.Counter.WaitUntilClosedAsync(TimeSpan.FromSeconds(20));
            var closed = Settle();
            failed |= alive != expected;
            Console.WriteLine(
                $"| {name} | {circuits} | {alive}{(alive == expected ? "" : $" (expected {expected})")} | {Kb((after.Heap - before.Heap) / circuits)} | {Kb((after.WorkingSet - before.WorkingSet) / circuits)} " +
                $"| {Kb(closed.Heap - before.Heap)} over the start | {left} | {LoadAverage()} |");
            await portal.Counter.WaitUntilClosedAsync(TimeSpan.FromMinutes(4));
        }

        return failed ? 1 : 0;
    }

    /// <summary>Signs in <paramref name="count"/> browser contexts and brings each to the page, a few at a time.</summary>
    private static async Task<List<IBrowserContext>> OpenAsync(IBrowser browser, CircuitPortal portal, string page, int count)
    {
        var contexts = new ConcurrentBag<IBrowserContext>();
        using var gate = new SemaphoreSlim(4);
        await Task.WhenAll(Enumerable.Range(0, count).Select(async _ =>
        {
            await gate.WaitAsync();
            try
            {
                var context = await browser.NewContextAsync(new BrowserNewContextOptions
                {
                    BaseURL = portal.BaseAddress,
                    Locale = "en-US",
                    ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = "en-US" },
                    ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
                });
                context.SetDefaultTimeout(Slow);
                contexts.Add(context);
                await WalkAsync(await context.NewPageAsync(), page);
            }
            finally
            {
                gate.Release();
            }
        }));
        return [.. contexts];
    }

    private static async Task WalkAsync(IPage page, string name)
    {
        if (name == "static")
        {
            // A visitor on the public home page: no circuit, so this row is what the browsers cost this process.
            await page.GotoAsync("/");
            await Expect(page.Locator("[data-interactive=static]")).ToBeAttachedAsync(new() { Timeout = Slow });
            return;
        }

        var account = name == "form" ? DemoAccounts.Applicant1 : DemoAccounts.Officer;
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#login-email", account.Email);
        await page.FillAsync("#login-password", DemoAccounts.Password);
        await page.GetByTestId("login-submit").ClickAsync();
        await page.WaitForURLAsync(new Regex("/$"));
        await Expect(page.Locator("[data-interactive=true]")).ToBeAttachedAsync(new() { Timeout = Slow });
        switch (name)
        {
            case "dashboard":
                await page.GetByTestId("nav-Nav_Dashboard").ClickAsync();
                await Expect(page.GetByTestId("dashboard-officer")).ToBeVisibleAsync(new() { Timeout = Slow });
                break;
            case "intake":
                await page.GetByTestId("nav-Nav_Applications").ClickAsync();
                await Expect(page.GetByTestId("intake").Locator("tbody tr").First).ToBeVisibleAsync(new() { Timeout = Slow });
                break;
            case "form":
                // applicant1's unfinished draft in the demo's short call (in Korean: applicant1 prefers it).
                await page.GetByTestId("nav-Nav_Applications").ClickAsync();
                await page.GetByTestId("my-applications").Locator("tr", new() { HasText = "작성 중" }).First.Locator("a").ClickAsync();
                await Expect(page.Locator("[data-testid=field-ProjectTitle] input, input[data-testid=field-ProjectTitle]")).ToBeVisibleAsync(new() { Timeout = Slow });
                break;
            default:
                throw new ArgumentException($"Unknown page '{name}': use {string.Join(", ", Pages)}.", nameof(name));
        }
    }

    /// <summary>Closes each tab as a person does (its unload handlers run, so Blazor says goodbye), then the context.</summary>
    private static async Task CloseAllAsync(List<IBrowserContext> contexts)
    {
        foreach (var context in contexts)
        {
            foreach (var page in context.Pages.ToList())
            {
                await page.CloseAsync(new() { RunBeforeUnload = true });
            }

            await Task.Delay(50);
            await context.CloseAsync();
        }
    }

    private static (long Heap, long WorkingSet) Settle()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        return (GC.GetTotalMemory(forceFullCollection: true), Environment.WorkingSet);
    }

    private static string Kb(long bytes) => (bytes / 1024.0).ToString("0", CultureInfo.InvariantCulture) + " KB";

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "n/a";
        }
    }
}

/// <summary>Counts the portal's circuits as the framework reports them: open ones and those with a live connection.</summary>
internal sealed class CircuitCounter
{
    private int open;
    private int connected;

    public int Open => Volatile.Read(ref open);

    public int Connected => Volatile.Read(ref connected);

    public void Opened() => Interlocked.Increment(ref open);

    public void Closed() => Interlocked.Decrement(ref open);

    public void Up() => Interlocked.Increment(ref connected);

    public void Down() => Interlocked.Decrement(ref connected);

    /// <summary>Waits until no circuit is open, or the time is up; returns how many are still open.</summary>
    public async Task<int> WaitUntilClosedAsync(TimeSpan within)
    {
        var started = Stopwatch.GetTimestamp();
        while (Open > 0 && Stopwatch.GetElapsedTime(started) < within)
        {
            await Task.Delay(250);
        }

        return Open;
    }
}

internal sealed class CountingCircuitHandler(CircuitCounter counter) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        counter.Opened();
        return Task.CompletedTask;
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        counter.Up();
        return Task.CompletedTask;
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        counter.Down();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        counter.Closed();
        return Task.CompletedTask;
    }
}

/// <summary>The real portal on a loopback port, on a fresh SQLite file seeded with the demo data, as in Development.</summary>
internal sealed class CircuitPortal : WebApplicationFactory<App>
{
    private readonly string folder = Directory.CreateTempSubdirectory("grantportal-circuits-").FullName;

    public CircuitCounter Counter { get; } = new();

    public string BaseAddress { get; private set; } = "";

    public string RetentionNote { get; private set; } = "";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Portal", $"Data Source={Path.Combine(folder, "portal.db")};Default Timeout=30");
        builder.UseSetting("Database:MigrateOnStartup", "false");
        builder.UseSetting("Smtp:PickupDirectory", Path.Combine(folder, "mail"));
        foreach (var policy in new[] { "SignIn", "SignInPerAccount", "TwoFactor", "Registration", "PasswordLinks", "OpenData", "Downloads" })
        {
            builder.UseSetting($"RateLimits:{policy}:PermitLimit", "100000");
        }

        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(Counter);
            services.AddScoped<CircuitHandler, CountingCircuitHandler>();
        });
    }

    public async Task StartAsync()
    {
        // WebApplicationFactory finds the portal's content root through MvcTestingAppManifest.json in the current
        // folder; `dotnet run` starts in the repository, so look from the build output as a test runner does.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        BaseAddress = ClientOptions.BaseAddress.ToString().TrimEnd('/');
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
        var options = Services.GetRequiredService<IOptions<CircuitOptions>>().Value;
        RetentionNote = $"{options.DisconnectedCircuitRetentionPeriod}, at most {options.DisconnectedCircuitMaxRetained} disconnected circuits";
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the temp folder is cleaned by the OS later.
        }
    }
}
