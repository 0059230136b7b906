using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using BotHost.AgentConsole;
using BotHost.Channels.Teams;
using BotHost.Handoffs;
using BotHost.Tests.Infrastructure;
using Handoff.Persistence;
using Handoff.Tickets;

namespace BotHost.Tests.Channels.Teams;

public sealed class TeamsAgentTests(TeamsHostFixture host) : IClassFixture<TeamsHostFixture>
{
    private ChannelEmulator Emulator => host.Emulator;

    private IHandoffStore Store => host.Factory.Get<IHandoffStore>();

    private async Task<HttpResponseMessage> SendSignedAsync(JsonObject activity) =>
        await host.Client.SendAsync(ActivityBuilder.Post(activity, Emulator.Sign(Emulator.ServiceUrl)));

    private async Task<Ticket> ActiveTicketAsync(string conversationId)
    {
        var conversation = await Store.GetConversationAsync(conversationId, CancellationToken.None);
        Assert.NotNull(conversation?.ActiveTicketId);
        return (await Store.GetTicketAsync(conversation!.ActiveTicketId!.Value, CancellationToken.None))!;
    }

    [Fact]
    public async Task AskForPerson_AgentAnswersThroughCoordinator_ReplyReachesConnector()
    {
        var conversation = ActivityBuilder.NewPersonalConversation();
        using var asked = await SendSignedAsync(ActivityBuilder.Message(Emulator.ServiceUrl, conversation, "I want to talk to a person", "29:player-10"));
        var ticket = await ActiveTicketAsync(TeamsMapper.ConversationId(conversation));
        var coordinator = host.Factory.Get<HandoffCoordinator>();
        var alice = host.Factory.Get<AgentDirectory>().Find("alice")!;

        var claim = await coordinator.ClaimAsync(ticket.Id, alice, CancellationToken.None);
        await coordinator.SendAgentMessageAsync(claim.Ticket!, alice, "Hi, Alice here. What happened?", CancellationToken.None);
        await coordinator.ResolveAsync((await Store.GetTicketAsync(ticket.Id, CancellationToken.None))!, alice.Id, "answered", CancellationToken.None);
        var thread = await host.Factory.Get<TeamsAgentThreads>().GetThreadAsync(ticket.Id, CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var answer = await Emulator.WaitForAsync(a => a.ConversationId == conversation && a.Text.Contains("Alice here", StringComparison.Ordinal), "the agent's answer");
        Assert.Null(answer.ReplyToId);
        var rating = await Emulator.WaitForAsync(a => a.ConversationId == conversation && a.Card is not null, "the rating buttons");
        var actions = rating.Card!["actions"]!.AsArray();
        Assert.Equal(5, actions.Count);
        Assert.All(actions, a => Assert.Equal("Action.Submit", a!["type"]!.GetValue<string>()));
        Assert.Equal("rate:5", actions[4]!["data"]!["value"]!.GetValue<string>());
        Assert.NotNull(thread);
        await Emulator.WaitForAsync(a => a.ReplyToId == thread && a.Text.Contains("(console): Hi, Alice here", StringComparison.Ordinal), "the console answer mirrored");
        await Emulator.WaitForAsync(a => a.ReplyToId == thread && a.Text.Contains("Resolved by **Alice**", StringComparison.Ordinal), "the resolved line");
    }

    [Fact]
    public async Task RatingButton_PressedInTeams_StoredOnTicket()
    {
        var conversation = ActivityBuilder.NewPersonalConversation();
        using var asked = await SendSignedAsync(ActivityBuilder.Message(Emulator.ServiceUrl, conversation, "I want to talk to a person", "29:player-11"));
        var ticket = await ActiveTicketAsync(TeamsMapper.ConversationId(conversation));
        var coordinator = host.Factory.Get<HandoffCoordinator>();
        var alice = host.Factory.Get<AgentDirectory>().Find("alice")!;
        var claimed = await coordinator.ClaimAsync(ticket.Id, alice, CancellationToken.None);
        await coordinator.ResolveAsync(claimed.Ticket!, alice.Id, "answered", CancellationToken.None);

        using var pressed = await SendSignedAsync(ActivityBuilder.Submit(Emulator.ServiceUrl, conversation,
            new JsonObject { ["value"] = "rate:5", ["title"] = "★★★★★" }, "29:player-11"));

        Assert.Equal(HttpStatusCode.OK, pressed.StatusCode);
        Assert.Equal(5, (await Store.GetTicketAsync(ticket.Id, CancellationToken.None))!.CsatScore);
    }

    [Fact]
    public async Task TicketCard_PickUpFromTeams_ThreadReplyReachesDirectLinePlayer()
    {
        var player = new DirectLineClient(host.Factory.CreateClient());
        var (dlConversation, token) = await player.StartAsync();
        await player.SayAsync(dlConversation, token, "I want to talk to a person");
        var ticket = await ActiveTicketAsync(dlConversation);
        var id = ticket.Id.ToString(CultureInfo.InvariantCulture);
        var card = await Emulator.WaitForAsync(
            a => a.ConversationId == TeamsAppFactory.AgentChannel && a.Card?["actions"]?[0]?["data"]?["ticketId"]?.ToString() == id, "the ticket card");
        var thread = TeamsAppFactory.AgentChannel + ";messageid=" + card.Id;
        var pickup = new JsonObject { ["action"] = "pickup", ["ticketId"] = ticket.Id };

        using var alicePressed = await SendSignedAsync(ActivityBuilder.Submit(Emulator.ServiceUrl, thread, pickup, TeamsAppFactory.TeamsUserIds[0], card.Id));
        using var samPressed = await SendSignedAsync(ActivityBuilder.Submit(Emulator.ServiceUrl, thread, pickup.DeepClone().AsObject(), TeamsAppFactory.TeamsUserIds[2], card.Id));
        var answer = ActivityBuilder.Mention(Emulator.ServiceUrl, thread, "Hello from Teams, how can I help?", TeamsAppFactory.TeamsUserIds[0]);
        using var aliceAnswered = await SendSignedAsync(answer);
        using var redelivered = await SendSignedAsync(answer);
        using var samAnswered = await SendSignedAsync(ActivityBuilder.Mention(Emulator.ServiceUrl, thread, "Sam here", TeamsAppFactory.TeamsUserIds[2]));
        await player.SayAsync(dlConversation, token, "My deposit did not arrive");

        Assert.Equal(HttpStatusCode.OK, alicePressed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, samPressed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, aliceAnswered.StatusCode);
        var facts = card.Card!["body"]![1]!["facts"]!.AsArray().ToDictionary(f => f!["title"]!.GetValue<string>(), f => f!["value"]!.GetValue<string>());
        Assert.Equal("en", facts["Language"]);
        Assert.Equal(ticket.Queue, facts["Queue"]);
        Assert.Contains(card.Card!["body"]!.AsArray(), b => b!["text"]?.GetValue<string>() == "I want to talk to a person");
        var claimed = await Store.GetTicketAsync(ticket.Id, CancellationToken.None);
        Assert.Equal(TicketStatus.Assigned, claimed!.Status);
        Assert.Equal("alice", claimed.AssigneeId);
        await Emulator.WaitForAsync(a => a.ReplyToId == card.Id && a.Text.Contains("Picked up by **Alice**", StringComparison.Ordinal), "the pick-up line");
        await Emulator.WaitForAsync(a => a.ReplyToId == card.Id && a.Text.Contains("already taken by **Alice**", StringComparison.Ordinal), "the second presser's answer");
        await Emulator.WaitForAsync(a => a.ReplyToId == card.Id && a.Text.Contains("held by **Alice**", StringComparison.Ordinal), "the non-holder's answer");
        await Emulator.WaitForAsync(a => a.ReplyToId == card.Id && a.Text.Contains("My deposit did not arrive", StringComparison.Ordinal), "the player's message in the thread");
        var (activities, _) = await player.GetAsync(dlConversation, token);
        var texts = DirectLineClient.BotMessages(activities).Select(a => a["text"]?.GetValue<string>()).ToList();
        Assert.Single(texts, t => t == "Hello from Teams, how can I help?");
        Assert.DoesNotContain("Sam here", texts);
        Assert.DoesNotContain(Emulator.Activities, a => a.ReplyToId == card.Id && a.Text.Contains("(console)", StringComparison.Ordinal));
        Assert.Contains(texts, t => t is not null && t.Contains("Alice", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invoke_PickupByUnmappedTeamsUser_InvokeResponseSaysNotAnAgent()
    {
        var activity = ActivityBuilder.Submit(Emulator.ServiceUrl, TeamsAppFactory.AgentChannel + ";messageid=1999999",
            new JsonObject(), "29:stranger", "1999999");
        activity["type"] = "invoke";
        activity["name"] = "adaptiveCard/action";
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["data"] = new JsonObject { ["action"] = "pickup", ["ticketId"] = 424242 } },
        };

        using var response = await SendSignedAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        Assert.Contains("not set up as an agent", body["value"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
