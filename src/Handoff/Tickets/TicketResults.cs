namespace Handoff.Tickets;

/// <summary>Outcome of a claim or any other conditional ticket update.</summary>
public enum UpdateOutcome
{
    /// <summary>The update was applied.</summary>
    Applied,
    /// <summary>Someone else changed the ticket first (another agent claimed it, it was resolved, …).</summary>
    Conflict,
    /// <summary>No such ticket.</summary>
    NotFound,
}

/// <summary>Outcome and the ticket as it is now.</summary>
/// <param name="Outcome">Applied, Conflict or NotFound.</param>
/// <param name="Ticket">The ticket after the update (or as the winner left it), null when not found.</param>
public sealed record TicketUpdateResult(UpdateOutcome Outcome, Ticket? Ticket)
{
    /// <summary>True when applied.</summary>
    public bool IsApplied => Outcome == UpdateOutcome.Applied;
}

/// <summary>Filter for listing tickets.</summary>
public sealed record TicketQuery
{
    /// <summary>Statuses to include; empty means all.</summary>
    public IReadOnlyList<TicketStatus> Statuses { get; init; } = [];
    /// <summary>Queues to include; empty means all.</summary>
    public IReadOnlyList<string> Queues { get; init; } = [];
    /// <summary>Only tickets held by this agent, or null.</summary>
    public string? AssigneeId { get; init; }
    /// <summary>Only tickets of this verified player, or null.</summary>
    public string? PlayerId { get; init; }
    /// <summary>Maximum rows.</summary>
    public int Limit { get; init; } = 200;
}
