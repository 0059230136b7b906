namespace BotHost.Channels.Telegram;

/// <summary>Bot API <c>CallbackQuery</c>: an inline keyboard button was pressed.</summary>
public sealed record TelegramCallbackQuery
{
    public string Id { get; init; } = "";
    public TelegramUser? From { get; init; }
    public TelegramMessage? Message { get; init; }
    public string? Data { get; init; }
}
