using BotHost.Tests.Infrastructure;

namespace BotHost.Tests.Channels.Telegram;

/// <summary>One emulator, proxy and polling host for a test class; each test talks in its own chat.</summary>
public sealed class TelegramPollingFixture : IAsyncLifetime
{
    public const string Token = "123456:polling-TEST-token";
    private long _nextChat = 10_000;

    public TelegramEmulator Emulator { get; private set; } = null!;

    public TelegramBotApiProxy Proxy { get; private set; } = null!;

    public TelegramBotHost Host { get; private set; } = null!;

    public HttpClient Http { get; } = new();

    public TelegramTestUser NewUser(string languageCode) =>
        new(Http, Emulator.Url, Token, Interlocked.Increment(ref _nextChat), languageCode);

    public async Task InitializeAsync()
    {
        Emulator = await TelegramEmulator.StartAsync();
        Proxy = await TelegramBotApiProxy.StartAsync(Emulator.Url);
        Host = new TelegramBotHost(TrainedModel.NewDataDirectory("telegram-polling"), new Dictionary<string, string?>
        {
            ["Telegram:ApiBaseUrl"] = Proxy.Url,
            ["Telegram:BotToken"] = Token,
            ["Telegram:PollTimeoutSeconds"] = "5",
        });
        _ = Host.Server;
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Proxy.DisposeAsync();
        await Emulator.DisposeAsync();
        Http.Dispose();
    }
}
