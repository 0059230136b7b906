using Handoff.Conversations;
using Handoff.Tickets;

namespace Handoff.Persistence;

/// <summary>
/// Everything that must survive a restart: conversations, transcripts, tickets and channel cursors. SQLite by default,
/// PostgreSQL for scale-out; both pass the same contract tests. Every ticket update is a conditional update on
/// <see cref="Ticket.Version"/> (or on the status it expects), so two agents never get the same player.
/// </summary>
public interface IHandoffStore
{
    /// <summary>Creates or migrates the schema. Idempotent.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Returns the conversation or null.</summary>
    Task<ConversationRecord?> GetConversationAsync(string id, CancellationToken cancellationToken);

    /// <summary>Inserts <paramref name="seed"/> unless a conversation with that id exists; returns the stored one.</summary>
    Task<ConversationRecord> GetOrCreateConversationAsync(ConversationRecord seed, CancellationToken cancellationToken);

    /// <summary>
    /// Writes <paramref name="updated"/> if the stored version equals <c>updated.Version</c>; the stored version becomes
    /// <c>updated.Version + 1</c>. Returns the stored record, or null on a version conflict.
    /// </summary>
    Task<ConversationRecord?> TryUpdateConversationAsync(ConversationRecord updated, CancellationToken cancellationToken);

    /// <summary>The conversations linked to a verified player, oldest first (at most <paramref name="limit"/>).</summary>
    Task<IReadOnlyList<ConversationRecord>> ListConversationsOfPlayerAsync(string playerId, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Erases a verified player's data on their request, in one transaction: the text of every message in their
    /// conversations (the player's, the bot's, agents' and notes), their unanswered messages, and the player id,
    /// account snapshot and rating comment of their tickets. The rows stay, anonymous, for the statistics.
    /// </summary>
    Task<PlayerErasure> ErasePlayerAsync(string playerId, CancellationToken cancellationToken);

    /// <summary>Conversations created at or after <paramref name="since"/>, counted per UTC day (days without any are absent).</summary>
    Task<IReadOnlyDictionary<DateOnly, long>> CountConversationsByDayAsync(DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Appends a message (masked) unless its external id was seen in that conversation before.</summary>
    Task<AppendResult> AppendMessageAsync(NewMessage message, CancellationToken cancellationToken);

    /// <summary>Messages with <c>Seq &gt; afterSeq</c>, oldest first.</summary>
    Task<IReadOnlyList<TranscriptMessage>> GetMessagesAsync(
        string conversationId, long afterSeq, int limit, bool includeInternal, CancellationToken cancellationToken);

    /// <summary>Creates a ticket already routed (queue, priority, SLA due time decided by the caller).</summary>
    Task<Ticket> CreateTicketAsync(Ticket ticket, CancellationToken cancellationToken);

    /// <summary>Returns the ticket or null.</summary>
    Task<Ticket?> GetTicketAsync(long id, CancellationToken cancellationToken);

    /// <summary>Tickets matching the query; waiting ones ordered by priority (desc) then age.</summary>
    Task<IReadOnlyList<Ticket>> ListTicketsAsync(TicketQuery query, CancellationToken cancellationToken);

    /// <summary>Assigns a waiting ticket to an agent in one conditional update; a second claimer gets Conflict.</summary>
    Task<TicketUpdateResult> TryClaimAsync(long ticketId, string agentId, CancellationToken cancellationToken);

    /// <summary>
    /// Applies <paramref name="change"/> to the ticket at <paramref name="expectedVersion"/> (conditional update);
    /// Conflict when the version moved on.
    /// </summary>
    Task<TicketUpdateResult> TryUpdateTicketAsync(
        long ticketId, long expectedVersion, Func<Ticket, Ticket> change, CancellationToken cancellationToken);

    /// <summary>Records a player message the bot could not answer (its text masked like the transcript's).</summary>
    Task RecordUnansweredAsync(string conversationId, string language, string text, string outcome, CancellationToken cancellationToken);

    /// <summary>Unanswered messages recorded at or after <paramref name="since"/>, newest first.</summary>
    Task<IReadOnlyList<UnansweredQuestion>> ListUnansweredAsync(DateTimeOffset since, int limit, CancellationToken cancellationToken);

    /// <summary>One unanswered message by id, or null.</summary>
    Task<UnansweredQuestion?> GetUnansweredAsync(long id, CancellationToken cancellationToken);

    /// <summary>
    /// Marks the unanswered messages not yet reviewed among <paramref name="ids"/> as reviewed (see
    /// <see cref="UnansweredQuestion.ReviewedAs"/>); returns how many it marked.
    /// </summary>
    Task<int> ReviewUnansweredAsync(IReadOnlyCollection<long> ids, string reviewedAs, string reviewedBy, CancellationToken cancellationToken);

    /// <summary>Reads a named cursor (for example the Telegram update offset), or null.</summary>
    Task<string?> GetCursorAsync(string name, CancellationToken cancellationToken);

    /// <summary>Reads many named cursors at once: the ones that exist, by name (one query per 500 names).</summary>
    Task<IReadOnlyDictionary<string, string>> GetCursorsAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken);

    /// <summary>Writes a named cursor.</summary>
    Task SetCursorAsync(string name, string value, CancellationToken cancellationToken);

    /// <summary>
    /// Writes a named cursor only while it holds <paramref name="expected"/> (null: only while it does not exist); true
    /// when this call wrote it. One conditional statement, so of several hosts spending the same one-time value
    /// (a link code, a token id) exactly one succeeds.
    /// </summary>
    Task<bool> TrySetCursorAsync(string name, string? expected, string value, CancellationToken cancellationToken);
}
