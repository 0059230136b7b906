using BotHost.Channels.Telegram;
using BotHost.ScaleOut;
using BotHost.Tests.Infrastructure;
using Handoff.Persistence.Sqlite;

namespace BotHost.Tests.Channels.Telegram;

/// <summary>The polling lease of several hosts, on a real (temporary) SQLite store file and a fake clock.</summary>
public sealed class TelegramPollingLeaseTests : IAsyncLifetime
{
    private static readonly TimeSpan Length = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider _clock = new();
    private TempSqliteStore _database = null!;
    private SqliteHandoffStore _store = null!;

    public async Task InitializeAsync()
    {
        _database = await TempSqliteStore.CreateAsync(_clock);
        _store = _database.Store;
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task TryAcquireAsync_NoLease_TakesItForOneLength()
    {
        var sut = CreateSut("host-a");

        var acquired = await sut.TryAcquireAsync(default);

        Assert.True(acquired);
        Assert.True(sut.IsHeld);
        Assert.Equal(LeaseValue.Format("host-a", _clock.GetUtcNow() + Length), await StoredAsync());
    }

    [Fact]
    public async Task TryAcquireAsync_OtherHostsLeaseLive_FailsAndNamesTheHolder()
    {
        var holder = CreateSut("host-a");
        await holder.TryAcquireAsync(default);
        var stored = await StoredAsync();
        _clock.Advance(Length - TimeSpan.FromSeconds(1));
        var sut = CreateSut("host-b");

        var acquired = await sut.TryAcquireAsync(default);

        Assert.False(acquired);
        Assert.False(sut.IsHeld);
        Assert.Equal("host-a", sut.OtherHolder);
        Assert.Equal(stored, await StoredAsync());
    }

    [Fact]
    public async Task TryAcquireAsync_OtherHostsLeaseExpired_TakesOver()
    {
        var crashed = CreateSut("host-a");
        await crashed.TryAcquireAsync(default);
        _clock.Advance(Length);
        var sut = CreateSut("host-b");

        var acquired = await sut.TryAcquireAsync(default);

        Assert.True(acquired);
        Assert.Null(sut.OtherHolder);
        Assert.Equal(LeaseValue.Format("host-b", _clock.GetUtcNow() + Length), await StoredAsync());
    }

    [Fact]
    public async Task TryAcquireAsync_TwoHostsAtOnce_ExactlyOneWins()
    {
        var hosts = new[] { CreateSut("host-a"), CreateSut("host-b"), CreateSut("host-c") };

        var acquired = await Task.WhenAll(hosts.Select(h => h.TryAcquireAsync(default)));

        var winner = Assert.Single(hosts.Where((_, i) => acquired[i]));
        Assert.True(LeaseValue.TryParse(await StoredAsync(), out var holder, out _));
        Assert.Equal(winner.HostId, holder);
    }

    [Fact]
    public async Task TryAcquireAsync_ItsOwnLeaseFromBefore_TakesItBackAtOnce()
    {
        await _store.SetCursorAsync(TelegramPollingLease.CursorName, LeaseValue.Format("host-a", _clock.GetUtcNow() + Length), default);
        var sut = CreateSut("host-a");

        var acquired = await sut.TryAcquireAsync(default);

        Assert.True(acquired);
    }

    [Theory]
    [InlineData("")]
    [InlineData("host-a")]
    [InlineData("host-a soon")]
    public async Task TryAcquireAsync_MalformedLease_CountsAsFree(string stored)
    {
        await _store.SetCursorAsync(TelegramPollingLease.CursorName, stored, default);
        var sut = CreateSut("host-b");

        var acquired = await sut.TryAcquireAsync(default);

        Assert.True(acquired);
    }

    [Fact]
    public async Task TryRenewAsync_StillHeld_ExtendsByOneLength()
    {
        var sut = CreateSut("host-a");
        await sut.TryAcquireAsync(default);
        _clock.Advance(TimeSpan.FromSeconds(10));

        var renewed = await sut.TryRenewAsync(default);
        _clock.Advance(Length - TimeSpan.FromSeconds(5));

        Assert.True(renewed);
        Assert.Equal(Length - TimeSpan.FromSeconds(5), sut.SinceRenewed);
        Assert.False(await CreateSut("host-b").TryAcquireAsync(default));
    }

    [Fact]
    public async Task TryRenewAsync_AnotherHostTookOver_FailsAndNoLongerHolds()
    {
        var sut = CreateSut("host-a");
        await sut.TryAcquireAsync(default);
        _clock.Advance(Length + TimeSpan.FromSeconds(1));
        var successor = CreateSut("host-b");
        await successor.TryAcquireAsync(default);
        var stored = await StoredAsync();

        var renewed = await sut.TryRenewAsync(default);

        Assert.False(renewed);
        Assert.False(sut.IsHeld);
        Assert.Equal(stored, await StoredAsync());
        Assert.True(await successor.TryRenewAsync(default));
    }

    [Fact]
    public async Task ReleaseAsync_Held_AnotherHostTakesItAtOnce()
    {
        var sut = CreateSut("host-a");
        await sut.TryAcquireAsync(default);
        var next = CreateSut("host-b");

        var released = await sut.ReleaseAsync(default);

        Assert.True(released);
        Assert.False(sut.IsHeld);
        Assert.True(await next.TryAcquireAsync(default));
        Assert.False(await sut.TryRenewAsync(default));
    }

    [Fact]
    public async Task ReleaseAsync_AnotherHostTookOver_LeavesItsLeaseAlone()
    {
        var sut = CreateSut("host-a");
        await sut.TryAcquireAsync(default);
        _clock.Advance(Length);
        await CreateSut("host-b").TryAcquireAsync(default);
        var stored = await StoredAsync();

        var released = await sut.ReleaseAsync(default);

        Assert.False(released);
        Assert.Equal(stored, await StoredAsync());
    }

    private TelegramPollingLease CreateSut(string hostId) => new(_store, _clock, hostId, Length);

    private Task<string?> StoredAsync() => _store.GetCursorAsync(TelegramPollingLease.CursorName, default);
}
