using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using GrantPortal.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

// The browser half of tests/scale-out.sh: an applicant works through nginx on two portal instances, the instance
// holding the circuit is killed, and the work carries on on the other one. Every check prints one line; the exit
// code is 0 only when all held. The script gives the addresses and process ids:
//   SCALEOUT_PROXY      http://127.0.0.1:PORT (nginx)
//   SCALEOUT_INSTANCES  a=http://127.0.0.1:PORT,b=http://127.0.0.1:PORT (each instance directly)
//   SCALEOUT_PIDS       a=PID,b=PID
//   SCALEOUT_ARTIFACTS  a folder for a screenshot when something failed (optional)
var proxy = Required("SCALEOUT_PROXY");
var instances = Pairs(Required("SCALEOUT_INSTANCES"));
var pids = Pairs(Required("SCALEOUT_PIDS")).ToDictionary(p => p.Key, p => int.Parse(p.Value, CultureInfo.InvariantCulture));
var failures = new List<string>();
var pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n% scale-out "u8.ToArray().Concat(Guid.NewGuid().ToByteArray()).ToArray();
var titleText = "Scale-out draft " + Guid.NewGuid().ToString("N")[..8];
var summaryText = "Written after the failover " + Guid.NewGuid().ToString("N")[..8];

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = "/usr/bin/chromium",
    Headless = true,
    Args =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    ],
});
var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = proxy, Locale = "ko-KR" });
context.SetDefaultTimeout(30_000);
SetDefaultExpectTimeout(30_000);
var page = await context.NewPageAsync();
var title = page.Locator("[data-testid=field-ProjectTitle] input, input[data-testid=field-ProjectTitle]");
var summary = page.Locator("[data-testid=field-Summary] textarea, textarea[data-testid=field-Summary]");

try
{
    // Sign in through the proxy; nginx's affinity cookie keeps this browser on one instance.
    await page.GotoAsync("/Account/Login");
    await page.FillAsync("#login-email", DemoAccounts.Applicant1.Email);
    await page.FillAsync("#login-password", DemoAccounts.Password);
    await page.GetByTestId("login-submit").ClickAsync();
    await page.WaitForURLAsync(new Regex(@"/(\?.*)?$"));
    await WaitUntilInteractiveAsync(page);
    var holder = await AnsweredByAsync(context.APIRequest, "/health/live");
    Check(holder is not null && instances.ContainsKey(holder), $"signed in through the proxy; the circuit is on instance {holder}");
    if (holder is null || !instances.ContainsKey(holder))
    {
        return Finish();
    }

    var survivor = instances.Keys.Single(k => k != holder);
    var again = await AnsweredByAsync(context.APIRequest, "/health/live");
    Check(again == holder, $"the proxy keeps this browser on {holder} (answered {again})");

    // The sign-in cookie from one instance is read by every instance; a request without it is sent to sign in.
    foreach (var (name, address) in instances)
    {
        var signedIn = await context.APIRequest.GetAsync($"{address}/applications", new() { MaxRedirects = 0 });
        var body = await signedIn.TextAsync();
        Check(signedIn.Status == 200 && body.Contains("my-applications", StringComparison.Ordinal) && Header(signedIn) == name,
            $"the sign-in cookie opens /applications on instance {name} directly (HTTP {signedIn.Status}, answered by {Header(signedIn)})");
    }

    var anonymousContext = await playwright.APIRequest.NewContextAsync();
    var anonymous = await anonymousContext.GetAsync($"{instances[survivor]}/applications", new() { MaxRedirects = 0 });
    var anonymousBody = await anonymous.TextAsync();
    Check(!anonymousBody.Contains("my-applications", StringComparison.Ordinal),
        $"without the cookie instance {survivor} does not show the applicant's list (HTTP {anonymous.Status})");
    await anonymousContext.DisposeAsync();

    // A draft edited and a file attached on the instance holding the circuit.
    await page.GetByTestId("nav-Nav_Applications").ClickAsync();
    await page.GetByTestId("my-applications").Locator("tr", new() { HasText = "작성 중" }).Filter(new() { HasText = "북한인권 기록·조사 긴급 공모" }).First.Locator("a").ClickAsync();
    await page.WaitForURLAsync(new Regex(@"/applications/\d+$"));
    await WaitUntilInteractiveAsync(page);
    var applicationUrl = page.Url;
    await title.FillAsync(titleText);
    await Expect(page.GetByTestId("saved-at")).ToContainTextAsync("저장됨");
    Check(true, $"draft title autosaved on {holder}");

    await page.Locator("section[aria-labelledby=attachments-heading] input[type=file]").SetInputFilesAsync(new FilePayload
    {
        Name = "scale-out-plan.pdf",
        MimeType = "application/pdf",
        Buffer = pdf,
    });
    var attachment = page.GetByTestId("attachment").Filter(new() { HasText = "scale-out-plan.pdf" });
    await Expect(attachment).ToBeVisibleAsync();
    var href = await attachment.Locator("a").GetAttributeAsync("href") ?? throw new InvalidOperationException("The attachment has no link.");
    var direct = await context.APIRequest.GetAsync($"{instances[survivor]}{href}");
    Check(direct.Status == 200 && (await direct.BodyAsync()).SequenceEqual(pdf) && Header(direct) == survivor,
        $"the attachment uploaded through {holder} downloads from instance {survivor} (HTTP {direct.Status})");

    // The instance holding the circuit dies. Blazor reconnects through the proxy, the survivor does not know the
    // circuit, the page reloads there, and the draft is what the last autosave left.
    await page.EvaluateAsync("() => { window.scaleOutBeforeFailover = true; }");
    var clock = Stopwatch.StartNew();
    using (var process = Process.GetProcessById(pids[holder]))
    {
        process.Kill();
        await process.WaitForExitAsync();
    }

    Console.WriteLine($"info instance {holder} killed");
    await page.WaitForFunctionAsync("() => window.scaleOutBeforeFailover === undefined", null, new() { Timeout = 90_000, PollingInterval = 250 });
    await WaitUntilInteractiveAsync(page);
    var failover = clock.Elapsed;
    var nowOn = await AnsweredByAsync(context.APIRequest, "/health/live");
    Check(nowOn == survivor, $"after the kill the page reloaded on {nowOn} in {failover.TotalSeconds:0.0} s, still signed in");
    Check(page.Url == applicationUrl, $"the reloaded page is the same draft ({page.Url})");
    await Expect(title).ToHaveValueAsync(titleText);
    Check(true, "the autosaved title survived the failover");
    await Expect(attachment).ToBeVisibleAsync();
    Check(true, "the attachment is still listed");

    // Work carries on on the survivor.
    await summary.FillAsync(summaryText);
    await Expect(page.GetByTestId("saved-at")).ToContainTextAsync("저장됨");
    await page.ReloadAsync();
    await WaitUntilInteractiveAsync(page);
    await Expect(summary).ToHaveValueAsync(summaryText);
    await Expect(title).ToHaveValueAsync(titleText);
    Check(true, $"the summary typed after the failover autosaved on {survivor} and reads back after a reload");

    var viaProxy = await context.APIRequest.GetAsync(href);
    Check(viaProxy.Status == 200 && (await viaProxy.BodyAsync()).SequenceEqual(pdf) && Header(viaProxy) == survivor,
        $"the attachment downloads through the proxy from {Header(viaProxy)} (HTTP {viaProxy.Status})");
}
catch (Exception e) when (e is PlaywrightException or TimeoutException or InvalidOperationException)
{
    failures.Add(e.GetType().Name);
    Console.WriteLine($"FAIL {e.Message}");
}

return await FinishWithScreenshotAsync();

async Task<int> FinishWithScreenshotAsync()
{
    if (failures.Count > 0 && Environment.GetEnvironmentVariable("SCALEOUT_ARTIFACTS") is { Length: > 0 } folder)
    {
        try
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "scale-out-failure.png"), FullPage = true });
            Console.WriteLine($"info screenshot at {Path.Combine(folder, "scale-out-failure.png")}");
        }
        catch (PlaywrightException)
        {
            // The page may be gone with the browser; the lines above say what failed.
        }
    }

    return Finish();
}

int Finish()
{
    Console.WriteLine(failures.Count == 0 ? "browser check: all held" : $"browser check: {failures.Count} failed");
    return failures.Count == 0 ? 0 : 1;
}

void Check(bool held, string what)
{
    Console.WriteLine($"{(held ? "ok  " : "FAIL")} {what}");
    if (!held)
    {
        failures.Add(what);
    }
}

static async Task<string?> AnsweredByAsync(IAPIRequestContext request, string url) => Header(await request.GetAsync(url));

static string? Header(IAPIResponse response) =>
    response.Headers.TryGetValue("x-grantportal-instance", out var name) ? name : null;

static Task WaitUntilInteractiveAsync(IPage page) =>
    Expect(page.Locator("[data-interactive=true], [data-interactive=static]")).ToBeAttachedAsync(new() { Timeout = 30_000 });

static string Required(string name) =>
    Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : throw new InvalidOperationException($"{name} is not set; tests/scale-out.sh sets it.");

static Dictionary<string, string> Pairs(string text) => text
    .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
    .Select(pair => pair.Split('=', 2))
    .ToDictionary(p => p[0], p => p[1]);
