using System.Globalization;
using Handoff.Persistence;
using Microsoft.Extensions.Options;

namespace BotHost.Channels.Telegram;

/// <summary>
/// Starts the channel: in polling mode a getUpdates long-poll loop whose offset is kept in the store (read when this
/// host takes the polling lease, advanced after each handled update, so nothing is lost or handled twice across
/// restarts and hand-overs); in webhook mode it registers the webhook with its secret. Of several hosts sharing the
/// store only the holder of the polling lease (<see cref="TelegramPollingLease"/>) polls; the others stand by and take
/// over when it is released (graceful stop) or expires (crash).
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

    private long _offset;
    private bool _prepared;
    private string? _standbyFor;

    /// <summary>This host in the polling lease: random per process, so a restarted host never takes an old lease for its own.</summary>
    public string HostId { get; } = Guid.NewGuid().ToString("N")[..16];

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
        var lease = new TelegramPollingLease(store, clock, HostId, TimeSpan.FromSeconds(settings.PollLeaseSeconds));
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                TimeSpan pause;
                try
                {
                    pause = await PollRoundAsync(lease, settings, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex)
                {
                    // The edge of the channel: whatever failed, keep polling after a pause; the offset was not advanced.
                    Log.TelegramPollFailed(logger, settings.PollErrorDelayMilliseconds, ex);
                    pause = TimeSpan.FromMilliseconds(settings.PollErrorDelayMilliseconds);
                }

                if (pause > TimeSpan.Zero)
                {
                    try
                    {
                        await Task.Delay(pause, clock, stoppingToken);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                }
            }
        }
        finally
        {
            await ReleaseAsync(lease);
        }
    }

    /// <summary>Takes the lease if it is free, or polls once and handles what came; returns the pause before the next round.</summary>
    private async Task<TimeSpan> PollRoundAsync(TelegramPollingLease lease, TelegramOptions settings, CancellationToken stoppingToken)
    {
        var standby = TimeSpan.FromMilliseconds(settings.PollLeaseRetryMilliseconds);
        if (!lease.IsHeld)
        {
            if (!await lease.TryAcquireAsync(stoppingToken))
            {
                if (lease.OtherHolder is { } holder && holder != _standbyFor)
                {
                    Log.TelegramLeaseStandby(logger, HostId, holder);
                    _standbyFor = holder;
                }

                return standby;
            }

            Log.TelegramLeaseAcquired(logger, HostId, settings.PollLeaseSeconds);
            _standbyFor = null;
            _prepared = false;
        }

        if (!_prepared)
        {
            // Read at every acquire: the host that held the lease before advanced it.
            _offset = long.TryParse(await store.GetCursorAsync(OffsetCursor, stoppingToken), NumberStyles.None, CultureInfo.InvariantCulture, out var saved)
                ? saved
                : 0;

            // getUpdates answers 409 while a webhook is set (e.g. left over from webhook mode).
            await client.DeleteWebhookAsync(stoppingToken);
            _prepared = true;
        }

        // Renewed right before the long poll, which is shorter than the lease (validated): no other host polls meanwhile.
        if (!await RenewAsync(lease, stoppingToken))
        {
            return standby;
        }

        var updates = await client.GetUpdatesAsync(_offset, settings.PollTimeoutSeconds, stoppingToken);
        if (updates.Count == 0)
        {
            return TimeSpan.Zero;
        }

        // Still the holder before handling anything: a getUpdates stretched by retries can outlast the lease, and a host
        // that took over meanwhile handles these itself, from the stored offset.
        if (!await RenewAsync(lease, stoppingToken))
        {
            return standby;
        }

        var renewEvery = TimeSpan.FromSeconds(settings.PollLeaseRenewSeconds);
        foreach (var update in updates.OrderBy(u => u.UpdateId))
        {
            if (update.UpdateId < _offset)
            {
                continue;
            }

            if (lease.SinceRenewed >= renewEvery && !await RenewAsync(lease, stoppingToken))
            {
                return standby;
            }

            await HandleAsync(update, stoppingToken);
            _offset = update.UpdateId + 1;
            await store.SetCursorAsync(OffsetCursor, _offset.ToString(CultureInfo.InvariantCulture), stoppingToken);
        }

        return TimeSpan.Zero;
    }

    private async Task<bool> RenewAsync(TelegramPollingLease lease, CancellationToken stoppingToken)
    {
        if (await lease.TryRenewAsync(stoppingToken))
        {
            return true;
        }

        Log.TelegramLeaseLost(logger, HostId);
        return false;
    }

    private async Task ReleaseAsync(TelegramPollingLease lease)
    {
        if (!lease.IsHeld)
        {
            return;
        }

        // The stopping token is already cancelled; a budget of its own, so an unreachable store cannot hold up shutdown.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5), clock);
        try
        {
            if (await lease.ReleaseAsync(timeout.Token))
            {
                Log.TelegramLeaseReleased(logger, HostId);
            }
        }
        catch (Exception ex)
        {
            Log.TelegramLeaseReleaseFailed(logger, HostId, ex);
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
