using System.Text.Json;

namespace BotHost.Turns;

public enum TurnKind
{
    Message,
    ConversationStart,
    Event,
}

/// <summary>One inbound message, channel-neutral. A channel mapper builds it; the pipeline consumes it.</summary>
public sealed record Turn
{
    public required string ConversationId { get; init; }
    public required string Channel { get; init; }
    /// <summary>The channel's activity/update id; a retry with the same id is not a second message.</summary>
    public string? ActivityId { get; init; }
    public string? UserId { get; init; }
    public string? UserName { get; init; }
    public TurnKind Kind { get; init; } = TurnKind.Message;
    public string Text { get; init; } = "";
    /// <summary>A button's value (postBack / callback data), when the player pressed one.</summary>
    public string? Value { get; init; }
    public string? Locale { get; init; }
    /// <summary>The verified player id from a signed token or a linked account; never from message text.</summary>
    public string? VerifiedPlayerId { get; init; }
    public string? EventName { get; init; }
    public JsonElement? EventValue { get; init; }
    /// <summary>The channel payload as received (Bot Framework activity JSON), kept in the transcript.</summary>
    public string? PayloadJson { get; init; }
    /// <summary>
    /// A one-time account-linking code the player sent (as typed), for <see cref="Middleware.AccountLinkingMiddleware"/>;
    /// already masked in <see cref="Text"/> and <see cref="PayloadJson"/>, and never stored.
    /// </summary>
    public string? LinkCode { get; init; }
    /// <summary>A group chat or channel several people read: no account is ever linked to it.</summary>
    public bool SharedConversation { get; init; }
    /// <summary>Opaque channel reference to reply later (service URL, chat id), JSON.</summary>
    public string? ReferenceJson { get; init; }
}
