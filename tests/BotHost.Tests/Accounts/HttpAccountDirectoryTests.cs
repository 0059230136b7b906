using BotHost.Accounts;
using BotHost.Bot;
using BotHost.Tests.Infrastructure;

namespace BotHost.Tests.Accounts;

public sealed class HttpAccountDirectoryTests(HttpAccountDirectoryTests.OperatorApiBotAppFactory factory)
    : IClassFixture<HttpAccountDirectoryTests.OperatorApiBotAppFactory>
{
    private IAccountDirectory CreateSut() => factory.Get<IAccountDirectory>();

    [Fact]
    public async Task FindAsync_KnownPlayer_ReturnsSummaryAndSendsApiKey()
    {
        var sut = CreateSut();

        var account = await sut.FindAsync("p-2001", CancellationToken.None);

        Assert.IsType<HttpAccountDirectory>(sut);
        Assert.NotNull(account);
        Assert.Equal("PLN", account.Currency);
        Assert.Equal(432.10m, account.Balance);
        Assert.Equal(VerificationState.Verified, account.Verification);
        Assert.Equal("W-5001", Assert.Single(account.PendingWithdrawals).Id);
        Assert.Equal(375m, Assert.Single(account.Wagering).Remaining);
        Assert.All(factory.Api.Requests, r => Assert.Equal("Bearer " + FakeOperatorApi.ApiKey, r.Authorization));
    }

    [Fact]
    public async Task FindAsync_UnknownPlayer_ReturnsNullWithoutRetry()
    {
        var sut = CreateSut();

        var account = await sut.FindAsync("p-nobody", CancellationToken.None);

        Assert.Null(account);
        Assert.Equal(1, factory.Api.RequestsFor("p-nobody"));
    }

    [Fact]
    public async Task FindAsync_ApiAnswers503_RetriedTwiceThenUnavailable()
    {
        var sut = CreateSut();
        var before = factory.Api.RequestsFor("p-down");

        await Assert.ThrowsAsync<AccountDirectoryUnavailableException>(() => sut.FindAsync("p-down", CancellationToken.None));

        Assert.Equal(1 + HttpAccountDirectory.RetryCount, factory.Api.RequestsFor("p-down") - before);
    }

    [Fact]
    public async Task FindAsync_ApiTooSlow_TimesOutRetriesThenUnavailable()
    {
        var sut = CreateSut();

        await Assert.ThrowsAsync<AccountDirectoryUnavailableException>(() => sut.FindAsync("p-slow", CancellationToken.None));

        Assert.Equal(1 + HttpAccountDirectory.RetryCount, factory.Api.RequestsFor("p-slow"));
    }

    [Fact]
    public async Task Bot_VerifiedPlayerFromOperatorApi_AnswersBalanceInLocaleFormat()
    {
        var player = factory.NewTestChannel("pl", verifiedPlayerId: "p-2001");

        var reply = Assert.Single(await player.SendAsync("ile mam pieniędzy na koncie"));

        Assert.Equal(true, reply.ChannelData["account"]);
        Assert.Contains("432,10", reply.Text, StringComparison.Ordinal);
        Assert.Contains("zł", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bot_OperatorApiDown_SaysUnavailableThenHandsOffOnSecondTry()
    {
        var player = factory.NewTestChannel("en", verifiedPlayerId: "p-down");

        var first = await player.SendAsync("what is my balance");
        var afterFirst = await player.TicketAsync();
        await player.SendAsync("what is my balance now?");

        Assert.Equal(BotTexts.Get("en", "account_unavailable"), Assert.Single(first).Text);
        Assert.Null(afterFirst);
        Assert.Equal("account_api_down", (await player.TicketAsync())?.Reason);
    }

    /// <summary>The bot host with <c>AccountApi:BaseUrl</c> pointing at a <see cref="FakeOperatorApi"/>.</summary>
    public sealed class OperatorApiBotAppFactory : BotAppFactory
    {
        public FakeOperatorApi Api { get; } = FakeOperatorApi.StartAsync().GetAwaiter().GetResult();

        protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
        [
            new("AccountApi:BaseUrl", Api.BaseUrl),
            new("AccountApi:ApiKey", FakeOperatorApi.ApiKey),
            new("AccountApi:TimeoutSeconds", "1"),
        ];

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await Api.DisposeAsync();
        }
    }
}
