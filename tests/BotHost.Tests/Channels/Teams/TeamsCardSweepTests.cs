using System.Globalization;
using BotHost.AgentConsole;
using BotHost.Channels.Teams;
using BotHost.Handoffs;
using BotHost.Tests.Infrastructure;
using Handoff.Persistence;
using Handoff.Tickets;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BotHost.Tests.Channels.Teams;

/// <summary>Cards for tickets that came while Teams (the Connector) was down, posted by the sweep: once, and only while the ticket waits.</summary>
public sealed class TeamsCardSweepTests(TeamsCardSweepHostFixture host) : IClassFixture<TeamsCardSweepHostFixture>
{
    private ChannelEmulator Emulator => host.Emulator;

    private IHandoffStore Store => host.Factory.Get<IHandoffStore>();

    [Fact]
    public async Task SweepAsync_ConnectorWasDownWhenTicketCame_PostsOneCardAndLaterStatusLines()
    {
        Emulator.Down = true;
        var failedBefore = Emulator.FailedCalls;
        var player = new DirectLineClient(host.Factory.CreateClient());
        var (conversation, token) = await player.StartAsync();
        await player.SayAsync(conversation, token, "I want to talk to a person");
        await player.SayAsync(conversation, token, "My deposit did not arrive");
        var ticket = await ActiveTicketAsync(conversation);
        var cardsWhileDown = Cards(ticket.Id);
        var failedWhileDown = Emulator.FailedCalls - failedBefore;
        Emulator.Down = false;
        var sut = HostedSweep();

        var posted = await sut.SweepAsync(CancellationToken.None);
        var postedAgain = await sut.SweepAsync(CancellationToken.None);
        var alice = host.Factory.Get<AgentDirectory>().Find("alice")!;
        await host.Factory.Get<HandoffCoordinator>().ClaimAsync(ticket.Id, alice, CancellationToken.None);

        Assert.Empty(cardsWhileDown);
        Assert.True(failedWhileDown > 0, "the card was tried while the Connector was down");
        Assert.True(posted >= 1);
        Assert.Equal(0, postedAgain);
        var card = Assert.Single(Cards(ticket.Id));
        var texts = card.Card!["body"]!.AsArray().Select(b => b!["text"]?.GetValue<string>()).ToList();
        Assert.Contains("I want to talk to a person", texts);
        Assert.Contains("My deposit did not arrive", texts);
        Assert.Equal(card.Id, await host.Factory.Get<TeamsAgentThreads>().GetThreadAsync(ticket.Id, CancellationToken.None));
        await Emulator.WaitForAsync(a => a.ReplyToId == card.Id && a.Text.Contains("Picked up by **Alice**", StringComparison.Ordinal), "the pick-up line");
    }

    [Fact]
    public async Task SweepAsync_TicketPickedUpWhileConnectorFailed_PostsNoCard()
    {
        // Every attempt of the card (the first call and all its retries) gets a 503.
        var attempts = host.Factory.Get<IOptions<BotFrameworkOptions>>().Value.MaxRetries + 1;
        Emulator.FailNext(attempts, StatusCodes.Status503ServiceUnavailable);
        var player = new DirectLineClient(host.Factory.CreateClient());
        var (conversation, token) = await player.StartAsync();
        await player.SayAsync(conversation, token, "I want to talk to a person");
        var ticket = await ActiveTicketAsync(conversation);
        var alice = host.Factory.Get<AgentDirectory>().Find("alice")!;
        await host.Factory.Get<HandoffCoordinator>().ClaimAsync(ticket.Id, alice, CancellationToken.None);
        var sut = HostedSweep();

        await sut.SweepAsync(CancellationToken.None);

        Assert.Empty(Cards(ticket.Id));
        Assert.Null(await host.Factory.Get<TeamsAgentThreads>().GetThreadAsync(ticket.Id, CancellationToken.None));
    }

    [Fact]
    public async Task SweepAsync_SeveralHostsAtOnce_OneCard()
    {
        var ticket = await TicketWhileTeamsIsDownAsync();
        var hosts = Enumerable.Range(0, 4).Select(_ => CreateSut()).ToList();

        var posted = await Task.WhenAll(hosts.Select(h => Task.Run(() => h.SweepAsync(CancellationToken.None))));

        Assert.Single(Cards(ticket.Id));
        Assert.True(posted.Sum() >= 1);
        Assert.Contains(posted, p => p == 0);
    }

    [Fact]
    public async Task SweepAsync_PickedUpWhileCardOnItsWay_ThreadShowsThePickUp()
    {
        var ticket = await TicketWhileTeamsIsDownAsync();
        Emulator.Latency = TimeSpan.FromMilliseconds(500);
        var sut = HostedSweep();

        try
        {
            var sweep = sut.SweepAsync(CancellationToken.None);
            await WaitUntilAsync(() => Emulator.InFlight > 0, "the card on its way");
            var alice = host.Factory.Get<AgentDirectory>().Find("alice")!;
            await host.Factory.Get<HandoffCoordinator>().ClaimAsync(ticket.Id, alice, CancellationToken.None);
            await sweep;
        }
        finally
        {
            Emulator.Latency = TimeSpan.Zero;
        }

        var card = Assert.Single(Cards(ticket.Id));
        await Emulator.WaitForAsync(a => a.ReplyToId == card.Id && a.Text.Contains("Picked up by **Alice**", StringComparison.Ordinal), "the pick-up line");
        Assert.Single(Emulator.Activities, a => a.ReplyToId == card.Id && a.Text.Contains("Picked up", StringComparison.Ordinal));
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = Environment.TickCount64 + 10_000;
        while (!condition())
        {
            Assert.True(Environment.TickCount64 < deadline, $"Timed out waiting for {what}.");
            await Task.Delay(10);
        }
    }

    /// <summary>A player asks for a person while every Connector call fails; Teams is back when this returns.</summary>
    private async Task<Ticket> TicketWhileTeamsIsDownAsync()
    {
        Emulator.Down = true;
        var player = new DirectLineClient(host.Factory.CreateClient());
        var (conversation, token) = await player.StartAsync();
        await player.SayAsync(conversation, token, "I want to talk to a person");
        var ticket = await ActiveTicketAsync(conversation);
        Emulator.Down = false;
        return ticket;
    }

    private async Task<Ticket> ActiveTicketAsync(string conversationId)
    {
        var conversation = await Store.GetConversationAsync(conversationId, CancellationToken.None);
        Assert.NotNull(conversation?.ActiveTicketId);
        return (await Store.GetTicketAsync(conversation!.ActiveTicketId!.Value, CancellationToken.None))!;
    }

    private List<RecordedActivity> Cards(long ticketId)
    {
        var id = ticketId.ToString(CultureInfo.InvariantCulture);
        return Emulator.Activities
            .Where(a => a.ConversationId == TeamsAppFactory.AgentChannel && a.Card?["actions"]?[0]?["data"]?["ticketId"]?.ToString() == id)
            .ToList();
    }

    /// <summary>The sweep the host runs in the background.</summary>
    private TeamsCardSweep HostedSweep() => host.Factory.Services.GetServices<IHostedService>().OfType<TeamsCardSweep>().Single();

    /// <summary>The sweep of another host on the same store: its own claims (host id) and notifier.</summary>
    private TeamsCardSweep CreateSut()
    {
        var threads = host.Factory.Get<TeamsAgentThreads>();
        var clock = host.Factory.Get<TimeProvider>();
        var claims = new TeamsCardClaims(Store, threads, clock);
        var notifier = new TeamsAgentNotifier(threads, claims, Store, host.Factory.Get<AgentDirectory>(), NullLogger<TeamsAgentNotifier>.Instance);
        return new TeamsCardSweep(notifier, threads, Store, host.Factory.Get<IOptions<TeamsOptions>>(), clock, NullLogger<TeamsCardSweep>.Instance);
    }
}
