using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using GrantPortal.Core;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Applications;
using GrantPortal.Core.Auditing;
using GrantPortal.Core.Data;
using GrantPortal.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NodaTime;
using static Microsoft.Playwright.Assertions;

namespace GrantPortal.Benchmarks;

/// <summary>
/// The deadline burst through the whole stack: N browser sessions, each a different applicant, sign in, open their
/// draft from the home page and wait at the submit button; a barrier releases them together and each clicks submit.
/// Measured from the click to the receipt number on screen, against one portal instance on PostgreSQL.
/// </summary>
internal static partial class BrowserBurstBenchmarks
{
    private const string ChromiumPath = BenchmarkBrowser.ChromiumPath;
    private const string Password = "Burst-Applicant-2026!";
    private const string CallCode = "BRST";

    /// <summary>
    /// <c>browser-burst [sessions=100] [more sizes...]</c>: one burst per size, smallest first; a size the machine cannot
    /// hold ends the ramp with the reason. Exit code 0 only when every burst lost and duplicated nothing.
    /// </summary>
    public static async Task<int> BrowserBurstAsync(string[] args)
    {
        var sizes = args.Select(a => int.Parse(a.Replace("sessions=", "", StringComparison.Ordinal), CultureInfo.InvariantCulture)).Order().ToList();
        if (sizes.Count == 0)
        {
            sizes.Add(100);
        }

        if (!File.Exists(ChromiumPath))
        {
            await Console.Error.WriteLineAsync($"Chromium is not installed at {ChromiumPath} (apt-get install -y chromium).");
            return 2;
        }

        // WebApplicationFactory finds the portal's content root (and so its static web assets) through the manifest the
        // build puts beside this program, looked up in the current directory as a test runner's would be.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        var rows = new List<string>();
        var exitCode = 0;
        foreach (var sessions in sizes)
        {
            var outcome = await RunAsync(sessions);
            rows.Add(outcome.Row);
            Console.WriteLine();
            PrintTable(rows);
            if (outcome.Floor is { } floor)
            {
                FloorResult.PrintHeader();
                floor.PrintRow(DatabaseProvider.PostgreSql, sessions);
                Console.WriteLine(floor.Ratio(outcome.Rate, outcome.P50, outcome.P95));
            }

            if (!outcome.Held)
            {
                Console.WriteLine($"{sessions} sessions were not held: {outcome.Why}");
                return 1;
            }

            if (!outcome.Correct)
            {
                exitCode = 1;
            }
        }

        return exitCode;
    }

    private static void PrintTable(List<string> rows)
    {
        Console.WriteLine("| sessions | p50 | p95 | max | whole burst | submitted | distinct receipts | lost | duplicated | mails | server peak memory | browser peak memory (PSS) | load average |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        rows.ForEach(Console.WriteLine);
    }

    private sealed record Outcome(string Row, bool Held, bool Correct, string Why, double Rate, double P50, double P95, FloorResult? Floor);

    private sealed record Session(int ApplicationId, string Email);

    private sealed record Submission(int ApplicationId, string? Receipt, double ClickToReceiptMs, double DriverMs, string? Error);

    private static async Task<Outcome> RunAsync(int sessions)
    {
        var folder = Directory.CreateTempSubdirectory("grantportal-burst-").FullName;
        var postgres = new ThrowawayPostgres();
        await postgres.StartAsync();
        var connectionString = await postgres.CreateDatabaseAsync("burst") + ";Maximum Pool Size=200";
        await using (var schema = new PortalDbContext(PortalDatabase.CreateOptions(DatabaseProvider.PostgreSql, connectionString)))
        {
            // The schema exists before the portal starts, so its first outbox job finds its table.
            await schema.Database.MigrateAsync();
        }

        var portal = new BurstPortal(connectionString, folder);
        var portalDisposed = false;
        using var sampler = new ResourceSampler();
        try
        {
            portal.Start();
            var (callId, accounts) = await SeedAsync(portal.Services, sessions);
            Console.WriteLine($"{sessions} applicants seeded on PostgreSQL; portal at {portal.BaseAddress}; load average {ApplicationBenchmarks.LoadAverage()}");

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await BenchmarkBrowser.LaunchAsync(
                playwright,

                // Every session is a background tab to Chromium; left throttled, its timers would run late and the
                // figure would measure Chromium's power saving rather than the portal.
                "--disable-background-timer-throttling",
                "--disable-renderer-backgrounding",
                "--disable-backgrounding-occluded-windows");
            Measure.ResetPeakMemory();
            sampler.Start();

            // Sessions get ready a few at a time (two cores serve the portal and every browser), then wait at the barrier.
            var barrier = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using var preparing = new SemaphoreSlim(4);
            var ready = 0;
            var prepareStarted = Stopwatch.GetTimestamp();
            var burstStarted = 0L;
            var pages = accounts.Select(async account =>
            {
                IPage page;
                await preparing.WaitAsync();
                try
                {
                    page = await OpenAtSubmitAsync(browser, portal.BaseAddress, account);
                }
                finally
                {
                    preparing.Release();
                }

                var count = Interlocked.Increment(ref ready);
                if (count % 10 == 0 || count == sessions)
                {
                    Console.WriteLine($"  {count}/{sessions} ready after {Stopwatch.GetElapsedTime(prepareStarted).TotalSeconds:0} s; " +
                        $"server {Measure.CurrentMemoryMiB():0} MiB, browser {ResourceSampler.BrowserMemoryMiB():0} MiB, available {ResourceSampler.AvailableMemoryMiB():0} MiB, load {ApplicationBenchmarks.LoadAverage()}");
                }

                await barrier.Task;
                return await SubmitAsync(page, account);
            }).ToList();

            // Preparation failing (a timeout, a crash) is the machine not holding N sessions: say why and stop.
            var allReady = Task.Run(async () =>
            {
                while (Volatile.Read(ref ready) < sessions && !pages.Any(p => p.IsFaulted))
                {
                    await Task.Delay(100);
                }
            });
            await allReady;
            if (pages.FirstOrDefault(p => p.IsFaulted) is { } failed)
            {
                var why = $"session preparation failed after {Volatile.Read(ref ready)} ready: {failed.Exception!.InnerException!.Message.Split('\n')[0]}; " +
                    $"server peak {Measure.PeakMemoryMiB():0} MiB, browser peak {sampler.PeakBrowserMiB:0} MiB, available at least {sampler.LowestAvailableMiB:0} MiB, peak load {sampler.PeakLoad:0.0}";
                barrier.TrySetCanceled();
                return new Outcome($"| {sessions} | not held | | | | | | | | | {Measure.PeakMemoryMiB():0} MiB | {sampler.PeakBrowserMiB:0} MiB | {ApplicationBenchmarks.LoadAverage()} |", false, false, why, 0, 0, 0, null);
            }

            Console.WriteLine($"  all {sessions} at the submit button; releasing the burst (load average {ApplicationBenchmarks.LoadAverage()})");
            burstStarted = Stopwatch.GetTimestamp();
            barrier.SetResult();
            var submissions = await Task.WhenAll(pages);
            var burstSeconds = Stopwatch.GetElapsedTime(burstStarted).TotalSeconds;
            var loadAtBurst = ApplicationBenchmarks.LoadAverage();
            var serverPeak = Measure.PeakMemoryMiB();
            var browserPeak = sampler.PeakBrowserMiB;
            sampler.Stop();
            await browser.CloseAsync();

            var check = await CheckAsync(portal, callId, sessions, submissions);
            var latencies = submissions.Where(s => s.Error is null).Select(s => s.ClickToReceiptMs).Order().ToList();
            var (p50, p95, max) = latencies.Count == 0
                ? (double.NaN, double.NaN, double.NaN)
                : (Measure.Percentile(latencies, 50), Measure.Percentile(latencies, 95), latencies[^1]);
            foreach (var error in submissions.Where(s => s.Error is not null).Take(5))
            {
                Console.WriteLine($"  application {error.ApplicationId}: {error.Error}");
            }

            var row = $"| {sessions} | {Measure.Ms(p50)} | {Measure.Ms(p95)} | {Measure.Ms(max)} | {burstSeconds:0.0} s | {check.Submitted} | {check.DistinctReceipts} | " +
                $"{check.Lost} | {check.Duplicated} | {check.Mails} | {serverPeak:0} MiB | {browserPeak:0} MiB | {loadAtBurst} |";

            // The floor on the same database, the portal stopped: the same rows as bare SQL, all N at once as the burst was.
            var (floorCallId, floorDrafts) = await ApplicationBenchmarks.PrepareDraftsAsync(
                portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>(), sessions, ApplicationBenchmarks.FloorCallCode, offset: 1_000_000);
            await portal.DisposeAsync();
            portalDisposed = true;
            var floor = await BareSqlFloor.RunAsync(DatabaseProvider.PostgreSql, connectionString, floorCallId, ApplicationBenchmarks.FloorCallCode, floorDrafts, sessions);
            var correct = check.Lost == 0 && check.Duplicated == 0 && check.Mails == sessions && check.ScreenMismatches == 0 && submissions.All(s => s.Error is null);
            if (check.ScreenMismatches > 0)
            {
                Console.WriteLine($"  {check.ScreenMismatches} sessions showed a receipt other than the one stored for their application");
            }

            return new Outcome(row, true, correct, "", sessions / burstSeconds, p50, p95, floor);
        }
        finally
        {
            sampler.Stop();
            if (!portalDisposed)
            {
                await portal.DisposeAsync();
            }

            await postgres.StopAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// An open call closing soon and <paramref name="sessions"/> verified organizations, each with an applicant account
    /// (an Identity user with a password and the Applicant role, as registration leaves it once verified) and a complete draft.
    /// </summary>
    private static async Task<(int CallId, List<Session> Accounts)> SeedAsync(IServiceProvider services, int sessions)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<RoleSetup>().EnsureRolesAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var dbFactory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        var now = SystemClock.Instance.GetCurrentInstant();

        await using var db = await dbFactory.CreateDbContextAsync();
        var call = await ApplicationBenchmarks.CreateOpenCallAsync(db, now, CallCode);
        var organizations = Enumerable.Range(1, sessions).Select(i => ApplicationBenchmarks.NewOrganization(i, now)).ToList();
        db.Organizations.AddRange(organizations);
        await db.SaveChangesAsync();

        // Hashing is deliberately slow: one hash of the shared password serves every account, as the demo seeder does.
        var passwordHash = users.PasswordHasher.HashPassword(new PortalUser(), Password);
        var accounts = new List<(string UserId, string Email, int OrganizationId)>();
        for (var i = 0; i < sessions; i++)
        {
            var email = $"burst{i}@burst.example";
            var user = new PortalUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = $"신청자 {i}",
                PreferredLanguage = i % 3 == 0 ? Languages.English : Languages.Korean,
                OrganizationId = organizations[i].Id,
                CreatedAt = now,
                PasswordHash = passwordHash,
            };
            Ensure(await users.CreateAsync(user), email);
            Ensure(await users.AddToRoleAsync(user, Roles.Applicant), email);
            accounts.Add((user.Id, email, organizations[i].Id));
        }

        var applications = accounts.Select((a, i) => ApplicationBenchmarks.CompleteDraft(call, a.OrganizationId, a.UserId, i, now)).ToList();
        db.Applications.AddRange(applications);
        await db.SaveChangesAsync();
        return (call.Id, applications.Select((a, i) => new Session(a.Id, accounts[i].Email)).ToList());
    }

    private static void Ensure(IdentityResult result, string email)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }

    /// <summary>As a person would: the login page, the home page, the draft's link there, then the submit button in view.</summary>
    private static async Task<IPage> OpenAtSubmitAsync(IBrowser browser, string baseAddress, Session session)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress,
            Locale = "ko-KR",
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = "ko-KR" },
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
        });
        context.SetDefaultTimeout(180_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#login-email", session.Email);
        await page.FillAsync("#login-password", Password);
        await page.GetByTestId("login-submit").ClickAsync();
        await page.WaitForURLAsync(HomeUrl());
        await WaitUntilInteractiveAsync(page);

        await page.GetByTestId("continue-application").First.ClickAsync();
        await page.WaitForURLAsync(new Regex($"/applications/{session.ApplicationId}$"));
        await WaitUntilInteractiveAsync(page);
        var submit = page.GetByTestId("submit");
        await submit.ScrollIntoViewIfNeededAsync();
        await Expect(submit).ToBeEnabledAsync(new() { Timeout = 180_000 });

        // The page itself notes the click and the moment a receipt number shows: the figure does not include the
        // Playwright driver's queue, which 100 sessions released at once would otherwise add.
        await page.EvaluateAsync("""
            () => {
              window.__burst = {};
              const receipt = /\d{4}-[A-Z0-9]+-\d{4}/;
              document.addEventListener('click', e => {
                if (e.target.closest('[data-testid=submit]') && window.__burst.clickedAt === undefined) window.__burst.clickedAt = performance.now();
              }, { capture: true });
              const observer = new MutationObserver(() => {
                const shown = document.querySelector('[data-testid=receipt]');
                if (window.__burst.clickedAt !== undefined && shown && receipt.test(shown.textContent)) {
                  window.__burst.receiptAt = performance.now();
                  observer.disconnect();
                }
              });
              observer.observe(document.body, { childList: true, subtree: true, characterData: true });
            }
            """);
        return page;
    }

    private static async Task<Submission> SubmitAsync(IPage page, Session session)
    {
        var begin = Stopwatch.GetTimestamp();
        try
        {
            await page.GetByTestId("submit").ClickAsync();
            var receipt = page.GetByTestId("receipt");
            await Expect(receipt).ToContainTextAsync(ReceiptNumber(), new() { Timeout = 180_000 });
            var driverMs = Measure.Milliseconds(begin);
            var shown = ReceiptNumber().Match(await receipt.InnerTextAsync()).Value;
            var inPage = await page.EvaluateAsync<double?>("() => window.__burst.receiptAt === undefined ? null : window.__burst.receiptAt - window.__burst.clickedAt");
            return new Submission(session.ApplicationId, shown, inPage ?? driverMs, driverMs, null);
        }
        catch (PlaywrightException e)
        {
            // What the applicant saw instead of a receipt: whether the click reached the page, a reconnecting or failed
            // circuit, or an error on the form.
            var seen = await page.EvaluateAsync<string>("""
                () => {
                  const reconnect = document.querySelector('#components-reconnect-modal, components-reconnect-modal');
                  const failed = document.getElementById('blazor-error-ui');
                  return `click seen ${window.__burst?.clickedAt !== undefined}; reconnect ${reconnect ? (reconnect.className || reconnect.getAttribute('open') || 'present') : 'none'}; ` +
                    `error ui ${failed ? getComputedStyle(failed).display : 'none'}; main: ${(document.querySelector('main')?.innerText ?? '').replace(/\s+/g, ' ').slice(-300)}`;
                }
                """);
            return new Submission(session.ApplicationId, null, double.NaN, Measure.Milliseconds(begin), e.Message.Split('\n')[0] + " | " + seen);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private sealed record Check(int Submitted, int DistinctReceipts, int Lost, int Duplicated, int Mails, int ScreenMismatches);

    /// <summary>The database after the burst: every draft submitted once, with its own receipt, and one confirmation mail each.</summary>
    private static async Task<Check> CheckAsync(BurstPortal portal, int callId, int sessions, Submission[] submissions)
    {
        var dbFactory = portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync();
        var stored = await db.Applications.Where(a => a.CallId == callId)
            .Select(a => new { a.Id, a.Status, a.ReceiptNumber }).ToListAsync();
        var submitted = stored.Count(a => a.Status == ApplicationStatus.Submitted);
        var distinctReceipts = stored.Where(a => a.ReceiptNumber != null).Select(a => a.ReceiptNumber).Distinct().Count();
        var ids = stored.Select(a => a.Id.ToString(CultureInfo.InvariantCulture)).ToList();
        var submittedEvents = await db.AuditEvents
            .Where(e => e.Action == AuditActions.ApplicationSubmitted && e.EntityType == nameof(Application) && ids.Contains(e.EntityId))
            .GroupBy(e => e.EntityId).Select(g => g.Count()).ToListAsync();
        var submittedTwice = submittedEvents.Sum(c => Math.Max(0, c - 1));
        var receiptsOf = stored.ToDictionary(a => a.Id, a => a.ReceiptNumber);
        var screenMismatches = submissions.Count(s => s.Receipt is not null && receiptsOf.GetValueOrDefault(s.ApplicationId) != s.Receipt);

        // The outbox job sends the confirmations within its cron (5 s here): wait for them, then count.
        var waited = Stopwatch.GetTimestamp();
        var mails = 0;
        while (Stopwatch.GetElapsedTime(waited) < TimeSpan.FromSeconds(120))
        {
            mails = Directory.Exists(portal.MailFolder) ? Directory.GetFiles(portal.MailFolder, "*.eml").Length : 0;
            if (mails >= sessions)
            {
                // A few seconds more, so a duplicate sent by a later pass would be counted too.
                await Task.Delay(TimeSpan.FromSeconds(6));
                mails = Directory.GetFiles(portal.MailFolder, "*.eml").Length;
                break;
            }

            await Task.Delay(500);
        }

        return new Check(submitted, distinctReceipts, sessions - submitted, (submitted - distinctReceipts) + submittedTwice, mails, screenMismatches);
    }

    private static Task WaitUntilInteractiveAsync(IPage page) =>
        Expect(page.Locator("[data-interactive=true], [data-interactive=static]")).ToBeAttachedAsync(new() { Timeout = 180_000 });

    [GeneratedRegex(@"/(\?.*)?$")]
    private static partial Regex HomeUrl();

    [GeneratedRegex(@"\d{4}-[A-Z0-9]+-\d{4}")]
    private static partial Regex ReceiptNumber();
}
