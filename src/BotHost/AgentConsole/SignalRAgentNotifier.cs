using BotHost.Handoffs;
using Handoff.Conversations;
using Handoff.Tickets;
using Microsoft.AspNetCore.SignalR;

namespace BotHost.AgentConsole;

/// <summary>Sends ticket and message events to the queue's agents, the assignee and supervisors.</summary>
public sealed class SignalRAgentNotifier(IHubContext<AgentHub, IAgentConsoleClient> hub) : IAgentNotifier
{
    public Task TicketChangedAsync(Ticket ticket, CancellationToken cancellationToken) =>
        Audience(ticket).Ticket(TicketView.From(ticket));

    public Task MessageAsync(Ticket ticket, TranscriptMessage message, CancellationToken cancellationToken) =>
        Audience(ticket).Message(ticket.Id, MessageView.From(message));

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
