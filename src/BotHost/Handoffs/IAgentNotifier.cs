using Handoff.Conversations;
using Handoff.Tickets;

namespace BotHost.Handoffs;

/// <summary>Pushes ticket and message events to the agents' surfaces (console over SignalR, Teams cards).</summary>
public interface IAgentNotifier
{
    Task TicketChangedAsync(Ticket ticket, CancellationToken cancellationToken);

    Task MessageAsync(Ticket ticket, TranscriptMessage message, CancellationToken cancellationToken);
}
