using System.Collections.Concurrent;
using System.Threading.Channels;

namespace BotHost.Channels.WebChat;

/// <summary>
/// Wakes the readers of a conversation (WebSocket streams) when something was stored for it, and carries
/// ephemeral activities (typing) that are never stored.
/// </summary>
public sealed class ConversationFeed
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Guid, Channel<string?>>> _subscribers = new(StringComparer.Ordinal);

    public Subscription Subscribe(string conversationId)
    {
        var channel = Channel.CreateBounded<string?>(new BoundedChannelOptions(64) { FullMode = BoundedChannelFullMode.DropOldest });
        var id = Guid.NewGuid();
        _subscribers.GetOrAdd(conversationId, _ => new())[id] = channel;
        return new Subscription(channel.Reader, () =>
        {
            if (_subscribers.TryGetValue(conversationId, out var set))
            {
                set.TryRemove(id, out _);
            }
        });
    }

    /// <summary>Something was stored: readers fetch from their watermark.</summary>
    public void Changed(string conversationId) => Publish(conversationId, null);

    /// <summary>An activity for live readers only (typing).</summary>
    public void Ephemeral(string conversationId, string activityJson) => Publish(conversationId, activityJson);

    private void Publish(string conversationId, string? item)
    {
        if (_subscribers.TryGetValue(conversationId, out var set))
        {
            foreach (var channel in set.Values)
            {
                channel.Writer.TryWrite(item);
            }
        }
    }

    public sealed class Subscription(ChannelReader<string?> reader, Action unsubscribe) : IDisposable
    {
        public ChannelReader<string?> Reader { get; } = reader;

        public void Dispose() => unsubscribe();
    }
}
