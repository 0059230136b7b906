using BotHost.AgentConsole;
using BotHost.Bot;
using BotHost.Handoffs;
using BotHost.Tests.Infrastructure;
using Handoff.Persistence;

namespace BotHost.Tests.Middleware;

public sealed class FeedbackMiddlewareTests(BotAppFactory factory) : IClassFixture<BotAppFactory>
{
    [Fact]
    public async Task Invoke_RatingAndCommentAfterResolve_LandOnTicket()
    {
        var sut = factory.NewTestChannel("ru");
        await sut.SendAsync("позовите живой человек");
        var ticket = (await sut.TicketAsync())!;
        var coordinator = factory.Get<HandoffCoordinator>();
        await coordinator.ClaimAsync(ticket.Id, new AgentAccount { Id = "alice", DisplayName = "Alice" }, CancellationToken.None);
        var held = (await factory.Get<IHandoffStore>().GetTicketAsync(ticket.Id, CancellationToken.None))!;
        await coordinator.ResolveAsync(held, "alice", "answered", CancellationToken.None);

        var rated = await sut.SendAsync("5");
        var commented = await sut.SendAsync("быстро и вежливо");

        Assert.Contains(sut.Delivered, r => r.Text == BotTexts.Get("ru", "resolved_rate") && r.Actions.Count == 5);
        Assert.Equal(BotTexts.Get("ru", "rating_thanks"), Assert.Single(rated).Text);
        Assert.Equal(BotTexts.Get("ru", "comment_thanks"), Assert.Single(commented).Text);
        var stored = await factory.Get<IHandoffStore>().GetTicketAsync(ticket.Id, CancellationToken.None);
        Assert.Equal(5, stored!.CsatScore);
        Assert.Equal("быстро и вежливо", stored.CsatComment);
    }
}
