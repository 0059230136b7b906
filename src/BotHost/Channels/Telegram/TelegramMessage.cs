using System.Text.Json;

namespace BotHost.Channels.Telegram;

/// <summary>Bot API <c>Message</c>: the fields the bot reads; media are only checked for presence.</summary>
public sealed record TelegramMessage
{
    public long MessageId { get; init; }
    public TelegramUser? From { get; init; }
    public TelegramChat Chat { get; init; } = new();
    public long Date { get; init; }
    public string? Text { get; init; }
    public string? Caption { get; init; }
    public JsonElement? Photo { get; init; }
    public JsonElement? Sticker { get; init; }
    public JsonElement? Voice { get; init; }
    public JsonElement? Audio { get; init; }
    public JsonElement? Video { get; init; }
    public JsonElement? VideoNote { get; init; }
    public JsonElement? Animation { get; init; }
    public JsonElement? Document { get; init; }
    public JsonElement? ReplyMarkup { get; init; }
}
