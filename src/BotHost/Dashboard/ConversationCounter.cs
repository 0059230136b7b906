using System.Globalization;
using BotHost.Hosting;
using Handoff;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BotHost.Dashboard;

/// <summary>
/// Counts conversations started since a moment. IHandoffStore has no count, so the dashboard asks the same database
/// directly (read-only, one COUNT on the conversations table), choosing the engine like AddHandoff does.
/// </summary>
public sealed class ConversationCounter(IOptions<HandoffOptions> handoff, IOptions<StorageOptions> storage)
{
    // The SQLite store writes fixed-width ISO-8601 UTC text, so text comparison orders by time.
    private const string SqliteTimeFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    public async Task<long> CountSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var options = handoff.Value;
        if (string.Equals(options.Provider, HandoffOptions.PostgresProvider, StringComparison.OrdinalIgnoreCase))
        {
            await using var connection = new NpgsqlConnection(options.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM conversations WHERE created_at >= @since", connection);
            command.Parameters.AddWithValue("since", since.ToUniversalTime());
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        var connectionString = options.ConnectionString ?? new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(storage.Value.ResolveDataDirectory(), "bot.db"),
            Mode = SqliteOpenMode.ReadOnly,
        }.ToString();
        await using var sqlite = new SqliteConnection(connectionString);
        await sqlite.OpenAsync(cancellationToken);
        await using var count = sqlite.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM conversations WHERE created_at >= $since";
        count.Parameters.AddWithValue("$since", since.UtcDateTime.ToString(SqliteTimeFormat, CultureInfo.InvariantCulture));
        return Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }
}
