using System.Data.Common;
using System.Globalization;
using System.Text;
using Handoff.Conversations;
using Handoff.Masking;
using Handoff.Tickets;

namespace Handoff.Persistence;

/// <summary>
/// The SQL shared by the SQLite and PostgreSQL stores. One connection per operation; every ticket change is a single
/// conditional UPDATE. Engine specifics (connections, timestamps, Seq assignment, migrations) live in the subclasses.
/// </summary>
public abstract class RelationalHandoffStore : IHandoffStore
{
    private protected const string ConversationColumns =
        "id, channel, reference_json, language, player_id, mode, active_ticket_id, state_json, version, created_at, last_player_activity_at";

    private protected const string MessageColumns =
        "conversation_id, seq, external_id, sender, sender_name, text, payload_json, internal, at";

    private protected const string TicketColumns =
        "id, conversation_id, channel, language, player_id, account_snapshot_json, reason, priority, queue, status, assignee_id, " +
        "created_at, first_response_at, closed_at, sla_due_at, top_intents_json, articles_shown_json, tags_json, resolution_code, " +
        "csat_score, csat_comment, version";

    private protected RelationalHandoffStore(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        TimeProvider = timeProvider;
    }

    private protected TimeProvider TimeProvider { get; }

    /// <inheritdoc />
    public abstract Task InitializeAsync(CancellationToken cancellationToken);

    /// <inheritdoc />
    public async Task<ConversationRecord?> GetConversationAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await QueryConversationAsync(connection, id, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<ConversationRecord> GetOrCreateConversationAsync(ConversationRecord seed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seed);
        var now = TimeProvider.GetUtcNow();
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var insert = CreateCommand(connection, null,
                $"INSERT INTO conversations ({ConversationColumns}) VALUES (@id, @channel, @reference, @language, @player, @mode, @ticket, @state, @version, @created, @activity) ON CONFLICT (id) DO NOTHING");
            AddParameter(insert, "id", seed.Id);
            AddParameter(insert, "channel", seed.Channel);
            AddConversationParameters(insert, seed);
            AddParameter(insert, "version", seed.Version);
            AddParameter(insert, "created", DbTime(seed.CreatedAt == default ? now : seed.CreatedAt));
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return await QueryConversationAsync(connection, seed.Id, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Conversation '{seed.Id}' vanished right after it was stored.");
        }
    }

    /// <inheritdoc />
    public async Task<ConversationRecord?> TryUpdateConversationAsync(ConversationRecord updated, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(updated);
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = CreateCommand(connection, null,
                "UPDATE conversations SET reference_json = @reference, language = @language, player_id = @player, mode = @mode, " +
                "active_ticket_id = @ticket, state_json = @state, last_player_activity_at = @activity, version = version + 1 " +
                $"WHERE id = @id AND version = @version RETURNING {ConversationColumns}");
            AddParameter(command, "id", updated.Id);
            AddParameter(command, "version", updated.Version);
            AddConversationParameters(command, updated);
            return await ReadSingleAsync(command, ReadConversation, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public Task<AppendResult> AppendMessageAsync(NewMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrWhiteSpace(message.ConversationId);
        ArgumentNullException.ThrowIfNull(message.Text);
        // The bot's own answers are published content (the support address is not personal data); everything a
        // person wrote is masked, in the text and in the channel payload that carries the same text.
        var masked = message.Sender == MessageSender.Bot
            ? message
            : message with { Text = PiiMasker.Mask(message.Text), PayloadJson = MaskPayload(message.PayloadJson) };
        return AppendCoreAsync(masked, Truncate(TimeProvider.GetUtcNow()), cancellationToken);
    }

    private static string? MaskPayload(string? payloadJson)
    {
        if (payloadJson is null)
        {
            return null;
        }

        try
        {
            if (System.Text.Json.Nodes.JsonNode.Parse(payloadJson) is System.Text.Json.Nodes.JsonObject activity &&
                activity["text"] is System.Text.Json.Nodes.JsonValue value &&
                value.TryGetValue<string>(out var text))
            {
                var maskedText = PiiMasker.Mask(text);
                if (!ReferenceEquals(maskedText, text))
                {
                    activity["text"] = maskedText;
                    return activity.ToJsonString();
                }
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // Not JSON: stored as given; the channel that wrote it owns its format.
        }

        return payloadJson;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TranscriptMessage>> GetMessagesAsync(
        string conversationId, long afterSeq, int limit, bool includeInternal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = CreateCommand(connection, null,
                $"SELECT {MessageColumns} FROM messages WHERE conversation_id = @conversation AND seq > @after " +
                (includeInternal ? "" : "AND NOT internal ") +
                "ORDER BY seq LIMIT @limit");
            AddParameter(command, "conversation", conversationId);
            AddParameter(command, "after", afterSeq);
            AddParameter(command, "limit", limit);
            return await ReadListAsync(command, ReadMessage, cancellationToken).ConfigureAwait(false);
        }
    }

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

    /// <inheritdoc />
    public async Task<string?> GetCursorAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = CreateCommand(connection, null, "SELECT value FROM cursors WHERE name = @name");
            AddParameter(command, "name", name);
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
        }
    }

    /// <inheritdoc />
    public async Task SetCursorAsync(string name, string value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = CreateCommand(connection, null,
                "INSERT INTO cursors (name, value, updated_at) VALUES (@name, @value, @at) " +
                "ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at");
            AddParameter(command, "name", name);
            AddParameter(command, "value", value);
            AddParameter(command, "at", DbTime(TimeProvider.GetUtcNow()));
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Opens a new connection for one operation.</summary>
    private protected abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>The engine's representation of a UTC instant (already truncated to microseconds).</summary>
    private protected abstract object ToDbTime(DateTimeOffset utcValue);

    /// <summary>Reads an instant written by <see cref="ToDbTime"/>.</summary>
    private protected abstract DateTimeOffset ReadTime(DbDataReader reader, int ordinal);

    /// <summary>Appends an already masked message, assigning the next Seq atomically; idempotent on ExternalId.</summary>
    private protected abstract Task<AppendResult> AppendCoreAsync(NewMessage message, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Both engines keep microseconds; truncating here makes a written value equal the value read back.</summary>
    private protected static DateTimeOffset Truncate(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % 10), TimeSpan.Zero);

    private protected object DbTime(DateTimeOffset value) => ToDbTime(Truncate(value));

    private protected object DbTime(DateTimeOffset? value) => value is null ? DBNull.Value : DbTime(value.Value);

    private protected static DbCommand CreateCommand(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private protected static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        using var command = CreateCommand(connection, transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs the engine's embedded migrations newer than <paramref name="applied"/> and records each in schema_version.</summary>
    private protected async Task ApplyMigrationsAsync(
        DbConnection connection, DbTransaction transaction, string engine, int applied, CancellationToken cancellationToken)
    {
        foreach (var script in MigrationScript.Load(engine).Where(s => s.Version > applied))
        {
            await ExecuteAsync(connection, transaction, script.Sql, cancellationToken).ConfigureAwait(false);
            using var record = CreateCommand(connection, transaction,
                "INSERT INTO schema_version (version, name, applied_at) VALUES (@version, @name, @at)");
            AddParameter(record, "version", script.Version);
            AddParameter(record, "name", script.Name);
            AddParameter(record, "at", DbTime(TimeProvider.GetUtcNow()));
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private protected static void AddParameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    private protected async Task<TranscriptMessage?> FindMessageByExternalIdAsync(
        DbConnection connection, DbTransaction? transaction, string conversationId, string externalId, CancellationToken cancellationToken)
    {
        using var command = CreateCommand(connection, transaction,
            $"SELECT {MessageColumns} FROM messages WHERE conversation_id = @conversation AND external_id = @external");
        AddParameter(command, "conversation", conversationId);
        AddParameter(command, "external", externalId);
        return await ReadSingleAsync(command, ReadMessage, cancellationToken).ConfigureAwait(false);
    }

    private protected async Task<TranscriptMessage> InsertMessageAsync(
        DbConnection connection, DbTransaction transaction, NewMessage message, long seq, DateTimeOffset at, CancellationToken cancellationToken)
    {
        using var command = CreateCommand(connection, transaction,
            $"INSERT INTO messages ({MessageColumns}) VALUES (@conversation, @seq, @external, @sender, @senderName, @text, @payload, @internal, @at)");
        AddMessageParameters(command, message, at);
        AddParameter(command, "seq", seq);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return ToMessage(message, seq, at);
    }

    /// <summary>Adds @conversation, @external, @sender, @senderName, @text, @payload, @internal and @at.</summary>
    private protected void AddMessageParameters(DbCommand command, NewMessage message, DateTimeOffset at)
    {
        AddParameter(command, "conversation", message.ConversationId);
        AddParameter(command, "external", message.ExternalId);
        AddParameter(command, "sender", message.Sender.ToString());
        AddParameter(command, "senderName", message.SenderName);
        AddParameter(command, "text", message.Text);
        AddParameter(command, "payload", message.PayloadJson);
        AddParameter(command, "internal", message.Internal);
        AddParameter(command, "at", DbTime(at));
    }

    private protected static TranscriptMessage ToMessage(NewMessage message, long seq, DateTimeOffset at) => new()
    {
        Seq = seq,
        ConversationId = message.ConversationId,
        ExternalId = message.ExternalId,
        Sender = message.Sender,
        SenderName = message.SenderName,
        Text = message.Text,
        PayloadJson = message.PayloadJson,
        Internal = message.Internal,
        At = at,
    };

    private static async Task<T?> ReadSingleAsync<T>(DbCommand command, Func<DbDataReader, T> map, CancellationToken cancellationToken)
        where T : class
    {
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? map(reader) : null;
        }
    }

    private static async Task<IReadOnlyList<T>> ReadListAsync<T>(DbCommand command, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        var list = new List<T>();
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                list.Add(map(reader));
            }
        }

        return list;
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

    private static string? NullableString(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private async Task<TicketUpdateResult> NotAppliedAsync(DbConnection connection, long ticketId, CancellationToken cancellationToken)
    {
        var current = await QueryTicketAsync(connection, ticketId, cancellationToken).ConfigureAwait(false);
        return new TicketUpdateResult(current is null ? UpdateOutcome.NotFound : UpdateOutcome.Conflict, current);
    }

    private async Task<ConversationRecord?> QueryConversationAsync(DbConnection connection, string id, CancellationToken cancellationToken)
    {
        using var command = CreateCommand(connection, null, $"SELECT {ConversationColumns} FROM conversations WHERE id = @id");
        AddParameter(command, "id", id);
        return await ReadSingleAsync(command, ReadConversation, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Ticket?> QueryTicketAsync(DbConnection connection, long id, CancellationToken cancellationToken)
    {
        using var command = CreateCommand(connection, null, $"SELECT {TicketColumns} FROM tickets WHERE id = @id");
        AddParameter(command, "id", id);
        return await ReadSingleAsync(command, ReadTicket, cancellationToken).ConfigureAwait(false);
    }

    private void AddConversationParameters(DbCommand command, ConversationRecord record)
    {
        AddParameter(command, "reference", record.ReferenceJson);
        AddParameter(command, "language", record.Language);
        AddParameter(command, "player", record.PlayerId);
        AddParameter(command, "mode", record.Mode.ToString());
        AddParameter(command, "ticket", record.ActiveTicketId);
        AddParameter(command, "state", record.StateJson);
        AddParameter(command, "activity", DbTime(record.LastPlayerActivityAt == default ? TimeProvider.GetUtcNow() : record.LastPlayerActivityAt));
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

    private ConversationRecord ReadConversation(DbDataReader reader) => new()
    {
        Id = reader.GetString(0),
        Channel = reader.GetString(1),
        ReferenceJson = NullableString(reader, 2),
        Language = reader.GetString(3),
        PlayerId = NullableString(reader, 4),
        Mode = Enum.Parse<ConversationMode>(reader.GetString(5)),
        ActiveTicketId = reader.IsDBNull(6) ? null : reader.GetInt64(6),
        StateJson = reader.GetString(7),
        Version = reader.GetInt64(8),
        CreatedAt = ReadTime(reader, 9),
        LastPlayerActivityAt = ReadTime(reader, 10),
    };

    private TranscriptMessage ReadMessage(DbDataReader reader) => new()
    {
        ConversationId = reader.GetString(0),
        Seq = reader.GetInt64(1),
        ExternalId = NullableString(reader, 2),
        Sender = Enum.Parse<MessageSender>(reader.GetString(3)),
        SenderName = NullableString(reader, 4),
        Text = reader.GetString(5),
        PayloadJson = NullableString(reader, 6),
        Internal = reader.GetBoolean(7),
        At = ReadTime(reader, 8),
    };

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
