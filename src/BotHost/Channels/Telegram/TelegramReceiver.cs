using System.Globalization;
using Handoff.Persistence;
using Microsoft.Extensions.Options;

namespace BotHost.Channels.Telegram;

/// <summary>
/// Starts the channel: in polling mode a getUpdates long-poll loop whose offset is kept in the store (read at start,
/// advanced after each handled update, so nothing is lost or handled twice across restarts); in webhook mode it
/// registers the webhook with its secret.
/// </summary>
public sealed class TelegramReceiver(
    TelegramClient client,
    TelegramUpdateHandler handler,
    IHandoffStore store,
    IOptions<TelegramOptions> options,
    TimeProvider clock,
    ILogger<TelegramReceiver> logger) : BackgroundService
{
    public const string OffsetCursor = "telegram:offset";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            Log.TelegramChannel(logger, "off");
            return;
        }

        Log.TelegramChannel(logger, settings.Mode == TelegramMode.Webhook ? "on (webhook)" : "on (polling)");
        if (settings.Mode == TelegramMode.Webhook)
        {
            await RegisterWebhookAsync(settings, stoppingToken);
            return;
        }

        await PollAsync(settings, stoppingToken);
    }

    private async Task RegisterWebhookAsync(TelegramOptions settings, CancellationToken stoppingToken)
    {
        var url = settings.PublicUrl!.TrimEnd('/') + TelegramApi.WebhookPath;
        try
        {
            await client.SetWebhookAsync(url, settings.WebhookSecret!, stoppingToken);
            Log.TelegramWebhookSet(logger, url);
        }
        catch (Exception ex) when (ex is TelegramApiException or HttpRequestException)
        {
            Log.TelegramWebhookFailed(logger, url, ex);
        }
    }

    private async Task PollAsync(TelegramOptions settings, CancellationToken stoppingToken)
    {
        var offset = 0L;
        var webhookCleared = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!webhookCleared)
                {
                    offset = long.TryParse(await store.GetCursorAsync(OffsetCursor, stoppingToken), NumberStyles.None, CultureInfo.InvariantCulture, out var saved)
                        ? saved
                        : 0;

                    // getUpdates answers 409 while a webhook is set (e.g. left over from webhook mode).
                    await client.DeleteWebhookAsync(stoppingToken);
                    webhookCleared = true;
                }

                var updates = await client.GetUpdatesAsync(offset, settings.PollTimeoutSeconds, stoppingToken);
                foreach (var update in updates.OrderBy(u => u.UpdateId))
                {
                    if (update.UpdateId < offset)
                    {
                        continue;
                    }

                    await HandleAsync(update, stoppingToken);
                    offset = update.UpdateId + 1;
                    await store.SetCursorAsync(OffsetCursor, offset.ToString(CultureInfo.InvariantCulture), stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The edge of the channel: whatever failed, keep polling after a pause; the offset was not advanced.
                Log.TelegramPollFailed(logger, settings.PollErrorDelayMilliseconds, ex);
                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(settings.PollErrorDelayMilliseconds), clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task HandleAsync(TelegramUpdate update, CancellationToken stoppingToken)
    {
        try
        {
            await handler.HandleAsync(update, stoppingToken);
        }
        catch (Exception ex) when (ex is TelegramApiException or HttpRequestException)
        {
            // Telegram refused our answer (blocked bot, deleted chat): the update itself is done.
            Log.TelegramUpdateFailed(logger, update.UpdateId, ex);
        }
    }
}
