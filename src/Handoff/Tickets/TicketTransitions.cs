namespace Handoff.Tickets;

/// <summary>The ticket lifecycle: which status may follow which.</summary>
internal static class TicketTransitions
{
    /// <summary>True when a ticket may move from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static bool IsAllowed(TicketStatus from, TicketStatus to) => (from, to) switch
    {
        (TicketStatus.Waiting, TicketStatus.Assigned) => true,
        (TicketStatus.Waiting, TicketStatus.Abandoned) => true,
        (TicketStatus.Waiting, TicketStatus.Waiting) => true, // transfer to another queue before pickup
        (TicketStatus.Assigned, TicketStatus.Waiting) => true, // transfer back to a queue
        (TicketStatus.Assigned, TicketStatus.Assigned) => true, // transfer to a named agent
        (TicketStatus.Assigned, TicketStatus.Resolved) => true,
        _ => false,
    };

    /// <summary>Throws <see cref="TicketTransitionException"/> unless the move is allowed.</summary>
    public static void Ensure(Ticket ticket, TicketStatus to)
    {
        if (!IsAllowed(ticket.Status, to))
        {
            throw new TicketTransitionException(ticket.Id, ticket.Status, to);
        }
    }
}
