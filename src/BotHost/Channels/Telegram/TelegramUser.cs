namespace BotHost.Channels.Telegram;

/// <summary>Bot API <c>User</c>.</summary>
public sealed record TelegramUser
{
    public long Id { get; init; }
    public bool IsBot { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Username { get; init; }
    public string? LanguageCode { get; init; }
}
