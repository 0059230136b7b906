using System.Collections.Concurrent;
using BotHost.Turns;
using Handoff.Conversations;

namespace BotHost.Tests.Infrastructure;

/// <summary>The "test" channel's adapter: records what the host delivers, per conversation.</summary>
public sealed class TestChannelAdapter : IChannelAdapter
{
    public const string ChannelName = "test";

    private readonly ConcurrentDictionary<string, ConcurrentQueue<Reply>> _delivered = new(StringComparer.Ordinal);

    public string Channel => ChannelName;

    public IReadOnlyList<Reply> DeliveredTo(string conversationId) =>
        _delivered.TryGetValue(conversationId, out var queue) ? queue.ToArray() : [];

    public Task DeliverAsync(ConversationRecord conversation, TranscriptMessage message, Reply reply, CancellationToken cancellationToken)
    {
        _delivered.GetOrAdd(conversation.Id, _ => new()).Enqueue(reply);
        return Task.CompletedTask;
    }

    private readonly ConcurrentDictionary<string, int> _typing = new(StringComparer.Ordinal);

    /// <summary>How many typing indicators the conversation was sent.</summary>
    public int TypingSentTo(string conversationId) => _typing.TryGetValue(conversationId, out var count) ? count : 0;

    public Task SendTypingAsync(ConversationRecord conversation, CancellationToken cancellationToken)
    {
        _typing.AddOrUpdate(conversation.Id, 1, (_, count) => count + 1);
        return Task.CompletedTask;
    }
}
