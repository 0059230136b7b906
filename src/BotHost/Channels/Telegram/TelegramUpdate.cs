namespace BotHost.Channels.Telegram;

/// <summary>Bot API <c>Update</c>; only the kinds the bot asks for (allowed_updates) are mapped.</summary>
public sealed record TelegramUpdate
{
    public long UpdateId { get; init; }
    public TelegramMessage? Message { get; init; }
    public TelegramCallbackQuery? CallbackQuery { get; init; }
}
