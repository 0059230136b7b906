using System.Globalization;
using BotHost.Handoffs;
using Handoff.Conversations;
using Handoff.Persistence;
using Handoff.Tickets;

namespace BotHost.Dashboard;

/// <summary>
/// Tickets do not keep their claim time, so the dashboard records it: the first time a ticket is seen Assigned, a
/// store cursor <c>pickup:{id}</c> gets the time (it survives restarts and is shared by hosts on one database).
/// </summary>
public sealed class PickupRecorder(IHandoffStore store, TimeProvider clock) : IAgentNotifier
{
    public static string CursorName(long ticketId) => "pickup:" + ticketId.ToString(CultureInfo.InvariantCulture);

    public async Task TicketChangedAsync(Ticket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (ticket.Status == TicketStatus.Assigned)
        {
            // The first pick-up counts (a transfer or a second host's notice does not move it).
            await store.TrySetCursorAsync(CursorName(ticket.Id), null, clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture), cancellationToken);
        }
    }

    public Task MessageAsync(Ticket ticket, TranscriptMessage message, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<DateTimeOffset?> PickedUpAtAsync(long ticketId, CancellationToken cancellationToken) =>
        await store.GetCursorAsync(CursorName(ticketId), cancellationToken) is { } value &&
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
            ? at
            : null;
}
