namespace Handoff.Conversations;

/// <summary>Who answers a conversation right now.</summary>
public enum ConversationMode
{
    /// <summary>The bot answers.</summary>
    Bot,
    /// <summary>A ticket waits for an agent; the bot stays silent except for status replies.</summary>
    WaitingForAgent,
    /// <summary>An agent holds the conversation; the bot is silent.</summary>
    WithAgent,
}

/// <summary>
/// A player's conversation on one channel: its routing reference, identity and the state the turn pipeline keeps
/// between turns. Updated with optimistic concurrency on <see cref="Version"/>.
/// </summary>
public sealed record ConversationRecord
{
    /// <summary>Our id, unique across channels (for example <c>webchat:8f2…</c>).</summary>
    public required string Id { get; init; }
    /// <summary>Channel name: <c>webchat</c>, <c>msteams</c>, <c>telegram</c>, …</summary>
    public required string Channel { get; init; }
    /// <summary>Opaque channel data needed to reply later (service URL, chat id); JSON.</summary>
    public string? ReferenceJson { get; init; }
    /// <summary>BCP-47 language last used by the player.</summary>
    public string Language { get; init; } = "en";
    /// <summary>Verified player id, or null when the player is anonymous.</summary>
    public string? PlayerId { get; init; }
    /// <summary>Who answers now.</summary>
    public ConversationMode Mode { get; init; } = ConversationMode.Bot;
    /// <summary>The open ticket, when <see cref="Mode"/> is not <see cref="ConversationMode.Bot"/>, or a resolved ticket awaiting a rating.</summary>
    public long? ActiveTicketId { get; init; }
    /// <summary>Pipeline state (misses in a row, last intents, articles shown, pending rating); JSON owned by the host.</summary>
    public string StateJson { get; init; } = "{}";
    /// <summary>Concurrency token; incremented by every successful update.</summary>
    public long Version { get; init; }
    /// <summary>When the conversation started.</summary>
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>When the player last wrote.</summary>
    public DateTimeOffset LastPlayerActivityAt { get; init; }
}
