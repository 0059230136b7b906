namespace BotHost.Turns;

public enum ReplyKind
{
    Message,
    Typing,
    Event,
}

/// <summary>A button offered with a reply: shown as a suggested action, an inline keyboard button or a card action.</summary>
public sealed record SuggestedAction(string Title, string Value);

/// <summary>A file sent with a reply (the handoff transcript, a card).</summary>
public sealed record ReplyAttachment(string ContentType, string Name, object Content);

/// <summary>One outbound message, channel-neutral; the channel adapter renders it.</summary>
public sealed record Reply
{
    public ReplyKind Kind { get; init; } = ReplyKind.Message;
    /// <summary>Markdown text.</summary>
    public string Text { get; init; } = "";
    public IReadOnlyList<SuggestedAction> Actions { get; init; } = [];
    public IReadOnlyList<ReplyAttachment> Attachments { get; init; } = [];
    /// <summary>Audit data for every bot answer: intent, confidence, language, articleId, handoff.</summary>
    public IReadOnlyDictionary<string, object?> ChannelData { get; init; } = new Dictionary<string, object?>();
    public string? EventName { get; init; }
    public object? EventValue { get; init; }
    /// <summary>Agent id and display name when an agent wrote it; null for the bot.</summary>
    public string? AgentId { get; init; }
    public string? AgentName { get; init; }
}
