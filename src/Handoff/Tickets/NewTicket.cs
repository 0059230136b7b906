namespace Handoff.Tickets;

/// <summary>What the bot knows when it hands a conversation off; routing fills queue, priority and SLA.</summary>
public sealed record NewTicket
{
    /// <summary>The conversation handed off.</summary>
    public required string ConversationId { get; init; }
    /// <summary>Player's channel.</summary>
    public required string Channel { get; init; }
    /// <summary>Player's language.</summary>
    public required string Language { get; init; }
    /// <summary>Verified player id, or null.</summary>
    public string? PlayerId { get; init; }
    /// <summary>True for VIP players (raises priority, routes to l2_vip).</summary>
    public bool IsVip { get; init; }
    /// <summary>Account summary JSON, or null.</summary>
    public string? AccountSnapshotJson { get; init; }
    /// <summary>Why the bot handed off.</summary>
    public required string Reason { get; init; }
    /// <summary>The top intent, or null, used by routing rules.</summary>
    public string? Intent { get; init; }
    /// <summary>True for sensitive intents (raises priority).</summary>
    public bool IsSensitive { get; init; }
    /// <summary>Top intent candidates.</summary>
    public IReadOnlyList<IntentCandidate> TopIntents { get; init; } = [];
    /// <summary>Articles already shown.</summary>
    public IReadOnlyList<string> ArticlesShown { get; init; } = [];
}
