using BotHost.Bot;
using BotHost.Identity;
using BotHost.Turns;

namespace BotHost.Channels.Telegram;

/// <summary>
/// Handles one update, whether it came by polling or by webhook: text and buttons go through the turn pipeline,
/// <c>/start link-CODE</c> or <c>link CODE</c> also links the account, media the bot cannot read get a short answer.
/// </summary>
public sealed class TelegramUpdateHandler(
    TurnPipeline pipeline,
    ConversationService conversations,
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

        // "/start link-CODE" carries its code from the mapper; "link CODE" typed in the chat is found here.
        var turn = await linking.RecognizeAsync(TelegramMapper.FromMessage(update, message), cancellationToken);
        await pipeline.ProcessAsync(turn, cancellationToken);
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
