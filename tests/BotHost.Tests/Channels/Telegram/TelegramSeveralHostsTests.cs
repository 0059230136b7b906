using System.Diagnostics;
using BotHost.Channels.Telegram;
using BotHost.ScaleOut;
using BotHost.Tests.Infrastructure;
using BotHost.Tests.ScaleOut;
using Handoff;
using Handoff.Conversations;
using Handoff.Persistence;
using Handoff.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BotHost.Tests.Channels.Telegram;

/// <summary>
/// Several hosts polling one bot on one store (a SQLite file in WAL mode, or PostgreSQL as in scale-out), against the
/// telegram-test-api emulator: only the holder of the polling lease calls getUpdates, each update is answered once,
/// and the lease moves on at once when the holder stops, or when another host takes it.
/// </summary>
public sealed class TelegramSeveralHostsTests : IAsyncLifetime
{
    private const string Token = "246810:several-TEST-token";
    private const string Greeting = "virtual assistant";
    private const string WithdrawalQuestion = "how long does a card withdrawal take?";
    private readonly Dictionary<string, TelegramBotHost> _hosts = new(StringComparer.Ordinal);
    private readonly string _sqlitePath = Path.Combine(Path.GetTempPath(), $"telegram-hosts-{Guid.NewGuid():N}.db");
    private readonly HttpClient _http = new();
    private TelegramEmulator _emulator = null!;
    private TelegramBotApiProxy _proxy = null!;
    private long _nextChat = 20_000;

    public async Task InitializeAsync()
    {
        _emulator = await TelegramEmulator.StartAsync();
        _proxy = await TelegramBotApiProxy.StartAsync(_emulator.Url);
    }

    public async Task DisposeAsync()
    {
        await StopHostsAsync();
        await _proxy.DisposeAsync();
        await _emulator.DisposeAsync();
        _http.Dispose();
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _sqlitePath, _sqlitePath + "-wal", _sqlitePath + "-shm" })
        {
            File.Delete(file);
        }
    }

    [Fact]
    public Task TwoHosts_SqliteFile_OnlyTheLeaseHolderPollsAndEachMessageIsAnsweredOnce() =>
        OnlyTheHolderPollsAsync(SqliteStore());

    [PostgresFact]
    public async Task TwoHosts_Postgres_OnlyTheLeaseHolderPollsAndEachMessageIsAnsweredOnce()
    {
        await using var database = await TestDatabase.CreateAsync();
        await OnlyTheHolderPollsAsync(PostgresStore(database.ConnectionString));
    }

    [Fact]
    public Task TwoHosts_SqliteFile_HolderStopsGracefully_OtherTakesOverAtOnceFromTheStoredOffset() =>
        GracefulStopAsync(SqliteStore());

    [PostgresFact]
    public async Task TwoHosts_Postgres_HolderStopsGracefully_OtherTakesOverAtOnceFromTheStoredOffset()
    {
        await using var database = await TestDatabase.CreateAsync();
        await GracefulStopAsync(PostgresStore(database.ConnectionString));
    }

    [Fact]
    public async Task Poll_LeaseTakenByAnotherHost_StopsPollingAndTheUpdateWaitsForTheNextHolder()
    {
        try
        {
            var host = StartHost("a", SqliteStore());
            var store = host.Get<IHandoffStore>();
            await HolderAsync(store);
            var user = NewUser("en");
            await user.SendTextAsync("hello");
            await user.WaitForTextAsync(Greeting, 0);
            var offset = await PolledOffsetAsync(store);
            // Another host takes the lease (as one would after this one's lease expired), or one that crashed holds it.
            var takenUntil = TimeProvider.System.GetUtcNow() + TimeSpan.FromSeconds(6);
            await store.SetCursorAsync(TelegramPollingLease.CursorName, LeaseValue.Format("other-host", takenUntil), default);
            var mark = user.Mark;

            await user.SendTextAsync(WithdrawalQuestion);

            // The poll that was open returns the update; the renewal before handling it fails, and polling stops.
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            var pollsAfterLoss = _proxy.CallsOf("getUpdates").Count();
            await user.SettleAsync(takenUntil - TimeProvider.System.GetUtcNow() - TimeSpan.FromSeconds(1));
            Assert.Equal(pollsAfterLoss, _proxy.CallsOf("getUpdates").Count());
            Assert.Equal(mark, user.Mark);
            Assert.Equal(offset.ToString(System.Globalization.CultureInfo.InvariantCulture), await store.GetCursorAsync(TelegramReceiver.OffsetCursor, default));
            // Once that lease expires, this host takes it back and handles the update it left, once.
            await user.WaitForTextAsync("withdraw", mark);
            Assert.True(TimeProvider.System.GetUtcNow() >= takenUntil);
            Assert.Equal("a", await HolderAsync(store));
            await AssertPlayerSaidOnceAsync(store, user, "hello", WithdrawalQuestion);
            Assert.Equal(0, _proxy.OverlappingPolls);
        }
        finally
        {
            await StopHostsAsync();
        }
    }

    private async Task OnlyTheHolderPollsAsync(IReadOnlyDictionary<string, string?> storeSettings)
    {
        try
        {
            StartHost("a", storeSettings);
            var store = StartHost("b", storeSettings).Get<IHandoffStore>();
            var holder = await HolderAsync(store);
            var chats = new[]
            {
                (User: NewUser("en"), Text: "hello", Answer: Greeting),
                (User: NewUser("pl"), Text: "jak anulować wypłatę?", Answer: "Wypłat"),
                (User: NewUser("en"), Text: WithdrawalQuestion, Answer: "withdraw"),
                (User: NewUser("ru"), Text: "привет", Answer: ""),
            };

            await Task.WhenAll(chats.Select(c => c.User.SendTextAsync(c.Text)));

            foreach (var (user, _, answer) in chats)
            {
                await user.WaitForTextAsync(answer, 0);
            }

            await Task.Delay(TimeSpan.FromSeconds(1.5));
            foreach (var (user, text, _) in chats)
            {
                await user.SettleAsync(TimeSpan.Zero);
                var said = user.Messages.Select(TelegramTestUser.Text).ToList();
                // Handled twice, a turn would have sent its answer twice.
                Assert.Equal(said.Distinct(StringComparer.Ordinal), said);
                await AssertPlayerSaidOnceAsync(store, user, text);
            }

            Assert.Equal(holder, await HolderAsync(store));
            Assert.All(_proxy.CallsOf("getUpdates"), c => Assert.Equal(holder, c.Host));
            Assert.All(_proxy.CallsOf("sendMessage"), c => Assert.Equal(holder, c.Host));
            Assert.Equal(0, _proxy.OverlappingPolls);
        }
        finally
        {
            await StopHostsAsync();
        }
    }

    private async Task GracefulStopAsync(IReadOnlyDictionary<string, string?> storeSettings)
    {
        try
        {
            StartHost("a", storeSettings);
            StartHost("b", storeSettings);
            var store = _hosts["b"].Get<IHandoffStore>();
            var holder = await HolderAsync(store);
            var successor = holder == "a" ? "b" : "a";
            store = _hosts[successor].Get<IHandoffStore>();
            var user = NewUser("en");
            await user.SendTextAsync("hello");
            await user.WaitForTextAsync(Greeting, 0);
            var offset = await PolledOffsetAsync(store);
            var callsBefore = _proxy.Calls.Count;
            var stopping = Stopwatch.GetTimestamp();

            await _hosts[holder].DisposeAsync();
            _hosts.Remove(holder);
            var callsAfterStop = _proxy.Calls.Count;
            var mark = user.Mark;
            await user.SendTextAsync(WithdrawalQuestion);

            await user.WaitForTextAsync("withdraw", mark);
            var takeover = Stopwatch.GetElapsedTime(stopping);
            // Released, not left to expire: far sooner than the 30 s lease.
            Assert.True(takeover < TimeSpan.FromSeconds(10), $"took over after {takeover}");
            Assert.Equal(successor, await HolderAsync(store));
            Assert.All(_proxy.Calls.Take(callsBefore).Where(c => c.Method == "getUpdates"), c => Assert.Equal(holder, c.Host));
            Assert.All(_proxy.Calls.Skip(callsAfterStop).Where(c => c.Method == "getUpdates"), c => Assert.Equal(successor, c.Host));
            var firstPoll = _proxy.Calls.Skip(callsBefore).First(c => c.Method == "getUpdates" && c.Host == successor);
            Assert.Equal(offset, firstPoll.Body["offset"]!.GetValue<long>());
            await AssertPlayerSaidOnceAsync(store, user, "hello", WithdrawalQuestion);
            var said = user.Messages.Select(TelegramTestUser.Text).ToList();
            Assert.Equal(said.Distinct(StringComparer.Ordinal), said);
            Assert.Equal(0, _proxy.OverlappingPolls);
        }
        finally
        {
            await StopHostsAsync();
        }
    }

    private TelegramBotHost StartHost(string name, IReadOnlyDictionary<string, string?> storeSettings)
    {
        var settings = new Dictionary<string, string?>(storeSettings)
        {
            ["Telegram:ApiBaseUrl"] = _proxy.UrlFor(name),
            ["Telegram:BotToken"] = Token,
            ["Telegram:PollTimeoutSeconds"] = "5",
            ["Telegram:PollLeaseRetryMilliseconds"] = "250",
        };
        var host = new TelegramBotHost(TrainedModel.NewDataDirectory("telegram-host-" + name), settings);
        _hosts.Add(name, host);
        _ = host.Server;
        return host;
    }

    private async Task StopHostsAsync()
    {
        foreach (var host in _hosts.Values)
        {
            await host.DisposeAsync();
        }

        _hosts.Clear();
    }

    /// <summary>The name of the host whose receiver holds the polling lease, once one does.</summary>
    private async Task<string> HolderAsync(IHandoffStore store)
    {
        var index = await Eventually.ValueAsync(async () =>
        {
            var now = TimeProvider.System.GetUtcNow();
            if (!LeaseValue.TryParse(await store.GetCursorAsync(TelegramPollingLease.CursorName, default), out var holder, out var expires)
                || expires <= now)
            {
                return (int?)null;
            }

            var found = _hosts.Values.ToList().FindIndex(h => ReceiverOf(h).HostId == holder);
            return found < 0 ? null : found;
        });
        return _hosts.Keys.ElementAt(index);
    }

    /// <summary>The stored offset, once the holder has handled everything and polls from it.</summary>
    private async Task<long> PolledOffsetAsync(IHandoffStore store) =>
        await Eventually.ValueAsync(async () =>
            long.TryParse(await store.GetCursorAsync(TelegramReceiver.OffsetCursor, default), out var value)
            && _proxy.CallsOf("getUpdates").Any(c => c.Body["offset"]?.GetValue<long>() == value) ? value : (long?)null);

    private static async Task AssertPlayerSaidOnceAsync(IHandoffStore store, TelegramTestUser user, params string[] texts)
    {
        var transcript = await store.GetMessagesAsync(user.ConversationId, 0, 100, false, default);
        Assert.Equal(texts, transcript.Where(m => m.Sender == MessageSender.Player).Select(m => m.Text));
    }

    private static TelegramReceiver ReceiverOf(TelegramBotHost host) =>
        host.Services.GetServices<IHostedService>().OfType<TelegramReceiver>().Single();

    private TelegramTestUser NewUser(string languageCode) =>
        new(_http, _emulator.Url, Token, Interlocked.Increment(ref _nextChat), languageCode);

    private Dictionary<string, string?> SqliteStore() => new()
    {
        ["Handoff:ConnectionString"] = new SqliteConnectionStringBuilder { DataSource = _sqlitePath }.ToString(),
    };

    private static Dictionary<string, string?> PostgresStore(string connectionString) => new()
    {
        ["Handoff:Provider"] = HandoffOptions.PostgresProvider,
        ["Handoff:ConnectionString"] = connectionString,
    };
}
