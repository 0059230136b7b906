using System.Collections.Concurrent;
using System.Threading.Channels;
using BotHost.ScaleOut;

namespace BotHost.Channels.WebChat;

/// <summary>
/// Wakes the readers of a conversation (WebSocket streams) when something was stored for it, and carries
/// ephemeral activities (typing) that are never stored. With several hosts, <paramref name="hostEvents"/> carries both
/// to the readers connected to the other hosts.
/// </summary>
public sealed class ConversationFeed(IHostEvents? hostEvents = null)
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
    public void Changed(string conversationId)
    {
        Publish(conversationId, null);
        hostEvents?.ConversationChanged(conversationId);
    }

    /// <summary>An activity for live readers only (typing).</summary>
    public void Ephemeral(string conversationId, string activityJson)
    {
        Publish(conversationId, activityJson);
        hostEvents?.Ephemeral(conversationId, activityJson);
    }

    /// <summary>Wakes this host's readers only: for an event that came from another host.</summary>
    internal void ChangedLocally(string conversationId) => Publish(conversationId, null);

    /// <summary>An ephemeral activity that came from another host, for this host's readers only.</summary>
    internal void EphemeralLocally(string conversationId, string activityJson) => Publish(conversationId, activityJson);

    /// <summary>Wakes every reader on this host (they re-read from their watermark); returns how many conversations.</summary>
    internal int ChangedAllLocally()
    {
        var count = 0;
        foreach (var conversationId in _subscribers.Keys)
        {
            Publish(conversationId, null);
            count++;
        }

        return count;
    }

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
