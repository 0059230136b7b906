using System.Data.Common;
using Handoff.Conversations;

namespace Handoff.Persistence;

/// <summary>
/// The SQL shared by the SQLite and PostgreSQL stores. One connection per operation; every ticket change is a single
/// conditional UPDATE. Engine specifics (connections, timestamps, Seq assignment, migrations) live in the subclasses.
/// </summary>
public abstract partial class RelationalHandoffStore : IHandoffStore
{
    private protected const string ConversationColumns =
        "id, channel, reference_json, language, player_id, mode, active_ticket_id, state_json, version, created_at, last_player_activity_at";

    private protected const string MessageColumns =
        "conversation_id, seq, external_id, sender, sender_name, text, payload_json, internal, at";

    private protected const string TicketColumns =
        "id, conversation_id, channel, language, player_id, account_snapshot_json, reason, priority, queue, status, assignee_id, " +
        "created_at, first_response_at, closed_at, sla_due_at, top_intents_json, articles_shown_json, tags_json, resolution_code, " +
        "csat_score, csat_comment, version";

    private const int InListBatch = 500;

    private protected RelationalHandoffStore(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        TimeProvider = timeProvider;
    }

    private protected TimeProvider TimeProvider { get; }

    /// <inheritdoc />
    public abstract Task InitializeAsync(CancellationToken cancellationToken);

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
    public async Task<IReadOnlyDictionary<string, string>> GetCursorsAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(names);
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        if (names.Count == 0)
        {
            return found;
        }

        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // An exact IN list: served by the primary key, and independent of the column's collation.
            foreach (var chunk in names.Distinct(StringComparer.Ordinal).Chunk(InListBatch))
            {
                using var command = CreateCommand(connection, null,
                    $"SELECT name, value FROM cursors WHERE name IN ({string.Join(", ", chunk.Select((_, i) => $"@n{i}"))})");
                for (var i = 0; i < chunk.Length; i++)
                {
                    AddParameter(command, $"n{i}", chunk[i]);
                }

                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        found[reader.GetString(0)] = reader.GetString(1);
                    }
                }
            }
        }

        return found;
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

    /// <inheritdoc />
    public async Task<bool> TrySetCursorAsync(string name, string? expected, string value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = CreateCommand(connection, null, expected is null
                ? "INSERT INTO cursors (name, value, updated_at) VALUES (@name, @value, @at) ON CONFLICT (name) DO NOTHING"
                : "UPDATE cursors SET value = @value, updated_at = @at WHERE name = @name AND value = @expected");
            AddParameter(command, "name", name);
            AddParameter(command, "value", value);
            AddParameter(command, "at", DbTime(TimeProvider.GetUtcNow()));
            if (expected is not null)
            {
                AddParameter(command, "expected", expected);
            }

            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }
    }

    /// <summary>Opens a new connection for one operation.</summary>
    private protected abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>The engine's representation of a UTC instant (already truncated to microseconds).</summary>
    private protected abstract object ToDbTime(DateTimeOffset utcValue);

    /// <summary>Reads an instant written by <see cref="ToDbTime"/>.</summary>
    private protected abstract DateTimeOffset ReadTime(DbDataReader reader, int ordinal);

    /// <summary>SQL for the UTC calendar day (<c>yyyy-MM-dd</c> text) of a time column written by <see cref="ToDbTime"/>.</summary>
    private protected abstract string UtcDaySql(string column);

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

    private static string? NullableString(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
