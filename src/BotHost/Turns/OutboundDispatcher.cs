using BotHost.Channels;
using Handoff.Conversations;
using Handoff.Persistence;

namespace BotHost.Turns;

/// <summary>Stores each reply in the transcript first, then hands it to the conversation's channel adapter.</summary>
public sealed class OutboundDispatcher(IHandoffStore store, IEnumerable<IChannelAdapter> adapters, ILogger<OutboundDispatcher> logger)
{
    private readonly Dictionary<string, IChannelAdapter> _adapters = adapters.ToDictionary(a => a.Channel, StringComparer.Ordinal);

    public async Task<IReadOnlyList<TranscriptMessage>> SendAsync(
        ConversationRecord conversation, IReadOnlyList<Reply> replies, CancellationToken cancellationToken)
    {
        var stored = new List<TranscriptMessage>(replies.Count);
        foreach (var reply in replies)
        {
            if (reply.Kind == ReplyKind.Typing)
            {
                if (_adapters.TryGetValue(conversation.Channel, out var adapter))
                {
                    await adapter.SendTypingAsync(conversation, cancellationToken);
                }

                continue;
            }

            var sender = reply.AgentId is not null ? MessageSender.Agent
                : reply.Kind == ReplyKind.Event ? MessageSender.System
                : MessageSender.Bot;
            var appended = await store.AppendMessageAsync(new NewMessage(
                conversation.Id, null, sender, reply.AgentName ?? reply.AgentId ?? "bot",
                reply.Kind == ReplyKind.Event ? $"[{reply.EventName}]" : reply.Text,
                ActivityJson.FromReply(reply, conversation.Language)), cancellationToken);
            stored.Add(appended.Message);
            await DeliverAsync(conversation, appended.Message, reply, cancellationToken);
        }

        return stored;
    }

    /// <summary>Delivers a message that is already in the transcript.</summary>
    public async Task DeliverAsync(ConversationRecord conversation, TranscriptMessage message, Reply reply, CancellationToken cancellationToken)
    {
        if (!_adapters.TryGetValue(conversation.Channel, out var adapter))
        {
            return;
        }

        try
        {
            await adapter.DeliverAsync(conversation, message, reply, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            // The reply is in the transcript; the channel's own retry or the agent console shows it.
            Log.DeliveryFailed(logger, conversation.Id, conversation.Channel, ex);
        }
    }
}
