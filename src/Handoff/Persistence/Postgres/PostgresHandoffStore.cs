using System.Data.Common;
using Handoff.Conversations;
using Npgsql;

namespace Handoff.Persistence.Postgres;

/// <summary>
/// <see cref="IHandoffStore"/> on PostgreSQL for several hosts sharing one database. Seq comes from a per-conversation
/// counter row incremented in the append transaction (its row lock serialises appends to one conversation); migrations
/// run under an advisory lock so hosts starting together do not race.
/// </summary>
public sealed class PostgresHandoffStore : RelationalHandoffStore, IAsyncDisposable, IDisposable
{
    // Arbitrary constant shared by every host: "handoff" in ASCII.
    private const long MigrationLockKey = 0x68616E646F6666;

    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;

    /// <summary>Creates a store on a data source owned by the caller.</summary>
    /// <param name="dataSource">Npgsql data source (connection pool).</param>
    /// <param name="timeProvider">Clock for message and cursor timestamps.</param>
    public PostgresHandoffStore(NpgsqlDataSource dataSource, TimeProvider timeProvider)
        : base(timeProvider)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _dataSource = dataSource;
    }

    /// <summary>Creates a store and its own data source; dispose the store to close it.</summary>
    /// <param name="connectionString">Npgsql connection string.</param>
    /// <param name="timeProvider">Clock for message and cursor timestamps.</param>
    public PostgresHandoffStore(string connectionString, TimeProvider timeProvider)
        : this(NpgsqlDataSource.Create(connectionString), timeProvider)
    {
        _ownsDataSource = true;
    }

    /// <inheritdoc />
    public override async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                // Transaction-scoped advisory lock: a second host waits here, then sees the migrations already applied.
                using (var lockCommand = CreateCommand(connection, transaction, "SELECT pg_advisory_xact_lock(@key)"))
                {
                    AddParameter(lockCommand, "key", MigrationLockKey);
                    await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await ExecuteAsync(connection, transaction,
                    "CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)",
                    cancellationToken).ConfigureAwait(false);
                int applied;
                using (var current = CreateCommand(connection, transaction, "SELECT COALESCE(MAX(version), 0) FROM schema_version"))
                {
                    applied = (int)(await current.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
                }

                await ApplyMigrationsAsync(connection, transaction, "Postgres", applied, cancellationToken).ConfigureAwait(false);

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Disposes the data source when the store created it.</summary>
    /// <returns>A task that completes when closed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (_ownsDataSource)
        {
            await _dataSource.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Disposes the data source when the store created it.</summary>
    public void Dispose()
    {
        if (_ownsDataSource)
        {
            _dataSource.Dispose();
        }
    }

    private protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    private protected override object ToDbTime(DateTimeOffset utcValue) => utcValue;

    private protected override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) =>
        reader.GetFieldValue<DateTimeOffset>(ordinal);

    private protected override string UtcDaySql(string column) => $"to_char({column} AT TIME ZONE 'UTC', 'YYYY-MM-DD')";

    private protected override async Task<AppendResult> AppendCoreAsync(NewMessage message, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            long? seq;
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                // One statement: the counter upsert locks the conversation's counter row until commit, so appends to one
                // conversation are serialised and each gets the next number. A repeated external id inserts nothing; the
                // rollback then gives the number back, so Seq has no gaps.
                using var command = CreateCommand(connection, transaction,
                    "WITH next AS (INSERT INTO message_counters (conversation_id, last_seq) VALUES (@conversation, 1) " +
                    "ON CONFLICT (conversation_id) DO UPDATE SET last_seq = message_counters.last_seq + 1 RETURNING last_seq) " +
                    $"INSERT INTO messages ({MessageColumns}) SELECT @conversation, last_seq, @external, @sender, @senderName, " +
                    "@text, @payload, @internal, @at FROM next " +
                    "ON CONFLICT (conversation_id, external_id) WHERE external_id IS NOT NULL DO NOTHING RETURNING seq");
                AddMessageParameters(command, message, at);
                seq = (long?)await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                if (seq is not null)
                {
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            if (seq is not null)
            {
                return new AppendResult(ToMessage(message, seq.Value, at), Duplicate: false);
            }

            var existing = await FindMessageByExternalIdAsync(
                connection, null, message.ConversationId, message.ExternalId!, cancellationToken).ConfigureAwait(false);
            return new AppendResult(
                existing ?? throw new InvalidOperationException($"Message '{message.ExternalId}' was neither inserted nor found."),
                Duplicate: true);
        }
    }
}
