using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BotHost.Bot;
using BotHost.Tests.Infrastructure;
using Handoff.Tickets;

namespace BotHost.Tests.AgentConsole;

public sealed class AgentConsoleApiTests(BotAppFactory factory) : IClassFixture<BotAppFactory>
{
    private async Task<(TestChannel Player, Ticket Ticket)> NewTicketAsync(string language = "en", string text = "I want to talk to a human")
    {
        var player = factory.NewTestChannel(language);
        await player.SendAsync(text);
        return (player, (await player.TicketAsync())!);
    }

    private static async Task<HttpResponseMessage> ClaimAsync(HttpClient agent, long ticketId) =>
        await agent.PostAsync($"/agent/api/tickets/{ticketId}/claim", null);

    [Fact]
    public async Task Login_WrongPassword_Returns401()
    {
        var client = factory.CreateClient();

        using var response = await client.PostAsJsonAsync("/agent/api/login", new { id = "alice", password = "wrong" });
        using var me = await client.GetAsync("/agent/api/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    [Fact]
    public async Task Claim_TwoAgentsAtOnce_OneGets200OtherGets409AlreadyClaimed()
    {
        var (_, ticket) = await NewTicketAsync();
        Assert.Equal("l1_general", ticket.Queue);
        var alice = await factory.SignInAsync("alice");
        var carol = await factory.SignInAsync("carol");

        var responses = await Task.WhenAll(ClaimAsync(alice, ticket.Id), ClaimAsync(carol, ticket.Id));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        var loser = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Conflict);
        Assert.Contains("already claimed", await loser.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_AgentNotHoldingTicket_Returns409AndHolderReachesPlayer()
    {
        var (player, ticket) = await NewTicketAsync();
        var alice = await factory.SignInAsync("alice");
        var carol = await factory.SignInAsync("carol");
        (await ClaimAsync(alice, ticket.Id)).EnsureSuccessStatusCode();

        using var byCarol = await carol.PostAsJsonAsync($"/agent/api/tickets/{ticket.Id}/messages", new { text = "hi from carol" });
        using var byAlice = await alice.PostAsJsonAsync($"/agent/api/tickets/{ticket.Id}/messages", new { text = "hi from alice" });

        Assert.Equal(HttpStatusCode.Conflict, byCarol.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byAlice.StatusCode);
        Assert.Contains(player.Delivered, r => r.Text == "hi from alice" && r.AgentId == "alice");
        Assert.DoesNotContain(player.Delivered, r => r.Text == "hi from carol");
    }

    [Fact]
    public async Task Note_OnDirectLineTicket_NeverInPlayersActivities()
    {
        var directLine = new DirectLineClient(factory.CreateClient());
        var (conversationId, token) = await directLine.StartAsync();
        await directLine.SayAsync(conversationId, token, "I want to talk to a human");
        var ticketId = (await factory.Get<Handoff.Persistence.IHandoffStore>().GetConversationAsync(conversationId, CancellationToken.None))!.ActiveTicketId!.Value;
        var alice = await factory.SignInAsync("alice");

        using var note = await alice.PostAsJsonAsync($"/agent/api/tickets/{ticketId}/notes", new { text = "internal: player sounds upset" });

        Assert.Equal(HttpStatusCode.OK, note.StatusCode);
        var (activities, _) = await directLine.GetAsync(conversationId, token);
        Assert.DoesNotContain(activities, a => a.ToJsonString().Contains("player sounds upset", StringComparison.Ordinal));
        var detail = JsonNode.Parse(await alice.GetStringAsync($"/agent/api/tickets/{ticketId}"))!;
        Assert.Contains(detail["transcript"]!.AsArray(), m => m!["text"]!.GetValue<string>() == "internal: player sounds upset" && m["internal"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Transfer_ToPayments_TicketWaitsInPaymentsQueueForBoris()
    {
        var (_, ticket) = await NewTicketAsync();
        var alice = await factory.SignInAsync("alice");
        var boris = await factory.SignInAsync("boris");
        (await ClaimAsync(alice, ticket.Id)).EnsureSuccessStatusCode();

        using var response = await alice.PostAsJsonAsync($"/agent/api/tickets/{ticket.Id}/transfer", new { queue = "l2_payments", note = "payout question" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var moved = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("l2_payments", moved["queue"]!.GetValue<string>());
        Assert.Equal("Waiting", moved["status"]!.GetValue<string>());
        var borisQueue = JsonNode.Parse(await boris.GetStringAsync("/agent/api/tickets"))!.AsArray();
        Assert.Contains(borisQueue, t => t!["id"]!.GetValue<long>() == ticket.Id);
        (await ClaimAsync(boris, ticket.Id)).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Resolve_HeldTicket_PlayerAskedForRatingInTheirLanguage()
    {
        var (player, ticket) = await NewTicketAsync("pl", "poproszę konsultant");
        var alice = await factory.SignInAsync("alice");
        (await ClaimAsync(alice, ticket.Id)).EnsureSuccessStatusCode();

        using var response = await alice.PostAsJsonAsync($"/agent/api/tickets/{ticket.Id}/resolve", new { resolutionCode = "answered" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(player.Delivered, r => r.Text == BotTexts.Get("pl", "resolved_rate"));
        Assert.Equal(Handoff.Conversations.ConversationMode.Bot, (await player.ConversationAsync())!.Mode);
    }

    [Fact]
    public async Task ListTickets_SupervisorSeesAllQueues_AgentsOnlyTheirs()
    {
        var (_, general) = await NewTicketAsync();
        var (_, payments) = await NewTicketAsync("en", "WHERE IS MY WITHDRAWAL I WAITED FOR DAYS");
        Assert.Equal("l1_general", general.Queue);
        Assert.Equal("l2_payments", payments.Queue);

        var seenBy = new Dictionary<string, long[]>();
        foreach (var agent in new[] { "alice", "boris", "sam" })
        {
            var client = await factory.SignInAsync(agent);
            seenBy[agent] = JsonNode.Parse(await client.GetStringAsync("/agent/api/tickets"))!.AsArray().Select(t => t!["id"]!.GetValue<long>()).ToArray();
        }

        Assert.Contains(general.Id, seenBy["alice"]);
        Assert.DoesNotContain(payments.Id, seenBy["alice"]);
        Assert.Contains(payments.Id, seenBy["boris"]);
        Assert.DoesNotContain(general.Id, seenBy["boris"]);
        Assert.Contains(general.Id, seenBy["sam"]);
        Assert.Contains(payments.Id, seenBy["sam"]);
    }
    [Fact]
    public async Task Typing_AgentHoldsTicket_PlayerChannelGetsTypingIndicator()
    {
        var (player, ticket) = await NewTicketAsync();
        var alice = await factory.SignInAsync("alice");
        (await ClaimAsync(alice, ticket.Id)).EnsureSuccessStatusCode();
        var before = factory.TestAdapter.TypingSentTo(ticket.ConversationId);

        using var response = await alice.PostAsync($"/agent/api/tickets/{ticket.Id}/typing", null);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(before + 1, factory.TestAdapter.TypingSentTo(ticket.ConversationId));
    }

    [Fact]
    public async Task Typing_AgentDoesNotHoldTicket_IsRefused()
    {
        var (_, ticket) = await NewTicketAsync();
        var carol = await factory.SignInAsync("carol");

        using var response = await carol.PostAsync($"/agent/api/tickets/{ticket.Id}/typing", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }
    [Fact]
    public async Task ListTickets_PlayerLanguageTheAgentDoesNotSpeak_IsNotOfferedToThatAgent()
    {
        var (_, ticket) = await NewTicketAsync("vi", "cho tôi gặp nhân viên");
        var carol = await factory.SignInAsync("carol");
        var sam = await factory.SignInAsync("sam");

        var carolSees = await carol.GetFromJsonAsync<JsonArray>("/agent/api/tickets");
        var samSees = await sam.GetFromJsonAsync<JsonArray>("/agent/api/tickets");
        using var claim = await ClaimAsync(carol, ticket.Id);

        Assert.DoesNotContain(carolSees!, t => t!["id"]!.GetValue<long>() == ticket.Id);
        Assert.Contains(samSees!, t => t!["id"]!.GetValue<long>() == ticket.Id);
        Assert.Equal(HttpStatusCode.NotFound, claim.StatusCode);
    }

    [Fact]
    public async Task Claim_AgentAtCapacity_IsRefusedWithTheReason()
    {
        var dora = await factory.SignInAsync("dora");
        for (var i = 0; i < BotAppFactory.AgentCapacity; i++)
        {
            var (_, held) = await NewTicketAsync();
            (await ClaimAsync(dora, held.Id)).EnsureSuccessStatusCode();
        }

        var (_, ticket) = await NewTicketAsync();
        using var response = await ClaimAsync(dora, ticket.Id);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("capacity", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
