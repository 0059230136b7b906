using System.Globalization;
using System.Text.Json;
using BotHost.Identity;
using BotHost.Turns;
using Handoff.Conversations;

namespace BotHost.Channels.Telegram;

/// <summary>Turns Bot API updates into <see cref="Turn"/>s, and a conversation back into its chat id.</summary>
public static class TelegramMapper
{
    public const string ChannelId = "telegram";
    public const string ConversationPrefix = "tg:";
    public const string LinkPayloadPrefix = "link-";

    /// <summary>The t.me deep link that opens a private chat with the bot and sends it <c>/start link-CODE</c>.</summary>
    public static string LinkDeepLink(string botUsername, string code)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(botUsername);
        ArgumentNullException.ThrowIfNull(code);
        return $"https://t.me/{botUsername}?start={LinkPayloadPrefix}{code.Replace("-", "", StringComparison.Ordinal)}";
    }

    public static string ConversationId(long chatId) => ConversationPrefix + chatId.ToString(CultureInfo.InvariantCulture);

    public static string ActivityId(TelegramUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        return "tg-update:" + update.UpdateId.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>A message the bot cannot read: sticker, photo, voice, audio, video, animation or document.</summary>
    public static bool IsUnsupportedMedia(TelegramMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Text is null && (message.Photo is not null || message.Sticker is not null || message.Voice is not null
            || message.Audio is not null || message.Video is not null || message.VideoNote is not null
            || message.Animation is not null || message.Document is not null);
    }

    /// <summary><c>/start</c> or <c>/start@bot</c>, with the deep-link payload after it (empty when none).</summary>
    public static bool TryGetStartPayload(string? text, out string payload)
    {
        payload = "";
        if (text is null || !text.StartsWith("/start", StringComparison.Ordinal))
        {
            return false;
        }

        var rest = text.AsSpan("/start".Length);
        if (rest.Length > 0 && rest[0] == '@')
        {
            var space = rest.IndexOf(' ');
            rest = space < 0 ? [] : rest[space..];
        }

        if (rest.Length > 0 && !char.IsWhiteSpace(rest[0]))
        {
            return false;
        }

        payload = rest.Trim().ToString();
        return true;
    }

    /// <summary>
    /// A text message; <c>/start</c> becomes a conversation start (the greeting), and <c>/start link-CODE</c> also
    /// carries the account-linking code, masked in the payload that is stored.
    /// </summary>
    public static Turn FromMessage(TelegramUpdate update, TelegramMessage message)
    {
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(message);
        var isStart = TryGetStartPayload(message.Text, out var payload);
        var turn = Base(update, message.Chat.Id, message.From, message) with
        {
            Kind = isStart ? TurnKind.ConversationStart : TurnKind.Message,
            Text = isStart ? "" : message.Text ?? "",
            SharedConversation = message.Chat.Type != "private",
        };
        return isStart && payload.StartsWith(LinkPayloadPrefix, StringComparison.Ordinal) && payload.Length > LinkPayloadPrefix.Length
            ? AccountLinking.WithLinkCode(turn, payload[LinkPayloadPrefix.Length..])
            : turn;
    }

    /// <summary>An inline keyboard button: the callback data is the action's value; the text is the button's title.</summary>
    public static Turn? FromCallback(TelegramUpdate update, TelegramCallbackQuery callback)
    {
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(callback);
        var chatId = callback.Message?.Chat.Id ?? callback.From?.Id;
        if (chatId is null || callback.Data is null)
        {
            return null;
        }

        return Base(update, chatId.Value, callback.From, message: null) with
        {
            Text = ButtonTitle(callback.Message?.ReplyMarkup, callback.Data) ?? callback.Data,
            Value = callback.Data,
        };
    }

    public static long? ChatId(ConversationRecord conversation)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        if (conversation.ReferenceJson is { Length: > 0 } json)
        {
            try
            {
                using var document = JsonDocument.Parse(json);
                if (document.RootElement.TryGetProperty("chatId", out var chatId) && chatId.TryGetInt64(out var id))
                {
                    return id;
                }
            }
            catch (JsonException)
            {
                // Fall back to the conversation id, which carries the chat id too.
            }
        }

        return conversation.Id.StartsWith(ConversationPrefix, StringComparison.Ordinal)
            && long.TryParse(conversation.Id.AsSpan(ConversationPrefix.Length), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : null;
    }

    private static Turn Base(TelegramUpdate update, long chatId, TelegramUser? from, TelegramMessage? message) => new()
    {
        ConversationId = ConversationId(chatId),
        Channel = ChannelId,
        ActivityId = ActivityId(update),
        UserId = from is null ? null : "tg_" + from.Id.ToString(CultureInfo.InvariantCulture),
        UserName = DisplayName(from),
        Locale = from?.LanguageCode,
        PayloadJson = JsonSerializer.Serialize(update, TelegramJson.Options),
        ReferenceJson = JsonSerializer.Serialize(new { chatId, messageId = message?.MessageId }),
    };

    private static string? DisplayName(TelegramUser? user)
    {
        if (user is null)
        {
            return null;
        }

        var name = string.Join(' ', new[] { user.FirstName, user.LastName }.Where(n => !string.IsNullOrWhiteSpace(n)));
        return name.Length > 0 ? name : user.Username;
    }

    private static string? ButtonTitle(JsonElement? replyMarkup, string data)
    {
        if (replyMarkup is not { ValueKind: JsonValueKind.Object } markup
            || !markup.TryGetProperty("inline_keyboard", out var rows) || rows.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var row in rows.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.Array))
        {
            foreach (var button in row.EnumerateArray())
            {
                if (button.ValueKind == JsonValueKind.Object
                    && button.TryGetProperty("callback_data", out var value) && value.ValueKind == JsonValueKind.String && value.GetString() == data
                    && button.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String)
                {
                    return text.GetString();
                }
            }
        }

        return null;
    }
}
