using System.Text;
using BotHost.Turns;
using Handoff.Conversations;

namespace BotHost.Channels.Telegram;

/// <summary>
/// Sends replies to a Telegram chat: Markdown rendered as Telegram HTML, split under 4096 characters, buttons as an
/// inline keyboard on the last part. Events (handoff.initiate) are for agent hubs and are not sent to the player.
/// </summary>
public sealed class TelegramAdapter(TelegramClient client, ILogger<TelegramAdapter> logger) : IChannelAdapter
{
    /// <summary>Telegram's limit for callback_data.</summary>
    public const int MaxCallbackDataBytes = 64;

    public string Channel => TelegramMapper.ChannelId;

    public async Task DeliverAsync(ConversationRecord conversation, TranscriptMessage message, Reply reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(reply);
        if (reply.Kind != ReplyKind.Message || TelegramMapper.ChatId(conversation) is not { } chatId)
        {
            return;
        }

        var html = TelegramHtmlRenderer.Render(reply.Text);
        if (reply.AgentId is not null)
        {
            // Every message comes from the bot account; the agent's name tells the player a person is writing.
            html = $"<b>{TelegramHtmlRenderer.Escape(reply.AgentName ?? reply.AgentId)}</b>\n{html}";
        }

        var parts = TelegramMessageSplitter.Split(html);
        var keyboard = Keyboard(reply.Actions);
        for (var i = 0; i < parts.Count; i++)
        {
            await client.SendMessageAsync(chatId, parts[i], i == parts.Count - 1 ? keyboard : null, cancellationToken);
        }
    }

    public async Task SendTypingAsync(ConversationRecord conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        if (TelegramMapper.ChatId(conversation) is not { } chatId)
        {
            return;
        }

        try
        {
            await client.SendChatActionAsync(chatId, "typing", cancellationToken);
        }
        catch (Exception ex) when (ex is TelegramApiException or HttpRequestException)
        {
            // A missing typing indicator must not cost the player the answer.
            Log.TelegramCallFailed(logger, "sendChatAction", ex);
        }
    }

    private object? Keyboard(IReadOnlyList<SuggestedAction> actions)
    {
        var rows = new List<object[]>();
        foreach (var action in actions)
        {
            var bytes = Encoding.UTF8.GetByteCount(action.Value);
            if (bytes > MaxCallbackDataBytes)
            {
                Log.TelegramButtonDropped(logger, bytes);
                continue;
            }

            rows.Add([new { text = action.Title, callback_data = action.Value }]);
        }

        return rows.Count == 0 ? null : new { inline_keyboard = rows };
    }
}
