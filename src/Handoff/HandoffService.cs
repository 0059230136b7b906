using System.Globalization;
using Handoff.Conversations;
using Handoff.Masking;
using Handoff.Persistence;
using Handoff.Queues;
using Handoff.Tickets;

namespace Handoff;

/// <summary>
/// Ticket lifecycle on top of an <see cref="IHandoffStore"/>: create (routed), claim, transfer, notes, agent replies,
/// resolve, rating and abandonment. Every change is a conditional update; illegal moves throw
/// <see cref="TicketTransitionException"/>. Conversation mode is left to the host.
/// </summary>
public sealed class HandoffService
{
    private const int MaxRetries = 5;
    private const int AbandonScanLimit = 10_000;

    private readonly IHandoffStore _store;
    private readonly QueueRouter _router;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the service.</summary>
    /// <param name="store">Where tickets and transcripts live.</param>
    /// <param name="router">Routing and working hours.</param>
    /// <param name="timeProvider">Clock.</param>
    public HandoffService(IHandoffStore store, QueueRouter router, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(router);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _store = store;
        _router = router;
        _timeProvider = timeProvider;
    }

    /// <summary>Routes and stores a new waiting ticket.</summary>
    /// <param name="newTicket">What the bot knows.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The stored ticket, with its id.</returns>
    public Task<Ticket> CreateTicketAsync(NewTicket newTicket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(newTicket);
        var now = _timeProvider.GetUtcNow();
        var route = _router.Route(newTicket, now);
        var ticket = new Ticket
        {
            ConversationId = newTicket.ConversationId,
            Channel = newTicket.Channel,
            Language = newTicket.Language,
            PlayerId = newTicket.PlayerId,
            AccountSnapshotJson = newTicket.AccountSnapshotJson,
            Reason = newTicket.Reason,
            Priority = route.Priority,
            Queue = route.Queue,
            Status = TicketStatus.Waiting,
            CreatedAt = now,
            SlaDueAt = route.SlaDueAt,
            TopIntents = newTicket.TopIntents,
            ArticlesShown = newTicket.ArticlesShown,
        };
        return _store.CreateTicketAsync(ticket, cancellationToken);
    }

    /// <summary>Gives a waiting ticket to an agent; a second claimer gets Conflict.</summary>
    /// <param name="ticketId">Ticket number.</param>
    /// <param name="agentId">The claiming agent.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>Applied, Conflict (someone else was faster, or it is no longer waiting) or NotFound.</returns>
    public Task<TicketUpdateResult> ClaimAsync(long ticketId, string agentId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(agentId);
        return _store.TryClaimAsync(ticketId, agentId, cancellationToken);
    }

    /// <summary>
    /// Moves a waiting or assigned ticket to another queue: back to Waiting there, or straight to
    /// <paramref name="toAgent"/>. Appends an internal note with the reason to the transcript.
    /// </summary>
    /// <param name="ticketId">Ticket number.</param>
    /// <param name="expectedVersion">Version the agent saw, or null to take the current one.</param>
    /// <param name="toQueue">Target queue.</param>
    /// <param name="toAgent">Agent to hand it to directly, or null to let it wait in the queue.</param>
    /// <param name="note">Why it is transferred (internal).</param>
    /// <param name="byAgent">Who transfers.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>Applied, Conflict or NotFound.</returns>
    /// <exception cref="TicketTransitionException">The ticket is resolved or abandoned.</exception>
    public async Task<TicketUpdateResult> TransferAsync(
        long ticketId,
        long? expectedVersion,
        string toQueue,
        string? toAgent,
        string note,
        string byAgent,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(toQueue);
        ArgumentNullException.ThrowIfNull(note);
        ArgumentException.ThrowIfNullOrWhiteSpace(byAgent);
        if (!_router.HasQueue(toQueue))
        {
            throw new ArgumentException($"Unknown queue '{toQueue}'.", nameof(toQueue));
        }

        var target = string.IsNullOrWhiteSpace(toAgent) ? TicketStatus.Waiting : TicketStatus.Assigned;
        string? fromQueue = null;
        var result = await UpdateAsync(ticketId, expectedVersion, t =>
        {
            TicketTransitions.Ensure(t, target);
            fromQueue = t.Queue;
            return t with { Status = target, Queue = toQueue, AssigneeId = target == TicketStatus.Assigned ? toAgent : null };
        }, cancellationToken).ConfigureAwait(false);

        if (result.IsApplied)
        {
            var destination = target == TicketStatus.Assigned ? $"{toQueue} ({toAgent})" : toQueue;
            var text = string.IsNullOrWhiteSpace(note)
                ? $"Transferred from {fromQueue} to {destination} by {byAgent}."
                : $"Transferred from {fromQueue} to {destination} by {byAgent}: {note}";
            await AppendInternalAsync(result.Ticket!, byAgent, text, MessageSender.System, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>Adds an agent-only note to the ticket's conversation.</summary>
    /// <param name="ticketId">Ticket number.</param>
    /// <param name="agentId">Author.</param>
    /// <param name="text">Note text (masked on write).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The stored note.</returns>
    /// <exception cref="KeyNotFoundException">No such ticket.</exception>
    public async Task<AppendResult> AddNoteAsync(long ticketId, string agentId, string text, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(agentId);
        ArgumentNullException.ThrowIfNull(text);
        var ticket = await GetRequiredAsync(ticketId, cancellationToken).ConfigureAwait(false);
        return await AppendInternalAsync(ticket, agentId, text, MessageSender.Agent, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Stores an agent's message to the player in the transcript and sets the ticket's first-response time the first
    /// time an agent writes.
    /// </summary>
    /// <param name="ticketId">Ticket number.</param>
    /// <param name="agentId">Author.</param>
    /// <param name="text">Message text (masked on write).</param>
    /// <param name="externalId">Idempotency key (console message id), or null.</param>
    /// <param name="payloadJson">Channel activity JSON, or null.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The stored message.</returns>
    /// <exception cref="KeyNotFoundException">No such ticket.</exception>
    public async Task<AppendResult> RecordAgentMessageAsync(
        long ticketId, string agentId, string text, string? externalId, string? payloadJson, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(agentId);
        ArgumentNullException.ThrowIfNull(text);
        var ticket = await GetRequiredAsync(ticketId, cancellationToken).ConfigureAwait(false);
        var appended = await _store.AppendMessageAsync(
            new NewMessage(ticket.ConversationId, externalId, MessageSender.Agent, agentId, text, payloadJson),
            cancellationToken).ConfigureAwait(false);

        for (var attempt = 0; attempt < MaxRetries && ticket is { FirstResponseAt: null }; attempt++)
        {
            var at = appended.Message.At;
            var result = await _store.TryUpdateTicketAsync(
                ticket.Id, ticket.Version, t => t with { FirstResponseAt = t.FirstResponseAt ?? at }, cancellationToken).ConfigureAwait(false);
            ticket = result.Outcome == UpdateOutcome.Conflict ? result.Ticket : null;
        }

        return appended;
    }

    /// <summary>Closes an assigned ticket; the player goes back to the bot and can rate the help.</summary>
    /// <param name="ticketId">Ticket number.</param>
    /// <param name="agentId">Who resolves.</param>
    /// <param name="resolutionCode">Outcome code (for example <c>answered</c>, <c>refund_issued</c>).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>Applied, Conflict or NotFound.</returns>
    /// <exception cref="TicketTransitionException">The ticket is not assigned.</exception>
    public async Task<TicketUpdateResult> ResolveAsync(long ticketId, string agentId, string resolutionCode, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(agentId);
        ArgumentException.ThrowIfNullOrWhiteSpace(resolutionCode);
        var now = _timeProvider.GetUtcNow();
        var result = await UpdateAsync(ticketId, null, t =>
        {
            TicketTransitions.Ensure(t, TicketStatus.Resolved);
            return t with { Status = TicketStatus.Resolved, ClosedAt = now, ResolutionCode = resolutionCode };
        }, cancellationToken).ConfigureAwait(false);

        if (result.IsApplied)
        {
            await AppendInternalAsync(result.Ticket!, agentId, $"Resolved by {agentId}: {resolutionCode}.", MessageSender.System, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>Stores the player's rating of a resolved ticket.</summary>
    /// <param name="ticketId">Ticket number.</param>
    /// <param name="score">1 (bad) to 5 (great).</param>
    /// <param name="comment">Optional comment (masked).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>Applied, Conflict or NotFound.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Score outside 1–5.</exception>
    /// <exception cref="InvalidOperationException">The ticket is not resolved.</exception>
    public async Task<TicketUpdateResult> RecordCsatAsync(long ticketId, int score, string? comment, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(score, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(score, 5);
        var masked = comment is null ? null : PiiMasker.Mask(comment);
        return await UpdateAsync(ticketId, null, t => t.Status == TicketStatus.Resolved
            ? t with { CsatScore = score, CsatComment = masked }
            : throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Ticket {t.Id} is {t.Status}; only a Resolved ticket can be rated.")),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Marks as Abandoned every waiting ticket whose player has been silent for longer than <paramref name="maxWait"/>.
    /// </summary>
    /// <param name="maxWait">Longest silence tolerated while waiting.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The tickets abandoned by this call.</returns>
    public async Task<IReadOnlyList<Ticket>> AbandonStaleAsync(TimeSpan maxWait, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWait, TimeSpan.Zero);
        var now = _timeProvider.GetUtcNow();
        var cutoff = now - maxWait;
        var waiting = await _store.ListTicketsAsync(
            new TicketQuery { Statuses = [TicketStatus.Waiting], Limit = AbandonScanLimit }, cancellationToken).ConfigureAwait(false);
        var abandoned = new List<Ticket>();
        foreach (var ticket in waiting)
        {
            var conversation = await _store.GetConversationAsync(ticket.ConversationId, cancellationToken).ConfigureAwait(false);
            var lastActivity = conversation is null
                ? ticket.CreatedAt
                : Max(conversation.LastPlayerActivityAt, ticket.CreatedAt);
            if (lastActivity >= cutoff)
            {
                continue;
            }

            // Conditional on the version we saw: a ticket claimed meanwhile is not abandoned.
            var result = await _store.TryUpdateTicketAsync(
                ticket.Id,
                ticket.Version,
                t => t.Status == TicketStatus.Waiting ? t with { Status = TicketStatus.Abandoned, ClosedAt = now } : t,
                cancellationToken).ConfigureAwait(false);
            if (result.IsApplied && result.Ticket is { Status: TicketStatus.Abandoned })
            {
                abandoned.Add(result.Ticket);
            }
        }

        return abandoned;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private async Task<TicketUpdateResult> UpdateAsync(
        long ticketId, long? expectedVersion, Func<Ticket, Ticket> change, CancellationToken cancellationToken)
    {
        var version = expectedVersion;
        if (version is null)
        {
            var current = await _store.GetTicketAsync(ticketId, cancellationToken).ConfigureAwait(false);
            if (current is null)
            {
                return new TicketUpdateResult(UpdateOutcome.NotFound, null);
            }

            version = current.Version;
        }

        return await _store.TryUpdateTicketAsync(ticketId, version.Value, change, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Ticket> GetRequiredAsync(long ticketId, CancellationToken cancellationToken) =>
        await _store.GetTicketAsync(ticketId, cancellationToken).ConfigureAwait(false)
        ?? throw new KeyNotFoundException(string.Create(CultureInfo.InvariantCulture, $"Ticket {ticketId} does not exist."));

    private Task<AppendResult> AppendInternalAsync(
        Ticket ticket, string agentId, string text, MessageSender sender, CancellationToken cancellationToken) =>
        _store.AppendMessageAsync(
            new NewMessage(ticket.ConversationId, null, sender, agentId, text, Internal: true),
            cancellationToken);
}
