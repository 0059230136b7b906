namespace BotHost.Channels.Telegram;

/// <summary>Bot API <c>ResponseParameters</c>: why a request failed and what to do.</summary>
public sealed record TelegramResponseParameters
{
    public int? RetryAfter { get; init; }
    public long? MigrateToChatId { get; init; }
}
