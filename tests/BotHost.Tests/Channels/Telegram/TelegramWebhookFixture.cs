using BotHost.Tests.Infrastructure;

namespace BotHost.Tests.Channels.Telegram;

/// <summary>A host in webhook mode on a real 127.0.0.1 port, so the emulator (through the proxy's relay) can call it.</summary>
public sealed class TelegramWebhookFixture : IAsyncLifetime
{
    public const string Token = "777777:webhook-TEST-token";
    public const string Secret = "webhook-secret_0123456789";
    private long _nextChat = 50_000;

    public TelegramEmulator Emulator { get; private set; } = null!;

    public TelegramBotApiProxy Proxy { get; private set; } = null!;

    public TelegramBotHost Host { get; private set; } = null!;

    public string BotUrl { get; private set; } = "";

    public HttpClient Http { get; } = new();

    public TelegramTestUser NewUser(string languageCode) =>
        new(Http, Emulator.Url, Token, Interlocked.Increment(ref _nextChat), languageCode);

    public async Task InitializeAsync()
    {
        Emulator = await TelegramEmulator.StartAsync();
        Proxy = await TelegramBotApiProxy.StartAsync(Emulator.Url);
        var port = TelegramEmulator.FreePort();
        BotUrl = $"http://127.0.0.1:{port}";
        Host = new TelegramBotHost(TrainedModel.NewDataDirectory("telegram-webhook"), new Dictionary<string, string?>
        {
            ["Telegram:ApiBaseUrl"] = Proxy.Url,
            ["Telegram:BotToken"] = Token,
            ["Telegram:Mode"] = "Webhook",
            ["Telegram:WebhookSecret"] = Secret,
            ["Telegram:PublicUrl"] = BotUrl,
        });
        Host.UseKestrel(port);
        Host.StartServer();
        await Eventually.TrueAsync(() => Proxy.CallsOf("setWebhook").Any());
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Proxy.DisposeAsync();
        await Emulator.DisposeAsync();
        Http.Dispose();
    }
}
