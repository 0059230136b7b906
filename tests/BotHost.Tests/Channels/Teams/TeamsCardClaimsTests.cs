using BotHost.Channels.Teams;
using BotHost.ScaleOut;
using BotHost.Tests.Infrastructure;
using Handoff.Persistence.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BotHost.Tests.Channels.Teams;

/// <summary>The card-posting claims of several hosts, on a real (temporary) SQLite store file and a fake clock.</summary>
public sealed class TeamsCardClaimsTests : IAsyncLifetime
{
    private const long TicketId = 42;
    private readonly FakeTimeProvider _clock = new();
    private readonly ServiceProvider _services = new ServiceCollection().BuildServiceProvider();
    private TempSqliteStore _database = null!;
    private SqliteHandoffStore _store = null!;
    private TeamsAgentThreads _threads = null!;

    public async Task InitializeAsync()
    {
        _database = await TempSqliteStore.CreateAsync(_clock);
        _store = _database.Store;
        _threads = new TeamsAgentThreads(
            Options.Create(new TeamsOptions { AgentChannel = TeamsAppFactory.AgentChannel, AgentServiceUrl = "http://127.0.0.1:9/" }), _store, _services);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task TryClaimAsync_NoClaim_ClaimsForOneLength()
    {
        var sut = CreateSut();

        var claim = await sut.TryClaimAsync(TicketId, default);

        Assert.Equal(LeaseValue.Format(sut.HostId, _clock.GetUtcNow() + TeamsCardClaims.Length), claim);
        Assert.Equal(claim, await StoredAsync());
    }

    [Fact]
    public async Task TryClaimAsync_SeveralHostsAtOnce_ExactlyOneWins()
    {
        var hosts = Enumerable.Range(0, 4).Select(_ => CreateSut()).ToList();

        var claims = await Task.WhenAll(hosts.Select(h => Task.Run(() => h.TryClaimAsync(TicketId, default))));

        Assert.Equal(await StoredAsync(), Assert.Single(claims, c => c is not null));
    }

    [Fact]
    public async Task TryClaimAsync_LapsedClaimAfterReleaseOrCrash_TakenOverOnce()
    {
        var released = CreateSut();
        var releasedClaim = await released.TryClaimAsync(TicketId, default);
        await released.ReleaseAsync(TicketId, releasedClaim!, default);
        var crashed = CreateSut();
        var crashedClaim = await crashed.TryClaimAsync(TicketId, default);
        var sut = CreateSut();

        var whileLive = await sut.TryClaimAsync(TicketId, default);
        var sameHostWhileLive = await crashed.TryClaimAsync(TicketId, default);
        _clock.Advance(TeamsCardClaims.Length);
        var lapsed = await sut.TryClaimAsync(TicketId, default);
        var again = await CreateSut().TryClaimAsync(TicketId, default);

        Assert.NotNull(crashedClaim);
        Assert.Null(whileLive);
        Assert.Null(sameHostWhileLive);
        Assert.NotNull(lapsed);
        Assert.Null(again);
        Assert.Equal(lapsed, await StoredAsync());
    }

    [Fact]
    public async Task TryClaimAsync_LapsedClaimButCardLinked_ReturnsNull()
    {
        await CreateSut().TryClaimAsync(TicketId, default);
        await _threads.LinkAsync(TicketId, "1000001", default);
        _clock.Advance(TeamsCardClaims.Length + TimeSpan.FromMinutes(1));
        var sut = CreateSut();

        var claim = await sut.TryClaimAsync(TicketId, default);

        Assert.Null(claim);
    }

    [Fact]
    public async Task TryClaimAsync_CardPostedWithoutThread_NeverAgain()
    {
        var poster = CreateSut();
        await poster.MarkPostedWithoutThreadAsync(TicketId, (await poster.TryClaimAsync(TicketId, default))!, default);
        _clock.Advance(TeamsCardClaims.Length * 10);
        var sut = CreateSut();

        var claim = await sut.TryClaimAsync(TicketId, default);

        Assert.Null(claim);
        Assert.Equal(TeamsCardClaims.PostedWithoutThread, await StoredAsync());
    }

    private TeamsCardClaims CreateSut() => new(_store, _threads, _clock);

    private Task<string?> StoredAsync() => _store.GetCursorAsync(TeamsCardClaims.CursorName(TicketId), default);
}
