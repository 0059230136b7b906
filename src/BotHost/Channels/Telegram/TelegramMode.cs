namespace BotHost.Channels.Telegram;

/// <summary>How updates reach the bot: it asks Telegram (no public URL needed) or Telegram calls it.</summary>
public enum TelegramMode
{
    Polling,
    Webhook,
}
