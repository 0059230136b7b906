using System.Collections.Concurrent;
using System.Net;

namespace BotHost.AgentConsole;

/// <summary>
/// Slows password guessing on the agent console: after <see cref="MaxFailuresPerAgent"/> failed sign-ins for one agent
/// id, or <see cref="MaxFailuresPerAddress"/> from one address, within <see cref="Window"/>, further attempts are
/// refused until the oldest failure is that old. Only failures count, so agents starting a shift together are never
/// slowed; a successful sign-in clears the agent's failures. Kept in memory per host.
/// </summary>
public sealed class LoginThrottle(TimeProvider clock)
{
    public const int MaxFailuresPerAgent = 5;
    public const int MaxFailuresPerAddress = 20;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    /// <summary>Beyond this many tracked keys, keys without a recent failure are dropped.</summary>
    private const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _failures = new(StringComparer.Ordinal);

    /// <summary>How long until this agent id may try again from this address; null when it may now.</summary>
    public TimeSpan? RetryAfter(string agentId, IPAddress? address)
    {
        var now = clock.GetUtcNow();
        var wait = new[] { Wait(AgentKey(agentId), MaxFailuresPerAgent, now), Wait(AddressKey(address), MaxFailuresPerAddress, now) }.Max();
        return wait > TimeSpan.Zero ? wait : null;
    }

    public void Failed(string agentId, IPAddress? address)
    {
        var now = clock.GetUtcNow();
        foreach (var key in new[] { AgentKey(agentId), AddressKey(address) })
        {
            var failures = _failures.GetOrAdd(key, _ => new Queue<DateTimeOffset>());
            lock (failures)
            {
                failures.Enqueue(now);
            }
        }

        if (_failures.Count > PruneAbove)
        {
            foreach (var (key, failures) in _failures)
            {
                lock (failures)
                {
                    Expire(failures, now);
                    if (failures.Count == 0)
                    {
                        _failures.TryRemove(key, out _);
                    }
                }
            }
        }
    }

    public void Succeeded(string agentId) => _failures.TryRemove(AgentKey(agentId), out _);

    private TimeSpan Wait(string key, int max, DateTimeOffset now)
    {
        if (!_failures.TryGetValue(key, out var failures))
        {
            return TimeSpan.Zero;
        }

        lock (failures)
        {
            Expire(failures, now);
            return failures.Count < max ? TimeSpan.Zero : failures.ElementAt(failures.Count - max) + Window - now;
        }
    }

    private static void Expire(Queue<DateTimeOffset> failures, DateTimeOffset now)
    {
        while (failures.Count > 0 && failures.Peek() <= now - Window)
        {
            failures.Dequeue();
        }
    }

    private static string AgentKey(string agentId) => "agent:" + agentId.Trim().ToLowerInvariant();

    private static string AddressKey(IPAddress? address) => "address:" + (address?.ToString() ?? "unknown");
}
