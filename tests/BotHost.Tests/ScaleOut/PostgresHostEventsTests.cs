using Handoff.Tests.Support;
using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BotHost.AgentConsole;
using BotHost.ScaleOut;
using Handoff.Conversations;
using Handoff.Persistence;
using Microsoft.AspNetCore.SignalR.Client;

namespace BotHost.Tests.ScaleOut;

/// <summary>
/// Two hosts on one PostgreSQL database, as behind a load balancer: what happens on one reaches the players and agents
/// connected to the other through LISTEN/NOTIFY. Each test has its own database, dropped afterwards.
/// </summary>
public sealed class PostgresHostEventsTests : IAsyncLifetime
{
    private TestDatabase? _database;
    private ScaleOutHost? _hostA;
    private ScaleOutHost? _hostB;

    private ScaleOutHost A => _hostA!;

    private ScaleOutHost B => _hostB!;

    public async Task InitializeAsync()
    {
        if (PostgresTestEnvironment.SkipReason is not null)
        {
            return;
        }

        _database = await TestDatabase.CreateAsync();
        _hostA = new ScaleOutHost(_database.ConnectionString);
        _hostB = new ScaleOutHost(_database.ConnectionString);
        // Start both (store migrated, listeners up) before the test acts; one after the other, as a rolling deploy does,
        // so the second host finds the Data Protection key ring the first one created.
        try
        {
            _ = _hostA.Services;
            _ = _hostB.Services;
        }
        catch
        {
            // xunit does not call DisposeAsync when InitializeAsync fails: drop the database here.
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        var (hostA, hostB, database) = (_hostA, _hostB, _database);
        (_hostA, _hostB, _database) = (null, null, null);
        if (hostA is not null)
        {
            await hostA.DisposeAsync();
        }

        if (hostB is not null)
        {
            await hostB.DisposeAsync();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    [PostgresFact]
    public async Task PostActivity_OnHostA_PlayerStreamOnHostBReceivesTypingAndBotReply()
    {
        var player = A.Player();
        var (conversationId, token) = await player.StartAsync(locale: "en");
        await using var stream = await B.OpenStreamAsync(conversationId, token);
        await stream.WaitForAsync(a => a["from"]?["role"]?.GetValue<string>() == "bot");

        await player.SayAsync(conversationId, token, "how do I make a deposit?", "scale-1");

        var echo = await stream.WaitForAsync(a => StreamedActivities.IsMessage(a, "user", "how do I make a deposit?"));
        var reply = await stream.WaitForAsync(a => IsBotMessage(a) && string.CompareOrdinal(Id(a), Id(echo)) > 0);
        var (stored, _) = await player.GetAsync(conversationId, token, "0");
        Assert.Contains(stored, s => Id(s) == Id(reply));
        Assert.False(string.IsNullOrWhiteSpace(reply["text"]?.GetValue<string>()));
        // Typing is ephemeral and best-effort across hosts: it may land just after the reply, but it must arrive.
        await stream.WaitForAsync(a => a["type"]?.GetValue<string>() == "typing", TimeSpan.FromSeconds(5));
    }

    [PostgresFact]
    public async Task Handoff_PlayerOnHostA_AgentHubOnHostBReceivesTicketAndNextMessage()
    {
        var tickets = new ConcurrentQueue<TicketView>();
        var messages = new ConcurrentQueue<(long TicketId, MessageView Message)>();
        await using var alice = await B.ConnectAgentHubAsync("alice");
        alice.On<TicketView>(nameof(IAgentConsoleClient.Ticket), tickets.Enqueue);
        alice.On<long, MessageView>(nameof(IAgentConsoleClient.Message), (id, m) => messages.Enqueue((id, m)));
        var player = A.Player();
        var (conversationId, token) = await player.StartAsync(locale: "en");

        await player.SayAsync(conversationId, token, "I want to talk to a human", "scale-2a");
        var ticketId = (await A.Get<IHandoffStore>().GetConversationAsync(conversationId, CancellationToken.None))!.ActiveTicketId!.Value;
        var ticket = await Eventually(() => tickets.FirstOrDefault(t => t.Id == ticketId));
        await player.SayAsync(conversationId, token, "my deposit of 50 EUR has not arrived", "scale-2b");
        var message = await Eventually(() => messages.FirstOrDefault(m => m.TicketId == ticketId && m.Message.Text.Contains("has not arrived", StringComparison.Ordinal)).Message);

        Assert.Equal(conversationId, ticket.ConversationId);
        Assert.Equal("Waiting", ticket.Status);
        Assert.Equal("l1_general", ticket.Queue);
        Assert.Equal(nameof(MessageSender.Player), message.Sender);
    }

    [PostgresFact]
    public async Task AgentReply_SentThroughHostB_ReachesPlayerStreamOnHostA()
    {
        var player = A.Player();
        var (conversationId, token) = await player.StartAsync(locale: "en");
        await player.SayAsync(conversationId, token, "I want to talk to a human", "scale-3a");
        var ticketId = (await A.Get<IHandoffStore>().GetConversationAsync(conversationId, CancellationToken.None))!.ActiveTicketId!.Value;
        await using var stream = await A.OpenStreamAsync(conversationId, token);
        var (agent, _) = await B.SignInAgentAsync("alice");
        using var claim = await agent.PostAsync($"/agent/api/tickets/{ticketId}/claim", null);
        claim.EnsureSuccessStatusCode();

        using var sent = await agent.PostAsJsonAsync($"/agent/api/tickets/{ticketId}/messages", new { text = "Hi, this is Alice from support." });

        sent.EnsureSuccessStatusCode();
        var reply = await stream.WaitForAsync(a => StreamedActivities.IsMessage(a, "bot", "Hi, this is Alice from support."));
        Assert.Equal("Alice", reply["from"]!["name"]!.GetValue<string>());
        var conversation = await A.Get<IHandoffStore>().GetConversationAsync(conversationId, CancellationToken.None);
        Assert.Equal(ConversationMode.WithAgent, conversation!.Mode);
    }

    [PostgresFact]
    public async Task AgentCookie_IssuedByHostA_IsAcceptedByHostB()
    {
        var (_, cookie) = await A.SignInAgentAsync("alice");
        using var onB = B.AgentClient(cookie);

        using var me = await onB.GetAsync("/agent/api/me");

        me.EnsureSuccessStatusCode();
        Assert.Contains("alice", await me.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task Listener_ConnectionKilled_ReconnectsAndKeepsDelivering()
    {
        var listenerName = "bot_events:" + ((PostgresHostEvents)B.Get<IHostEvents>()).HostId;
        var listenerPid = $"SELECT pid FROM pg_stat_activity WHERE application_name = '{listenerName}'";
        var player = A.Player();
        var (conversationId, token) = await player.StartAsync(locale: "en");
        await using var stream = await B.OpenStreamAsync(conversationId, token);
        var before = await _database!.ScalarAsync(listenerPid);

        await _database.ScalarAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '{listenerName}'");
        await player.SayAsync(conversationId, token, "what games do you have?", "scale-4a");
        var after = await Eventually(async () => await _database.ScalarAsync(listenerPid) is int pid && pid != (int)before! ? (object)pid : null);
        await player.SayAsync(conversationId, token, "and which sports can I bet on?", "scale-4b");

        Assert.IsType<int>(before);
        Assert.NotEqual(before, after);
        // Sent while the listener was down: caught up on reconnect. Sent after: notified as usual.
        await stream.WaitForAsync(a => StreamedActivities.IsMessage(a, "user", "what games do you have?"));
        await stream.WaitForAsync(a => StreamedActivities.IsMessage(a, "user", "and which sports can I bet on?"));
    }

    private static bool IsBotMessage(JsonObject activity) =>
        activity["type"]?.GetValue<string>() == "message" && activity["from"]?["role"]?.GetValue<string>() == "bot";

    private static string Id(JsonObject activity) => activity["id"]!.GetValue<string>();

    private static Task<T> Eventually<T>(Func<T?> probe)
        where T : class => Eventually(() => Task.FromResult(probe()));

    private static async Task<T> Eventually<T>(Func<Task<T?>> probe)
        where T : class
    {
        using var timer = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            await Task.Delay(50, timer.Token);
        }
    }
}
