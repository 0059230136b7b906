using System.Collections.Concurrent;

namespace BotHost.AgentConsole;

public enum PresenceStatus
{
    Offline,
    Online,
    Away,
}

/// <summary>Who is connected to the console and whether they take chats (online, away, offline).</summary>
public sealed class AgentPresence
{
    private readonly ConcurrentDictionary<string, (int Connections, PresenceStatus Status)> _agents = new(StringComparer.OrdinalIgnoreCase);

    public void Connected(string agentId) =>
        _agents.AddOrUpdate(agentId, (1, PresenceStatus.Online), (_, s) => (s.Connections + 1, s.Status == PresenceStatus.Offline ? PresenceStatus.Online : s.Status));

    public void Disconnected(string agentId) =>
        _agents.AddOrUpdate(agentId, (0, PresenceStatus.Offline), (_, s) => s.Connections <= 1 ? (0, PresenceStatus.Offline) : (s.Connections - 1, s.Status));

    public void Set(string agentId, PresenceStatus status) =>
        _agents.AddOrUpdate(agentId, (0, status), (_, s) => (s.Connections, s.Connections == 0 ? PresenceStatus.Offline : status));

    /// <summary>True when at least one of <paramref name="agents"/> is online and can take <paramref name="queue"/> in <paramref name="language"/>.</summary>
    public bool AnyOnline(IEnumerable<AgentAccount> agents, string queue, string language) =>
        agents.Any(a => a.CanTake(queue, language) && StatusOf(a.Id) == PresenceStatus.Online);

    public PresenceStatus StatusOf(string agentId) => _agents.TryGetValue(agentId, out var s) ? s.Status : PresenceStatus.Offline;
}
