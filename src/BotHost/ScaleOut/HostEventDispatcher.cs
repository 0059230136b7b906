using System.Text.Json;
using System.Text.Json.Nodes;
using BotHost.AgentConsole;
using BotHost.Channels.WebChat;
using BotHost.Handoffs;
using Handoff.Persistence;

namespace BotHost.ScaleOut;

/// <summary>
/// Applies an event that another host published to this host's own readers: wakes the Direct Line streams of the
/// conversation, and pushes the ticket or message, re-read from the store, to the agents connected here. Nothing is
/// relayed again, and nothing in the payload is shown as is.
/// </summary>
internal sealed class HostEventDispatcher(ConversationFeed feed, IHandoffStore store, IEnumerable<IAgentNotifier> notifiers)
{
    private readonly SignalRAgentNotifier? _agents = notifiers.OfType<SignalRAgentNotifier>().FirstOrDefault();

    public async Task DispatchAsync(HostEvent hostEvent, CancellationToken cancellationToken)
    {
        switch (hostEvent)
        {
            case { Kind: HostEvent.ConversationKind, Id: { Length: > 0 } conversationId }:
                feed.ChangedLocally(conversationId);
                break;
            case { Kind: HostEvent.EphemeralKind, Id: { Length: > 0 } conversationId, Activity: { } activity } when IsTypingFor(activity, conversationId):
                feed.EphemeralLocally(conversationId, activity);
                break;
            case { Kind: HostEvent.TicketKind, TicketId: { } ticketId } when _agents is not null:
                if (await store.GetTicketAsync(ticketId, cancellationToken) is { } ticket)
                {
                    await _agents.PushTicketAsync(ticket);
                }

                break;
            case { Kind: HostEvent.MessageKind, TicketId: { } ticketId, Seq: { } seq } when _agents is not null && seq > 0:
                if (await store.GetTicketAsync(ticketId, cancellationToken) is { } owner)
                {
                    var messages = await store.GetMessagesAsync(owner.ConversationId, seq - 1, 1, includeInternal: true, cancellationToken);
                    if (messages is [{ } message] && message.Seq == seq)
                    {
                        await _agents.PushMessageAsync(owner, message);
                    }
                }

                break;
        }
    }

    /// <summary>After the listener was down, events may have been missed: every reader here re-reads from its watermark.</summary>
    public int CatchUp() => feed.ChangedAllLocally();

    /// <summary>The only content taken from a payload is a typing indicator, and only one for the conversation it names.</summary>
    private static bool IsTypingFor(string activityJson, string conversationId)
    {
        try
        {
            return JsonNode.Parse(activityJson) is JsonObject activity
                && activity["type"]?.GetValueKind() == JsonValueKind.String && activity["type"]!.GetValue<string>() == "typing"
                && activity["conversation"]?["id"]?.GetValueKind() == JsonValueKind.String
                && activity["conversation"]!["id"]!.GetValue<string>() == conversationId;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
