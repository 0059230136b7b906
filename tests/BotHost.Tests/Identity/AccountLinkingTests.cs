using BotHost.Identity;
using BotHost.Tests.Infrastructure;
using BotHost.Turns;
using Handoff.Persistence.Sqlite;
using Microsoft.Extensions.Options;

namespace BotHost.Tests.Identity;

/// <summary>The codes against a real (temporary) SQLite store and a fake clock.</summary>
public sealed class AccountLinkingTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new();
    private TempSqliteStore _database = null!;
    private SqliteHandoffStore _store = null!;

    public async Task InitializeAsync()
    {
        _database = await TempSqliteStore.CreateAsync(_clock);
        _store = _database.Store;
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private AccountLinking CreateSut(int lifetimeMinutes = 15) =>
        new(_store, _clock, Options.Create(new IdentityOptions { LinkCodeLifetimeMinutes = lifetimeMinutes }));

    [Fact]
    public async Task CreateCodeAsync_NewCode_TwoGroupsOfFourFromTheAlphabet()
    {
        var sut = CreateSut();

        var code = await sut.CreateCodeAsync("p-1001", CancellationToken.None);

        Assert.Matches("^[0-9ABCDEFGHJKMNPQRSTVWXYZ]{4}-[0-9ABCDEFGHJKMNPQRSTVWXYZ]{4}$", code);
    }

    [Theory]
    [InlineData("as shown")]
    [InlineData("lower case")]
    [InlineData("no dash")]
    [InlineData("space")]
    public async Task TryRedeemAsync_CodeTypedDifferently_ReturnsPlayerId(string variant)
    {
        var sut = CreateSut();
        var code = await sut.CreateCodeAsync("p-1001", CancellationToken.None);
        var typed = variant switch
        {
            "lower case" => code.ToLowerInvariant(),
            "no dash" => code.Replace("-", "", StringComparison.Ordinal),
            "space" => code.Replace('-', ' '),
            _ => code,
        };

        var playerId = await sut.TryRedeemAsync(typed, CancellationToken.None);

        Assert.Equal("p-1001", playerId);
    }

    [Fact]
    public async Task TryRedeemAsync_SecondTime_ReturnsNull()
    {
        var sut = CreateSut();
        var code = await sut.CreateCodeAsync("p-1001", CancellationToken.None);

        var first = await sut.TryRedeemAsync(code, CancellationToken.None);
        var second = await sut.TryRedeemAsync(code, CancellationToken.None);

        Assert.Equal("p-1001", first);
        Assert.Null(second);
    }

    [Fact]
    public async Task TryRedeemAsync_AfterLifetime_ReturnsNull()
    {
        var sut = CreateSut(lifetimeMinutes: 15);
        var code = await sut.CreateCodeAsync("p-1001", CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(16));

        var playerId = await sut.TryRedeemAsync(code, CancellationToken.None);

        Assert.Null(playerId);
    }

    [Fact]
    public async Task TryRedeemAsync_JustBeforeExpiry_ReturnsPlayerId()
    {
        var sut = CreateSut(lifetimeMinutes: 15);
        var code = await sut.CreateCodeAsync("p-1002", CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(14));

        var playerId = await sut.TryRedeemAsync(code, CancellationToken.None);

        Assert.Equal("p-1002", playerId);
    }

    [Theory]
    [InlineData("ZZZZ-9999")]
    [InlineData("XXXX")]
    [InlineData("not a code at all")]
    [InlineData("")]
    public async Task TryRedeemAsync_UnknownOrMalformed_ReturnsNull(string code)
    {
        var sut = CreateSut();

        var playerId = await sut.TryRedeemAsync(code, CancellationToken.None);

        Assert.Null(playerId);
    }

    [Fact]
    public async Task TryRedeemAsync_ManyAtOnce_ExactlyOnePlayerId()
    {
        var sut = CreateSut();
        var code = await sut.CreateCodeAsync("p-1001", CancellationToken.None);
        using var start = new ManualResetEventSlim();

        var redeems = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            return await sut.TryRedeemAsync(code, CancellationToken.None);
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(redeems);

        Assert.Single(results, r => r is not null);
        Assert.Equal("p-1001", results.Single(r => r is not null));
    }

    [Fact]
    public async Task CreateCodeAsync_StoresOnlyAHashOfTheCode()
    {
        var sut = CreateSut();
        var code = await sut.CreateCodeAsync("p-1001", CancellationToken.None);

        var byPlainName = await _store.GetCursorAsync("link-code:" + code.Replace("-", "", StringComparison.Ordinal), CancellationToken.None);

        Assert.Null(byPlainName);
    }

    [Fact]
    public async Task RecognizeAsync_LinkCommand_CodeMaskedInTextAndPayload()
    {
        var sut = CreateSut();
        var turn = Message("link k7qm-4xpd", """{"type":"message","text":"link k7qm-4xpd"}""");

        var recognized = await sut.RecognizeAsync(turn, CancellationToken.None);

        Assert.Equal("k7qm-4xpd", recognized.LinkCode);
        Assert.Equal("link ****-****", recognized.Text);
        Assert.DoesNotContain("k7qm", recognized.PayloadJson!, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task RecognizeAsync_BareLiveCode_IsALinkRequest()
    {
        var sut = CreateSut();
        var code = await sut.CreateCodeAsync("p-1001", CancellationToken.None);

        var recognized = await sut.RecognizeAsync(Message(code.ToLowerInvariant(), null), CancellationToken.None);

        Assert.Equal(code.ToLowerInvariant(), recognized.LinkCode);
        Assert.Equal(LinkCode.Masked, recognized.Text);
    }

    [Fact]
    public async Task RecognizeAsync_BareCodeShapeThatIsNoLiveCode_StaysAMessage()
    {
        var sut = CreateSut();
        var turn = Message("WIN5-2024", null);

        var recognized = await sut.RecognizeAsync(turn, CancellationToken.None);

        Assert.Same(turn, recognized);
    }

    [Fact]
    public async Task RecognizeAsync_ButtonPress_Unchanged()
    {
        var sut = CreateSut();
        var turn = Message("link K7QM-4XPD", null) with { Value = "intent:balance" };

        var recognized = await sut.RecognizeAsync(turn, CancellationToken.None);

        Assert.Same(turn, recognized);
    }

    private static Turn Message(string text, string? payload) =>
        new TurnBuilder().WithText(text).Build() with { PayloadJson = payload };
}
