using System.Data.Common;
using System.Globalization;
using System.Text;
using Handoff.Tickets;

namespace Handoff.Persistence;

// Tickets: create, list, the one-statement claim and versioned updates.
public abstract partial class RelationalHandoffStore
{
    /// <inheritdoc />
    public async Task<Ticket> CreateTicketAsync(Ticket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = CreateCommand(connection, null,
                "INSERT INTO tickets (conversation_id, channel, language, player_id, account_snapshot_json, reason, priority, queue, " +
                "status, assignee_id, created_at, first_response_at, closed_at, sla_due_at, top_intents_json, articles_shown_json, " +
                "tags_json, resolution_code, csat_score, csat_comment, version) VALUES (@conversation, @channel, @language, @player, " +
                "@snapshot, @reason, @priority, @queue, @status, @assignee, @created, @firstResponse, @closed, @slaDue, @intents, " +
                $"@articles, @tags, @resolution, @csat, @csatComment, @version) RETURNING {TicketColumns}");
            AddTicketParameters(command, ticket);
            AddParameter(command, "created", DbTime(ticket.CreatedAt == default ? TimeProvider.GetUtcNow() : ticket.CreatedAt));
            AddParameter(command, "version", ticket.Version);
            return await ReadSingleAsync(command, ReadTicket, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("INSERT … RETURNING returned no row.");
        }
    }

    /// <inheritdoc />
    public async Task<Ticket?> GetTicketAsync(long id, CancellationToken cancellationToken)
    {
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await QueryTicketAsync(connection, id, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Ticket>> ListTicketsAsync(TicketQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            var sql = new StringBuilder($"SELECT {TicketColumns} FROM tickets WHERE 1 = 1");
            AppendInList(command, sql, "status", "s", query.Statuses.Select(s => s.ToString()).ToList());
            AppendInList(command, sql, "queue", "q", query.Queues);
            if (query.AssigneeId is not null)
            {
                sql.Append(" AND assignee_id = @assignee");
                AddParameter(command, "assignee", query.AssigneeId);
            }

            if (query.PlayerId is not null)
            {
                sql.Append(" AND player_id = @player");
                AddParameter(command, "player", query.PlayerId);
            }

            sql.Append(" ORDER BY priority DESC, created_at, id LIMIT @limit");
            AddParameter(command, "limit", Math.Max(0, query.Limit));
            command.CommandText = sql.ToString();
            return await ReadListAsync(command, ReadTicket, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<TicketUpdateResult> TryClaimAsync(long ticketId, string agentId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(agentId);
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = CreateCommand(connection, null,
                "UPDATE tickets SET status = @assigned, assignee_id = @agent, version = version + 1 " +
                $"WHERE id = @id AND status = @waiting RETURNING {TicketColumns}");
            AddParameter(command, "assigned", nameof(TicketStatus.Assigned));
            AddParameter(command, "waiting", nameof(TicketStatus.Waiting));
            AddParameter(command, "agent", agentId);
            AddParameter(command, "id", ticketId);
            var claimed = await ReadSingleAsync(command, ReadTicket, cancellationToken).ConfigureAwait(false);
            return claimed is not null
                ? new TicketUpdateResult(UpdateOutcome.Applied, claimed)
                : await NotAppliedAsync(connection, ticketId, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<TicketUpdateResult> TryUpdateTicketAsync(
        long ticketId, long expectedVersion, Func<Ticket, Ticket> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var current = await QueryTicketAsync(connection, ticketId, cancellationToken).ConfigureAwait(false);
            if (current is null)
            {
                return new TicketUpdateResult(UpdateOutcome.NotFound, null);
            }

            if (current.Version != expectedVersion)
            {
                return new TicketUpdateResult(UpdateOutcome.Conflict, current);
            }

            var changed = change(current) ?? throw new InvalidOperationException("The ticket change returned null.");
            using var command = CreateCommand(connection, null,
                "UPDATE tickets SET conversation_id = @conversation, channel = @channel, language = @language, player_id = @player, " +
                "account_snapshot_json = @snapshot, reason = @reason, priority = @priority, queue = @queue, status = @status, " +
                "assignee_id = @assignee, first_response_at = @firstResponse, closed_at = @closed, sla_due_at = @slaDue, " +
                "top_intents_json = @intents, articles_shown_json = @articles, tags_json = @tags, resolution_code = @resolution, " +
                "csat_score = @csat, csat_comment = @csatComment, version = version + 1 " +
                $"WHERE id = @id AND version = @expected RETURNING {TicketColumns}");
            AddTicketParameters(command, changed);
            AddParameter(command, "id", ticketId);
            AddParameter(command, "expected", expectedVersion);
            var updated = await ReadSingleAsync(command, ReadTicket, cancellationToken).ConfigureAwait(false);
            return updated is not null
                ? new TicketUpdateResult(UpdateOutcome.Applied, updated)
                : await NotAppliedAsync(connection, ticketId, cancellationToken).ConfigureAwait(false);
        }
    }

    private static void AppendInList(DbCommand command, StringBuilder sql, string column, string prefix, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        sql.Append(CultureInfo.InvariantCulture, $" AND {column} IN (");
        for (var i = 0; i < values.Count; i++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"{prefix}{i}");
            sql.Append(i == 0 ? "@" : ", @").Append(name);
            AddParameter(command, name, values[i]);
        }

        sql.Append(')');
    }

    private async Task<TicketUpdateResult> NotAppliedAsync(DbConnection connection, long ticketId, CancellationToken cancellationToken)
    {
        var current = await QueryTicketAsync(connection, ticketId, cancellationToken).ConfigureAwait(false);
        return new TicketUpdateResult(current is null ? UpdateOutcome.NotFound : UpdateOutcome.Conflict, current);
    }

    private async Task<Ticket?> QueryTicketAsync(DbConnection connection, long id, CancellationToken cancellationToken)
    {
        using var command = CreateCommand(connection, null, $"SELECT {TicketColumns} FROM tickets WHERE id = @id");
        AddParameter(command, "id", id);
        return await ReadSingleAsync(command, ReadTicket, cancellationToken).ConfigureAwait(false);
    }

    private void AddTicketParameters(DbCommand command, Ticket ticket)
    {
        AddParameter(command, "conversation", ticket.ConversationId);
        AddParameter(command, "channel", ticket.Channel);
        AddParameter(command, "language", ticket.Language);
        AddParameter(command, "player", ticket.PlayerId);
        AddParameter(command, "snapshot", ticket.AccountSnapshotJson);
        AddParameter(command, "reason", ticket.Reason);
        AddParameter(command, "priority", ticket.Priority);
        AddParameter(command, "queue", ticket.Queue);
        AddParameter(command, "status", ticket.Status.ToString());
        AddParameter(command, "assignee", ticket.AssigneeId);
        AddParameter(command, "firstResponse", DbTime(ticket.FirstResponseAt));
        AddParameter(command, "closed", DbTime(ticket.ClosedAt));
        AddParameter(command, "slaDue", DbTime(ticket.SlaDueAt));
        AddParameter(command, "intents", JsonColumns.Write(ticket.TopIntents));
        AddParameter(command, "articles", JsonColumns.Write(ticket.ArticlesShown));
        AddParameter(command, "tags", JsonColumns.Write(ticket.Tags));
        AddParameter(command, "resolution", ticket.ResolutionCode);
        AddParameter(command, "csat", ticket.CsatScore);
        AddParameter(command, "csatComment", ticket.CsatComment);
    }

    private Ticket ReadTicket(DbDataReader reader) => new()
    {
        Id = reader.GetInt64(0),
        ConversationId = reader.GetString(1),
        Channel = reader.GetString(2),
        Language = reader.GetString(3),
        PlayerId = NullableString(reader, 4),
        AccountSnapshotJson = NullableString(reader, 5),
        Reason = reader.GetString(6),
        Priority = reader.GetInt32(7),
        Queue = reader.GetString(8),
        Status = Enum.Parse<TicketStatus>(reader.GetString(9)),
        AssigneeId = NullableString(reader, 10),
        CreatedAt = ReadTime(reader, 11),
        FirstResponseAt = reader.IsDBNull(12) ? null : ReadTime(reader, 12),
        ClosedAt = reader.IsDBNull(13) ? null : ReadTime(reader, 13),
        SlaDueAt = ReadTime(reader, 14),
        TopIntents = JsonColumns.ReadIntents(reader.GetString(15)),
        ArticlesShown = JsonColumns.ReadStrings(reader.GetString(16)),
        Tags = JsonColumns.ReadStrings(reader.GetString(17)),
        ResolutionCode = NullableString(reader, 18),
        CsatScore = reader.IsDBNull(19) ? null : reader.GetInt32(19),
        CsatComment = NullableString(reader, 20),
        Version = reader.GetInt64(21),
    };
}
