using BotHost.Bot;
using BotHost.Middleware;
using BotHost.Tests.Infrastructure;
using BotHost.Turns;
using Microsoft.Extensions.DependencyInjection;

namespace BotHost.Tests.Turns;

public sealed class TurnPipelineTests(TurnPipelineTests.CrashingBotAppFactory factory) : IClassFixture<TurnPipelineTests.CrashingBotAppFactory>
{
    public const string CrashText = "crash-this-turn";

    [Fact]
    public async Task Process_MiddlewareThrows_MessageStoredApologyInPlayersLanguageStateReset()
    {
        var sut = factory.NewTestChannel("ru");
        await sut.SendAsync("как вывести деньги");
        Assert.NotEmpty((await sut.StateAsync()).ArticlesShown);

        var replies = await sut.SendAsync(CrashText);

        Assert.Equal(BotTexts.Get("ru", "error_apology"), Assert.Single(replies).Text);
        Assert.Contains(await sut.TranscriptAsync(), m => m.Text == CrashText);
        var state = await sut.StateAsync();
        Assert.Empty(state.ArticlesShown);
        Assert.Null(state.LastText);
        Assert.Equal("{}", (await sut.ConversationAsync())!.StateJson);
    }

    [Fact]
    public async Task Process_AfterCrash_NextTurnAnswersNormally()
    {
        var sut = factory.NewTestChannel("en");
        await sut.SendAsync(CrashText);

        var replies = await sut.SendAsync("how do I deposit?");

        Assert.Equal("deposit_methods", Assert.Single(replies).ChannelData["intent"]);
    }

    /// <summary>The real host with a middleware right after the transcript that throws on <see cref="CrashText"/>.</summary>
    public sealed class CrashingBotAppFactory : BotAppFactory
    {
        protected override void ConfigureTestServices(IServiceCollection services)
        {
            var transcript = services.Select((d, i) => (d, i)).Single(x =>
                x.d.ServiceType == typeof(ITurnMiddleware) && x.d.ImplementationType == typeof(TranscriptMiddleware)).i;
            services.Insert(transcript + 1, ServiceDescriptor.Singleton<ITurnMiddleware, ThrowingMiddleware>());
        }
    }

    private sealed class ThrowingMiddleware : ITurnMiddleware
    {
        public Task InvokeAsync(TurnContext context, Func<Task> next, CancellationToken cancellationToken) =>
            context.Turn.Text == CrashText ? throw new InvalidOperationException("Injected failure in the middle of a turn.") : next();
    }
}
