using BotHost.ScaleOut;
using Handoff.Persistence;

namespace BotHost.Channels.Telegram;

/// <summary>
/// Which host may call getUpdates: a lease in the store's cursor <see cref="CursorName"/>, "<c>{hostId} {expiresUnixMs}</c>".
/// Every write is a compare-and-set from the value this host last read or wrote, so of several hosts sharing the store
/// at most one holds it. A host takes it when it is absent, released or expired, and keeps it by renewing it; a renewal
/// that finds another value means another host took over, and this one must stop polling at once.
/// </summary>
internal sealed class TelegramPollingLease(IHandoffStore store, TimeProvider clock, string hostId, TimeSpan length)
{
    public const string CursorName = "telegram:poller";

    private string? _held;
    private DateTimeOffset _renewedAt;

    public string HostId => hostId;

    /// <summary>From a successful acquire until a renewal finds the lease taken, or it is released.</summary>
    public bool IsHeld => _held is not null;

    /// <summary>Time since this host last wrote its lease.</summary>
    public TimeSpan SinceRenewed => clock.GetUtcNow() - _renewedAt;

    /// <summary>The live holder this host found at its last failed acquire (null when it lost a race instead).</summary>
    public string? OtherHolder { get; private set; }

    /// <summary>Takes the lease unless another host's is still live.</summary>
    public async Task<bool> TryAcquireAsync(CancellationToken cancellationToken)
    {
        if (_held is not null)
        {
            return true;
        }

        var current = await store.GetCursorAsync(CursorName, cancellationToken);
        var now = clock.GetUtcNow();
        // The same id is this process: its own lease (e.g. a renewal whose answer was lost) is taken back at once.
        OtherHolder = LeaseValue.TryParse(current, out var holder, out var expires) && holder != hostId && expires > now ? holder : null;
        return OtherHolder is null && await TryWriteAsync(current, now, cancellationToken);
    }

    /// <summary>Extends the lease by its full length; false (and no longer held) when another host took it over.</summary>
    public async Task<bool> TryRenewAsync(CancellationToken cancellationToken)
    {
        if (_held is null)
        {
            return false;
        }

        if (await TryWriteAsync(_held, clock.GetUtcNow(), cancellationToken))
        {
            return true;
        }

        _held = null;
        return false;
    }

    /// <summary>Gives the lease up (writes it expired), so another host takes it on its next try; false when not held.</summary>
    public async Task<bool> ReleaseAsync(CancellationToken cancellationToken)
    {
        if (_held is not { } held)
        {
            return false;
        }

        _held = null;
        return await store.TrySetCursorAsync(CursorName, held, LeaseValue.Format(hostId, DateTimeOffset.UnixEpoch), cancellationToken);
    }

    private async Task<bool> TryWriteAsync(string? expected, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var value = LeaseValue.Format(hostId, now + length);
        if (!await store.TrySetCursorAsync(CursorName, expected, value, cancellationToken))
        {
            return false;
        }

        _held = value;
        _renewedAt = now;
        return true;
    }
}
