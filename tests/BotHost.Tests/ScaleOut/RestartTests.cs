using Handoff.Tests.Support;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BotHost.Channels;
using BotHost.Tests.Infrastructure;
using Handoff.Conversations;
using Handoff.Persistence;

namespace BotHost.Tests.ScaleOut;

/// <summary>
/// A live conversation (player on Direct Line, agent holding the ticket) survives a stop and start of the host on the
/// same data: nothing lost, nothing doubled, still with the agent.
/// </summary>
public sealed class RestartTests
{
    private const string AgentName = "Alice";

    [Fact]
    public async Task Restart_SqliteMidConversationWithAgent_TranscriptExactlyOnceInOrderAndAgentKeepsAnswering()
    {
        var dataDirectory = TrainedModel.NewDataDirectory("restart");
        try
        {
            await RunScenarioAsync(dataDirectory, postgres: null);
        }
        finally
        {
            TryDelete(dataDirectory);
        }
    }

    [PostgresFact]
    public async Task Restart_PostgresMidConversationWithAgent_TranscriptExactlyOnceInOrderAndAgentKeepsAnswering()
    {
        var dataDirectory = TrainedModel.NewDataDirectory("restart-pg");
        await using var database = await TestDatabase.CreateAsync();
        try
        {
            await RunScenarioAsync(dataDirectory, database.ConnectionString);
        }
        finally
        {
            TryDelete(dataDirectory);
        }
    }

    private static async Task RunScenarioAsync(string dataDirectory, string? postgres)
    {
        string conversationId, token, cookie;
        long ticketId;
        JsonObject postedBefore;
        await using (var before = new ScaleOutHost(postgres, dataDirectory))
        {
            var player = before.Player();
            (conversationId, token) = await player.StartAsync(locale: "en");
            await player.SayAsync(conversationId, token, "I want to talk to a human", "restart-1");
            ticketId = (await before.Get<IHandoffStore>().GetConversationAsync(conversationId, CancellationToken.None))!.ActiveTicketId!.Value;
            (var agent, cookie) = await before.SignInAgentAsync("alice");
            using (var claim = await agent.PostAsync($"/agent/api/tickets/{ticketId}/claim", null))
            {
                claim.EnsureSuccessStatusCode();
            }

            postedBefore = await player.SayAsync(conversationId, token, "Player before restart", "restart-2");
            await AgentSaysAsync(agent, ticketId, "Agent before restart");
        }

        await using var after = new ScaleOutHost(postgres, dataDirectory);
        var playerAfter = after.Player();
        // The player's client retries the POST it sent before the restart, and the one it sends just after.
        var retriedBefore = await playerAfter.SayAsync(conversationId, token, "Player before restart", "restart-2");
        var postedAfter = await playerAfter.SayAsync(conversationId, token, "Player after restart", "restart-3");
        var retriedAfter = await playerAfter.SayAsync(conversationId, token, "Player after restart", "restart-3");
        // The agent's sign-in survives the restart too (keys in the data folder).
        using var agentAfter = after.AgentClient(cookie);
        await AgentSaysAsync(agentAfter, ticketId, "Agent after restart");

        var (activities, _) = await playerAfter.GetAsync(conversationId, token, "0");
        var conversation = await after.Get<IHandoffStore>().GetConversationAsync(conversationId, CancellationToken.None);
        var said = activities.Where(a => IsFrom(a, "user") || IsFrom(a, AgentName)).Select(a => a["text"]!.GetValue<string>()).ToList();
        Assert.Equal(
            ["I want to talk to a human", "Player before restart", "Agent before restart", "Player after restart", "Agent after restart"],
            said);
        var ids = activities.Select(a => a["id"]!.GetValue<string>()).ToList();
        Assert.Equal(ids.Distinct().Order(StringComparer.Ordinal), ids);
        Assert.Equal(postedBefore["id"]!.GetValue<string>(), retriedBefore["id"]!.GetValue<string>());
        Assert.Equal(postedAfter["id"]!.GetValue<string>(), retriedAfter["id"]!.GetValue<string>());
        Assert.Equal(ConversationMode.WithAgent, conversation!.Mode);
        Assert.Equal(ticketId, conversation.ActiveTicketId);
        // The bot stays silent while the agent holds the conversation: after the player's first message to the agent,
        // everything shown is the player's or the agent's.
        var firstToAgent = activities.ToList().FindIndex(a => IsFrom(a, "user") && a["text"]?.GetValue<string>() == "Player before restart");
        Assert.All(activities.Skip(firstToAgent), a => Assert.True(IsFrom(a, "user") || IsFrom(a, AgentName), a.ToJsonString()));
    }

    private static async Task AgentSaysAsync(HttpClient agent, long ticketId, string text)
    {
        using var response = await agent.PostAsJsonAsync($"/agent/api/tickets/{ticketId}/messages", new { text });
        Assert.True(response.IsSuccessStatusCode, $"agent message → {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>"user" for the player; otherwise the sender's display name (the bot, or an agent relayed by the bot).</summary>
    private static bool IsFrom(JsonObject activity, string who) =>
        activity["type"]?.GetValue<string>() == "message" && (who == "user"
            ? activity["from"]?["role"]?.GetValue<string>() == "user"
            : activity["from"]?["role"]?.GetValue<string>() == "bot" && activity["from"]?["name"]?.GetValue<string>() == who
                && who != ActivityJson.BotName);

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite pools may still hold a file for a moment; temp is cleaned eventually.
        }
    }
}
