namespace Handoff.Queues;

/// <summary>Where a new ticket goes and how urgent it is.</summary>
/// <param name="Queue">Queue name.</param>
/// <param name="Priority">Higher is more urgent.</param>
/// <param name="SlaDueAt">When a first response is due (counted from the next opening when the queue is closed).</param>
/// <param name="IsOpen">True when the queue is staffed now; when false tell the player the expected response time.</param>
public sealed record TicketRoute(string Queue, int Priority, DateTimeOffset SlaDueAt, bool IsOpen);
