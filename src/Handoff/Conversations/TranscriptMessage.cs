namespace Handoff.Conversations;

/// <summary>Who wrote a transcript message.</summary>
public enum MessageSender
{
    /// <summary>The player.</summary>
    Player,
    /// <summary>The bot.</summary>
    Bot,
    /// <summary>A human agent.</summary>
    Agent,
    /// <summary>An event (handoff started, agent joined, transfer) shown to agents and, when public, to the player.</summary>
    System,
}

/// <summary>
/// One stored message of a conversation. <see cref="Seq"/> orders the conversation and doubles as the Direct Line
/// watermark. Text is stored masked (card numbers, IBANs, e-mails, phone numbers).
/// </summary>
public sealed record TranscriptMessage
{
    /// <summary>Position in the conversation, strictly increasing, starting at 1.</summary>
    public long Seq { get; init; }
    /// <summary>Conversation id.</summary>
    public required string ConversationId { get; init; }
    /// <summary>Channel activity/update id; unique per conversation when set, so a retry is not a second message.</summary>
    public string? ExternalId { get; init; }
    /// <summary>Who wrote it.</summary>
    public MessageSender Sender { get; init; }
    /// <summary>Display name or id of the sender (agent id for agents).</summary>
    public string? SenderName { get; init; }
    /// <summary>The (masked) text.</summary>
    public string Text { get; init; } = "";
    /// <summary>The channel activity as sent to the player (suggested actions, attachments, channelData); JSON.</summary>
    public string? PayloadJson { get; init; }
    /// <summary>Internal notes are for agents only and never reach the player.</summary>
    public bool Internal { get; init; }
    /// <summary>When it was stored.</summary>
    public DateTimeOffset At { get; init; }
}

/// <summary>A message to append to a conversation's transcript.</summary>
/// <param name="ConversationId">Conversation id.</param>
/// <param name="ExternalId">Channel activity/update id for idempotency, or null.</param>
/// <param name="Sender">Who wrote it.</param>
/// <param name="SenderName">Display name or agent id.</param>
/// <param name="Text">Raw text; the store masks it before writing.</param>
/// <param name="PayloadJson">Channel activity JSON, or null.</param>
/// <param name="Internal">True for agent-only notes.</param>
public sealed record NewMessage(
    string ConversationId,
    string? ExternalId,
    MessageSender Sender,
    string? SenderName,
    string Text,
    string? PayloadJson = null,
    bool Internal = false);

/// <summary>Outcome of an append: the stored message, and whether it had been stored before (a retry).</summary>
/// <param name="Message">The stored message (the earlier one for a duplicate).</param>
/// <param name="Duplicate">True when <see cref="NewMessage.ExternalId"/> was seen before.</param>
public sealed record AppendResult(TranscriptMessage Message, bool Duplicate);
