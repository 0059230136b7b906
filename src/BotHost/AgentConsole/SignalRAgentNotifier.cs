using BotHost.Handoffs;
using BotHost.ScaleOut;
using Handoff.Conversations;
using Handoff.Tickets;
using Microsoft.AspNetCore.SignalR;

namespace BotHost.AgentConsole;

/// <summary>
/// Sends ticket and message events to the queue's agents, the assignee and supervisors: those connected to this host
/// directly, those connected to other hosts through <paramref name="hostEvents"/>.
/// </summary>
public sealed class SignalRAgentNotifier(IHubContext<AgentHub, IAgentConsoleClient> hub, IHostEvents? hostEvents = null) : IAgentNotifier
{
    public Task TicketChangedAsync(Ticket ticket, CancellationToken cancellationToken)
    {
        hostEvents?.TicketChanged(ticket.Id);
        return PushTicketAsync(ticket);
    }

    public Task MessageAsync(Ticket ticket, TranscriptMessage message, CancellationToken cancellationToken)
    {
        hostEvents?.Message(ticket.Id, message.Seq);
        return PushMessageAsync(ticket, message);
    }

    /// <summary>To the agents connected to this host only (also for events that came from another host).</summary>
    internal Task PushTicketAsync(Ticket ticket) => Audience(ticket).Ticket(TicketView.From(ticket));

    /// <summary>To the agents connected to this host only (also for events that came from another host).</summary>
    internal Task PushMessageAsync(Ticket ticket, TranscriptMessage message) => Audience(ticket).Message(ticket.Id, MessageView.From(message));

    private IAgentConsoleClient Audience(Ticket ticket)
    {
        List<string> groups = [AgentHub.QueueGroup(ticket.Queue), AgentHub.SupervisorsGroup];
        if (ticket.AssigneeId is { } assignee)
        {
            groups.Add(AgentHub.AgentGroup(assignee));
        }

        return hub.Clients.Groups(groups);
    }
}
