using System.Data.Common;
using System.Globalization;
using Handoff.Conversations;

namespace Handoff.Persistence;

// Conversation records: get, create, optimistic update.
public abstract partial class RelationalHandoffStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<ConversationRecord>> ListConversationsOfPlayerAsync(string playerId, int limit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(playerId);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = CreateCommand(connection, null,
                $"SELECT {ConversationColumns} FROM conversations WHERE player_id = @player ORDER BY created_at, id LIMIT @limit");
            AddParameter(command, "player", playerId);
            AddParameter(command, "limit", limit);
            return await ReadListAsync(command, ReadConversation, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<DateOnly, long>> CountConversationsByDayAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = CreateCommand(connection, null,
                $"SELECT {UtcDaySql("created_at")} AS day, COUNT(*) FROM conversations WHERE created_at >= @since GROUP BY day");
            AddParameter(command, "since", DbTime(since));
            var counts = new Dictionary<DateOnly, long>();
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    counts[DateOnly.ParseExact(reader.GetString(0), "yyyy-MM-dd", CultureInfo.InvariantCulture)] = reader.GetInt64(1);
                }
            }

            return counts;
        }
    }

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

    private async Task<ConversationRecord?> QueryConversationAsync(DbConnection connection, string id, CancellationToken cancellationToken)
    {
        using var command = CreateCommand(connection, null, $"SELECT {ConversationColumns} FROM conversations WHERE id = @id");
        AddParameter(command, "id", id);
        return await ReadSingleAsync(command, ReadConversation, cancellationToken).ConfigureAwait(false);
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
}
