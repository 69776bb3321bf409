using Microsoft.Playwright;

namespace GrantPortal.Benchmarks;

/// <summary>Debian's Chromium as the browser benchmarks launch it: headless, offline, nothing running in the background.</summary>
internal static class BenchmarkBrowser
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright, params string[] moreArgs) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                .. moreArgs,
            ],
        });
}
