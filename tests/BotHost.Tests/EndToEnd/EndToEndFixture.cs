namespace BotHost.Tests.EndToEnd;

/// <summary>One live host (on its own copy of data/faq, which tests may teach) and one Chromium per test class.</summary>
public sealed class EndToEndFixture : IAsyncLifetime
{
    public LiveHost Host { get; private set; } = null!;

    public Browser Browser { get; } = new();

    public async Task InitializeAsync()
    {
        Host = new LiveHost(editableFaq: true);
        if (File.Exists(Browser.ExecutablePath))
        {
            await Browser.InitializeAsync();
        }
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        await Host.DisposeAsync();
    }
}
