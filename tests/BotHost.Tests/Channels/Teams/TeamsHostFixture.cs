namespace BotHost.Tests.Channels.Teams;

/// <summary>One channel emulator and one host per test class; tests use their own conversation ids.</summary>
public class TeamsHostFixture : IAsyncLifetime
{
    private HttpClient? _client;

    public TeamsHostFixture()
        : this(authenticated: true)
    {
    }

    protected TeamsHostFixture(bool authenticated, IEnumerable<KeyValuePair<string, string?>>? settings = null)
    {
        Emulator = new ChannelEmulator { RequireToken = authenticated };
        Factory = new TeamsAppFactory(Emulator, authenticated, settings);
    }

    public ChannelEmulator Emulator { get; }

    public TeamsAppFactory Factory { get; }

    public HttpClient Client => _client ?? throw new InvalidOperationException("The host did not start.");

    public async Task InitializeAsync()
    {
        await Emulator.StartAsync();
        _client = Factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        await Factory.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
