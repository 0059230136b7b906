using BotHost.AgentConsole;
using BotHost.Bot;
using BotHost.Handoffs;
using BotHost.Tests.Infrastructure;
using Handoff.Conversations;

namespace BotHost.Tests.Middleware;

public sealed class HandoffRoutingMiddlewareTests(BotAppFactory factory) : IClassFixture<BotAppFactory>
{
    private static readonly AgentAccount Alice = new() { Id = "alice", DisplayName = "Alice", Queues = ["l1_general"] };

    private async Task<TestChannel> CreateSutInHandoffAsync(string language = "en")
    {
        var sut = factory.NewTestChannel(language);
        await sut.SendAsync(language == "ru" ? "позовите живой человек" : "I want to talk to a human");
        Assert.NotNull(await sut.TicketAsync());
        return sut;
    }

    [Fact]
    public async Task Invoke_AgentHoldsConversation_BotStaysSilentAndAgentGetsMessage()
    {
        var sut = await CreateSutInHandoffAsync();
        var ticket = (await sut.TicketAsync())!;
        await factory.Get<HandoffCoordinator>().ClaimAsync(ticket.Id, Alice, CancellationToken.None);

        var replies = await sut.SendAsync("how do I deposit?");

        Assert.Empty(replies);
        Assert.Equal(ConversationMode.WithAgent, (await sut.ConversationAsync())!.Mode);
        Assert.Contains(factory.AgentNotifier.Messages, m => m.TicketId == ticket.Id && m.Message.Text == "how do I deposit?");
    }

    [Fact]
    public async Task Invoke_WaitingForAgent_MessageAddedToTicketAndPlayerToldToWait()
    {
        var sut = await CreateSutInHandoffAsync("ru");
        var ticket = (await sut.TicketAsync())!;

        var replies = await sut.SendAsync("ну где вы там?");

        Assert.Equal(BotTexts.Get("ru", "still_waiting"), Assert.Single(replies).Text);
        Assert.Contains(factory.AgentNotifier.Messages, m => m.TicketId == ticket.Id && m.Message.Text == "ну где вы там?");
        Assert.Equal(ConversationMode.WaitingForAgent, (await sut.ConversationAsync())!.Mode);
        Assert.Contains(await sut.TranscriptAsync(), m => m.Text == "ну где вы там?");
    }
}
