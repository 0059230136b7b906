using System.Globalization;

namespace Handoff.Tickets;

/// <summary>A ticket was asked to make a move its lifecycle does not allow (for example Resolved → Waiting).</summary>
public sealed class TicketTransitionException : InvalidOperationException
{
    /// <summary>Creates the exception for a refused move.</summary>
    /// <param name="ticketId">Ticket number.</param>
    /// <param name="from">State the ticket is in.</param>
    /// <param name="to">State that was asked for.</param>
    public TicketTransitionException(long ticketId, TicketStatus from, TicketStatus to)
        : base(string.Create(CultureInfo.InvariantCulture, $"Ticket {ticketId} cannot go from {from} to {to}."))
    {
        TicketId = ticketId;
        From = from;
        To = to;
    }

    /// <summary>Creates the exception with a message.</summary>
    public TicketTransitionException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public TicketTransitionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public TicketTransitionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Ticket number.</summary>
    public long TicketId { get; }

    /// <summary>State the ticket was in.</summary>
    public TicketStatus From { get; }

    /// <summary>State that was asked for.</summary>
    public TicketStatus To { get; }
}
