namespace Handoff.Tickets;

/// <summary>Lifecycle of a ticket: Waiting → Assigned → Resolved, Waiting → Abandoned; Assigned → Waiting on transfer to a queue.</summary>
public enum TicketStatus
{
    /// <summary>In a queue, no agent yet.</summary>
    Waiting,
    /// <summary>An agent holds it.</summary>
    Assigned,
    /// <summary>Done; the player is back with the bot.</summary>
    Resolved,
    /// <summary>The player left while waiting.</summary>
    Abandoned,
}

/// <summary>An intent the classifier considered, with its calibrated probability.</summary>
/// <param name="Intent">Intent id.</param>
/// <param name="Score">Probability in [0, 1].</param>
public sealed record IntentCandidate(string Intent, double Score);

/// <summary>A handed-off conversation with everything the agent needs so the player never repeats.</summary>
public sealed record Ticket
{
    /// <summary>Ticket number.</summary>
    public long Id { get; init; }
    /// <summary>The conversation handed off.</summary>
    public required string ConversationId { get; init; }
    /// <summary>Player's channel.</summary>
    public required string Channel { get; init; }
    /// <summary>Player's language (BCP-47).</summary>
    public required string Language { get; init; }
    /// <summary>Verified player id, or null.</summary>
    public string? PlayerId { get; init; }
    /// <summary>Account summary at handoff time (JSON), or null.</summary>
    public string? AccountSnapshotJson { get; init; }
    /// <summary>Why the bot handed off (human_request, sensitive:self_exclusion, low_confidence, repeated_miss, frustration, …).</summary>
    public required string Reason { get; init; }
    /// <summary>Higher is more urgent; waiting order is priority, then age.</summary>
    public int Priority { get; init; }
    /// <summary>Queue name (l1_general, l2_payments, l2_technical, l2_vip, l3_supervisors).</summary>
    public required string Queue { get; init; }
    /// <summary>Lifecycle state.</summary>
    public TicketStatus Status { get; init; }
    /// <summary>Agent holding it, when assigned.</summary>
    public string? AssigneeId { get; init; }
    /// <summary>Created.</summary>
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>First agent message to the player.</summary>
    public DateTimeOffset? FirstResponseAt { get; init; }
    /// <summary>Resolved or abandoned.</summary>
    public DateTimeOffset? ClosedAt { get; init; }
    /// <summary>When a first response is due.</summary>
    public DateTimeOffset SlaDueAt { get; init; }
    /// <summary>Top intent candidates at handoff.</summary>
    public IReadOnlyList<IntentCandidate> TopIntents { get; init; } = [];
    /// <summary>Article ids already shown to the player.</summary>
    public IReadOnlyList<string> ArticlesShown { get; init; } = [];
    /// <summary>Free tags set by agents.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];
    /// <summary>Resolution code set on resolve.</summary>
    public string? ResolutionCode { get; init; }
    /// <summary>Player rating 1–5.</summary>
    public int? CsatScore { get; init; }
    /// <summary>Player's optional comment with the rating.</summary>
    public string? CsatComment { get; init; }
    /// <summary>Concurrency token; incremented by every update.</summary>
    public long Version { get; init; }
}
