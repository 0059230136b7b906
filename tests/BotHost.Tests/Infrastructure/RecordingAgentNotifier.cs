using System.Collections.Concurrent;
using BotHost.Handoffs;
using Handoff.Conversations;
using Handoff.Tickets;

namespace BotHost.Tests.Infrastructure;

/// <summary>Records what the host tells agents (beside the real SignalR notifier): ticket changes and relayed messages.</summary>
public sealed class RecordingAgentNotifier : IAgentNotifier
{
    public ConcurrentQueue<(long TicketId, TranscriptMessage Message)> Messages { get; } = new();

    public ConcurrentQueue<Ticket> Tickets { get; } = new();

    public Task TicketChangedAsync(Ticket ticket, CancellationToken cancellationToken)
    {
        Tickets.Enqueue(ticket);
        return Task.CompletedTask;
    }

    public Task MessageAsync(Ticket ticket, TranscriptMessage message, CancellationToken cancellationToken)
    {
        Messages.Enqueue((ticket.Id, message));
        return Task.CompletedTask;
    }
}
