using Microsoft.Playwright;
using Xunit;

namespace Tilannekuva.TestSupport;

/// <summary>
/// Headless Chromium driven by Playwright, as an xUnit fixture (<c>IClassFixture&lt;Chromium&gt;</c>).
/// Uses Debian's /usr/bin/chromium (or <c>TILANNEKUVA_CHROMIUM</c>) through <c>ExecutablePath</c>;
/// Playwright's own browser download is never used. Playwright's driver (node) ships in the NuGet package.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string EnvironmentVariable = "TILANNEKUVA_CHROMIUM";
    public const string DefaultExecutable = "/usr/bin/chromium";

    /// <summary>
    /// Flags for a closed network and a root user: without the background-networking ones Chromium keeps
    /// trying to reach Google's hosts.
    /// </summary>
    public static readonly IReadOnlyList<string> Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IPlaywright Playwright => _playwright ?? throw NotStarted();

    public IBrowser Browser => _browser ?? throw NotStarted();

    /// <summary>The browser binary: <c>TILANNEKUVA_CHROMIUM</c> if set, else /usr/bin/chromium.</summary>
    public static string ExecutablePath
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
            return string.IsNullOrWhiteSpace(configured) ? DefaultExecutable : configured;
        }
    }

    public async Task InitializeAsync()
    {
        var path = ExecutablePath;
        if (!File.Exists(path))
            throw new InvalidOperationException(
                $"Chromium not found at {path}. Run the test suite with ./scripts/test (see docs/testing.md), which installs " +
                $"Debian's chromium package, or set {EnvironmentVariable} to a Chromium binary.");
        _playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = path,
            Headless = true,
            Args = Arguments,
        });
    }

    /// <summary>A page in its own browser context (cookies and storage are not shared between pages).</summary>
    public async Task<IPage> NewPageAsync(BrowserNewContextOptions? options = null)
    {
        var context = await Browser.NewContextAsync(options ?? new BrowserNewContextOptions { Locale = "fi-FI" });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        _browser = null;
        _playwright = null;
    }

    private static InvalidOperationException NotStarted() => new("Chromium fixture has not been initialised.");
}
