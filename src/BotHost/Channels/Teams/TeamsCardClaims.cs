using System.Globalization;
using BotHost.ScaleOut;
using Handoff.Persistence;

namespace BotHost.Channels.Teams;

/// <summary>
/// Who posts a ticket's card to the agents' channel: a claim in the store's cursor <c>teams-card:{ticketId}</c>,
/// "<c>{hostId} {expiresUnixMs}</c>", written by compare-and-set, so of several hosts (and of one host's immediate path
/// and sweep) exactly one posts it. A linked card needs no release: its thread cursor says it is there, and a lapsed
/// claim is taken over only while there is still no thread. A failed post releases the claim (writes it expired), so
/// the next sweep retries at once; after a crash mid-post it lapses after <see cref="Length"/>.
/// </summary>
public sealed class TeamsCardClaims(IHandoffStore store, TeamsAgentThreads threads, TimeProvider clock)
{
    /// <summary>The claim's final value when the Connector took the card but gave it no id: no thread to find, never again.</summary>
    public const string PostedWithoutThread = "posted";

    /// <summary>
    /// Longer than one card post takes with the Connector client's retries (30 s per attempt, Retry-After at most 30 s,
    /// three retries by default), so a live poster's claim does not lapse under it.
    /// </summary>
    public static readonly TimeSpan Length = TimeSpan.FromMinutes(10);

    /// <summary>This process, as claims name it.</summary>
    public string HostId { get; } = Guid.NewGuid().ToString("N")[..16];

    /// <summary>Claims the posting of the ticket's card; the claim written, or null when another claim is live or the card is there.</summary>
    public async Task<string?> TryClaimAsync(long ticketId, CancellationToken cancellationToken)
    {
        var name = CursorName(ticketId);
        var now = clock.GetUtcNow();
        var claim = LeaseValue.Format(HostId, now + Length);
        // Absent: nobody ever claimed this card, so nobody posted it (every post is claimed first). One write.
        if (await store.TrySetCursorAsync(name, null, claim, cancellationToken))
        {
            return claim;
        }

        // A live claim is respected even when it is this host's own: the immediate path and the sweep may race.
        var current = await store.GetCursorAsync(name, cancellationToken);
        if (current == PostedWithoutThread || LeaseValue.IsLive(current, now) || !await store.TrySetCursorAsync(name, current, claim, cancellationToken))
        {
            return null;
        }

        // A released or lapsed claim: its holder may have posted and linked the card before it lapsed.
        return await threads.GetThreadAsync(ticketId, cancellationToken) is null ? claim : null;
    }

    /// <summary>Gives a claim up after a failed post (writes it expired), so the next try takes it over.</summary>
    public Task<bool> ReleaseAsync(long ticketId, string claim, CancellationToken cancellationToken) =>
        store.TrySetCursorAsync(CursorName(ticketId), claim, LeaseValue.Format(HostId, DateTimeOffset.UnixEpoch), cancellationToken);

    /// <summary>Records a card the Connector took without an id, so no sweep posts it again.</summary>
    public Task<bool> MarkPostedWithoutThreadAsync(long ticketId, string claim, CancellationToken cancellationToken) =>
        store.TrySetCursorAsync(CursorName(ticketId), claim, PostedWithoutThread, cancellationToken);

    internal static string CursorName(long ticketId) => "teams-card:" + ticketId.ToString(CultureInfo.InvariantCulture);
}
