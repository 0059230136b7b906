using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using BotHost.AgentConsole;
using BotHost.Handoffs;
using Handoff.Persistence;
using Handoff.Tickets;

namespace BotHost.Channels.Teams;

/// <summary>
/// What agents do in the agents' Teams channel: press "Pick up" on a ticket card (an atomic claim through the
/// <see cref="HandoffCoordinator"/>, exactly like the console) and answer the player by replying in the card's thread.
/// </summary>
public sealed class TeamsAgentActions(
    TeamsAgentThreads threads,
    AgentDirectory agents,
    HandoffCoordinator coordinator,
    IHandoffStore store,
    ILogger<TeamsAgentActions> logger)
{
    /// <summary>Prefix of the transcript external id of an agent message written in Teams.</summary>
    public const string ExternalIdPrefix = "teams:";

    /// <summary>Handles one activity from the agents' channel; returns the text answered to the agent, if any.</summary>
    public async Task<string?> HandleAsync(JsonObject activity, TeamsReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(reference);
        var root = TeamsAgentThreads.ThreadRoot(reference.ConversationId, TeamsMapper.Str(activity["replyToId"]));
        var agent = FindAgent(reference);
        var data = TeamsMapper.SubmitData(activity);
        string? answer;
        if (TeamsMapper.Str(data?["action"]) == TicketCard.PickupAction)
        {
            answer = await PickUpAsync(data!, agent, reference, cancellationToken);
        }
        else if (TeamsMapper.Str(activity["type"]) == "message" && root is not null && await threads.GetTicketAsync(root, cancellationToken) is { } ticketId)
        {
            answer = await RelayAsync(ticketId, agent, reference, TeamsMapper.StripMention(activity, reference.BotId, reference.BotName), cancellationToken);
        }
        else
        {
            return null;
        }

        if (answer is not null && root is not null)
        {
            await threads.ReplyAsync(root, answer, cancellationToken);
        }

        return answer;
    }

    private async Task<string?> PickUpAsync(JsonObject data, AgentAccount? agent, TeamsReference reference, CancellationToken cancellationToken)
    {
        var ticketId = data["ticketId"] switch
        {
            JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.GetValue<long>(),
            JsonValue v when long.TryParse(TeamsMapper.Str(v), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => (long?)null,
        };
        if (ticketId is null)
        {
            return "This card does not name a ticket.";
        }

        if (agent is null)
        {
            Log.TeamsUnknownAgent(logger, reference.UserId ?? "?", ticketId.Value);
            return $"{reference.UserName ?? "You"} is not set up as an agent (AgentConsole:Agents TeamsUserId), so ticket #{ticketId} stays in the queue.";
        }

        var current = await store.GetTicketAsync(ticketId.Value, cancellationToken);
        if (current is null)
        {
            return $"Ticket #{ticketId} does not exist.";
        }

        if (current.Status == TicketStatus.Waiting && !agent.CanTake(current.Queue, current.Language))
        {
            // The same rule as the console: an agent claims only from the queues they serve (supervisors from all).
            return $"Ticket #{ticketId} waits in **{current.Queue}**, which {agent.DisplayName} does not serve.";
        }

        var result = await coordinator.ClaimAsync(ticketId.Value, agent, cancellationToken);
        Log.TeamsPickup(logger, ticketId.Value, agent.Id, result.Outcome.ToString());
        return result.Outcome switch
        {
            // The notifier posts "Picked up by …" in the thread, as it does for a claim from the console.
            UpdateOutcome.Applied => null,
            UpdateOutcome.NotFound => $"Ticket #{ticketId} does not exist.",
            _ when result.Ticket?.AssigneeId == agent.Id && result.Ticket.Status == TicketStatus.Assigned => $"You already hold ticket #{ticketId}.",
            _ when result.Ticket?.AssigneeId is { } holder => $"Ticket #{ticketId} is already taken by **{Name(holder)}**.",
            _ => $"Ticket #{ticketId} can no longer be picked up (it is {result.Ticket?.Status}).",
        };
    }

    private async Task<string?> RelayAsync(long ticketId, AgentAccount? agent, TeamsReference reference, string text, CancellationToken cancellationToken)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (agent is null)
        {
            Log.TeamsUnknownAgent(logger, reference.UserId ?? "?", ticketId);
            return $"{reference.UserName ?? "You"} is not set up as an agent, so this was not sent to the player.";
        }

        var ticket = await store.GetTicketAsync(ticketId, cancellationToken);
        if (ticket is null || ticket.Status != TicketStatus.Assigned || ticket.AssigneeId != agent.Id)
        {
            return ticket?.AssigneeId is { } holder && ticket.Status == TicketStatus.Assigned
                ? $"Ticket #{ticketId} is held by **{Name(holder)}**; this was not sent to the player."
                : $"Press **Pick up** on ticket #{ticketId} first; this was not sent to the player.";
        }

        // Keyed on the Teams activity id: a retried delivery of the same reply is not a second message to the player.
        await coordinator.SendAgentMessageAsync(
            ticket, agent, text, reference.ActivityId is { } id ? ExternalIdPrefix + id : null, cancellationToken);
        return null;
    }

    private AgentAccount? FindAgent(TeamsReference reference) => agents.All.FirstOrDefault(a => a.TeamsUserId is { Length: > 0 } id &&
        (string.Equals(id, reference.UserId, StringComparison.OrdinalIgnoreCase) || string.Equals(id, reference.AadObjectId, StringComparison.OrdinalIgnoreCase)));

    private string Name(string agentId) => agents.Find(agentId)?.DisplayName ?? agentId;
}
