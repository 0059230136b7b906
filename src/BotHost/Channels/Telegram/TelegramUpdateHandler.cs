using BotHost.Bot;
using BotHost.Turns;

namespace BotHost.Channels.Telegram;

/// <summary>
/// Handles one update, whether it came by polling or by webhook: text and buttons go through the turn pipeline,
/// <c>/start link-CODE</c> links the account first, media the bot cannot read get a short answer.
/// </summary>
public sealed class TelegramUpdateHandler(
    TurnPipeline pipeline,
    ConversationService conversations,
    OutboundDispatcher outbound,
    AccountLinking linking,
    TelegramClient client,
    ILogger<TelegramUpdateHandler> logger)
{
    public async Task HandleAsync(TelegramUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (update.CallbackQuery is { } callback)
        {
            await AnswerCallbackAsync(callback, cancellationToken);
            if (TelegramMapper.FromCallback(update, callback) is { } pressed)
            {
                await pipeline.ProcessAsync(pressed, cancellationToken);
            }

            return;
        }

        if (update.Message is not { } message)
        {
            return;
        }

        if (TelegramMapper.IsUnsupportedMedia(message))
        {
            await ReplyUnsupportedAsync(message, cancellationToken);
            return;
        }

        if (message.Text is null)
        {
            return;
        }

        var turn = TelegramMapper.FromMessage(update, message);
        if (TelegramMapper.TryGetStartPayload(message.Text, out var payload)
            && payload.StartsWith(TelegramMapper.LinkPayloadPrefix, StringComparison.Ordinal))
        {
            await LinkAsync(turn, payload[TelegramMapper.LinkPayloadPrefix.Length..], cancellationToken);
            return;
        }

        await pipeline.ProcessAsync(turn, cancellationToken);
    }

    private async Task LinkAsync(Turn turn, string code, CancellationToken cancellationToken)
    {
        var playerId = await linking.TryRedeemAsync(code, cancellationToken);
        if (playerId is not null)
        {
            // A conversation start is not a transcript message, so the verified id is put on the record here;
            // the transcript middleware keeps it for every later turn.
            await conversations.GetOrCreateAsync(turn.ConversationId, turn.Channel, turn.ReferenceJson, BotTexts.Supported(turn.Locale), cancellationToken);
            await conversations.UpdateAsync(turn.ConversationId, c => c with { PlayerId = playerId }, cancellationToken);
            turn = turn with { VerifiedPlayerId = playerId };
            Log.TelegramAccountLinked(logger, turn.ConversationId);
        }
        else
        {
            Log.TelegramLinkCodeRejected(logger, turn.ConversationId);
        }

        var context = await pipeline.ProcessAsync(turn, cancellationToken);
        if (context.Conversation is { } conversation)
        {
            var text = playerId is null ? TelegramTexts.LinkFailed(context.Language) : TelegramTexts.Linked(context.Language);
            await outbound.SendAsync(conversation, [new Reply { Text = text, ChannelData = ReplyData.For(null, 0, context.Language) }], cancellationToken);
        }
    }

    private async Task AnswerCallbackAsync(TelegramCallbackQuery callback, CancellationToken cancellationToken)
    {
        try
        {
            await client.AnswerCallbackQueryAsync(callback.Id, cancellationToken);
        }
        catch (Exception ex) when (ex is TelegramApiException or HttpRequestException)
        {
            // The spinner stops by itself after a while; the press still counts.
            Log.TelegramCallFailed(logger, "answerCallbackQuery", ex);
        }
    }

    private async Task ReplyUnsupportedAsync(TelegramMessage message, CancellationToken cancellationToken)
    {
        var conversation = await conversations.GetAsync(TelegramMapper.ConversationId(message.Chat.Id), cancellationToken);
        var language = conversation?.Language ?? BotTexts.Supported(message.From?.LanguageCode);
        var html = TelegramHtmlRenderer.Render(BotTexts.Get(language, "unsupported_media"));
        await client.SendMessageAsync(message.Chat.Id, html, replyMarkup: null, cancellationToken);
    }
}
