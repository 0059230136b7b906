using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace BotHost.Channels.WebChat;

/// <summary>
/// A token bucket per conversation: <see cref="DirectLineOptions.MessageBurst"/> messages at once, refilled at
/// <see cref="DirectLineOptions.MessagesPerMinute"/>. A script flooding one conversation cannot fill the transcript or
/// keep the pipeline busy; a person typing never notices. Kept in memory per host.
/// </summary>
public sealed class MessageRateLimiter(IOptions<DirectLineOptions> options, TimeProvider clock)
{
    /// <summary>Beyond this many tracked conversations, full buckets (idle conversations) are dropped.</summary>
    private const int PruneAbove = 50_000;

    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);

    /// <summary>Takes one message from the conversation's bucket; null when allowed, else how long until the next one is.</summary>
    public TimeSpan? TryTake(string conversationId)
    {
        var burst = options.Value.MessageBurst;
        var perSecond = options.Value.MessagesPerMinute / 60.0;
        var now = clock.GetUtcNow();
        var bucket = _buckets.GetOrAdd(conversationId, _ => new Bucket(burst, now));
        TimeSpan? wait;
        lock (bucket)
        {
            bucket.Tokens = Math.Min(burst, bucket.Tokens + ((now - bucket.At).TotalSeconds * perSecond));
            bucket.At = now;
            if (bucket.Tokens >= 1)
            {
                bucket.Tokens--;
                wait = null;
            }
            else
            {
                wait = TimeSpan.FromSeconds((1 - bucket.Tokens) / perSecond);
            }
        }

        if (_buckets.Count > PruneAbove)
        {
            Prune(now, burst, perSecond);
        }

        return wait;
    }

    private void Prune(DateTimeOffset now, int burst, double perSecond)
    {
        foreach (var (id, bucket) in _buckets)
        {
            lock (bucket)
            {
                if (bucket.Tokens + ((now - bucket.At).TotalSeconds * perSecond) >= burst)
                {
                    _buckets.TryRemove(id, out _);
                }
            }
        }
    }

    private sealed class Bucket(double tokens, DateTimeOffset at)
    {
        public double Tokens { get; set; } = tokens;

        public DateTimeOffset At { get; set; } = at;
    }
}
