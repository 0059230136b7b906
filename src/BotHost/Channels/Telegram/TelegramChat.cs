namespace BotHost.Channels.Telegram;

/// <summary>Bot API <c>Chat</c>.</summary>
public sealed record TelegramChat
{
    public long Id { get; init; }
    public string? Type { get; init; }
}
