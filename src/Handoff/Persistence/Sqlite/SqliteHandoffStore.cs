using System.Data.Common;
using System.Globalization;
using Handoff.Conversations;
using Microsoft.Data.Sqlite;

namespace Handoff.Persistence.Sqlite;

/// <summary>
/// <see cref="IHandoffStore"/> on a SQLite file: WAL journal, a busy timeout, one pooled connection per operation.
/// Appends run in <c>BEGIN IMMEDIATE</c> transactions, so concurrent writers never get the same Seq.
/// </summary>
public sealed class SqliteHandoffStore : RelationalHandoffStore
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";
    private const int BusyTimeoutMilliseconds = 30_000;

    private readonly string _connectionString;

    /// <summary>Creates a store on a SQLite database.</summary>
    /// <param name="connectionString">Microsoft.Data.Sqlite connection string, for example <c>Data Source=handoff.db</c>.</param>
    /// <param name="timeProvider">Clock for message and cursor timestamps.</param>
    public SqliteHandoffStore(string connectionString, TimeProvider timeProvider)
        : base(timeProvider)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _connectionString = new SqliteConnectionStringBuilder(connectionString)
        {
            DefaultTimeout = BusyTimeoutMilliseconds / 1000,
        }.ToString();
    }

    /// <inheritdoc />
    public override async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var connection = (SqliteConnection)await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // WAL lets readers run while one writer writes; the setting is stored in the file.
            await ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL;", cancellationToken).ConfigureAwait(false);
            var transaction = connection.BeginTransaction(deferred: false);
            await using (transaction.ConfigureAwait(false))
            {
                await ExecuteAsync(connection, transaction,
                    "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);",
                    cancellationToken).ConfigureAwait(false);
                using var current = CreateCommand(connection, transaction, "SELECT COALESCE(MAX(version), 0) FROM schema_version");
                var applied = Convert.ToInt32(await current.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
                await ApplyMigrationsAsync(connection, transaction, "Sqlite", applied, cancellationToken).ConfigureAwait(false);

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            // synchronous=NORMAL is the WAL recommendation: always consistent and durable across process restarts; only
            // an OS crash or power loss can lose the last commits. FULL costs an fsync per message.
            await ExecuteAsync(connection, null,
                string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA synchronous = NORMAL;"),
                cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private protected override object ToDbTime(DateTimeOffset utcValue) =>
        utcValue.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    private protected override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) =>
        DateTimeOffset.ParseExact(
            reader.GetString(ordinal), TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    // Times are fixed-width ISO-8601 UTC text: the day is its first ten characters.
    private protected override string UtcDaySql(string column) => $"substr({column}, 1, 10)";

    private protected override async Task<AppendResult> AppendCoreAsync(NewMessage message, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var connection = (SqliteConnection)await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // BEGIN IMMEDIATE takes the write lock up front: the MAX(seq) read and the insert cannot interleave with another writer.
            var transaction = connection.BeginTransaction(deferred: false);
            await using (transaction.ConfigureAwait(false))
            {
                if (message.ExternalId is not null)
                {
                    var existing = await FindMessageByExternalIdAsync(
                        connection, transaction, message.ConversationId, message.ExternalId, cancellationToken).ConfigureAwait(false);
                    if (existing is not null)
                    {
                        return new AppendResult(existing, Duplicate: true);
                    }
                }

                using var next = CreateCommand(connection, transaction,
                    "SELECT COALESCE(MAX(seq), 0) + 1 FROM messages WHERE conversation_id = @conversation");
                AddParameter(next, "conversation", message.ConversationId);
                var seq = Convert.ToInt64(await next.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
                var stored = await InsertMessageAsync(connection, transaction, message, seq, at, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return new AppendResult(stored, Duplicate: false);
            }
        }
    }
}
