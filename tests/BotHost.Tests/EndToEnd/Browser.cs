using BotHost.Tests.Infrastructure;
using Microsoft.Playwright;

namespace BotHost.Tests.EndToEnd;

/// <summary>Headless Debian Chromium driven by Playwright, started with the flags this closed network needs.</summary>
public sealed class Browser : IAsyncLifetime
{
    public static string ExecutablePath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Instance { get; private set; } = null!;

    public static string ScreenshotDirectory
    {
        get
        {
            var path = Path.Combine(RepoPaths.Root, "test-results", "screenshots");
            Directory.CreateDirectory(path);
            return path;
        }
    }

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        Instance = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--no-first-run", "--disable-quic", "--disable-sync",
            ],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Instance.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Instance is not null)
        {
            await Instance.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
