using System.Globalization;
using System.Text.Json;
using BotHost.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace BotHost.Accounts;

/// <summary>
/// An embedded account store in SQLite with a few seeded demo players, so the product can be tried with no
/// operator API. Seeded relative to the clock so pending withdrawals always look current.
/// </summary>
public sealed class DemoAccountDirectory : IAccountDirectory
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly string _connectionString;

    public DemoAccountDirectory(IOptions<StorageOptions> storage, TimeProvider clock)
    {
        var path = Path.Combine(storage.Value.ResolveDataDirectory(), "accounts.db");
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path }.ToString();
        Seed(clock.GetUtcNow());
    }

    public async Task<AccountSummary?> FindAsync(string playerId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(playerId);
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT json FROM accounts WHERE player_id = $id";
        command.Parameters.AddWithValue("$id", playerId);
        var json = (string?)await command.ExecuteScalarAsync(cancellationToken);
        return json is null ? null : JsonSerializer.Deserialize<AccountSummary>(json, Json);
    }

    private void Seed(DateTimeOffset now)
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS accounts (player_id TEXT PRIMARY KEY, json TEXT NOT NULL, seeded_at TEXT NOT NULL);
            """;
        command.ExecuteNonQuery();
        foreach (var account in DemoPlayers(now))
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT OR IGNORE INTO accounts (player_id, json, seeded_at) VALUES ($id, $json, $at)";
            insert.Parameters.AddWithValue("$id", account.PlayerId);
            insert.Parameters.AddWithValue("$json", JsonSerializer.Serialize(account, Json));
            insert.Parameters.AddWithValue("$at", now.ToString("O", CultureInfo.InvariantCulture));
            insert.ExecuteNonQuery();
        }
    }

    /// <summary>The demo players; ids are what the demo page signs in as.</summary>
    public static IReadOnlyList<AccountSummary> DemoPlayers(DateTimeOffset now) =>
    [
        new()
        {
            PlayerId = "p-1001", DisplayName = "Anna Kowalska", Currency = "EUR", Balance = 1250.40m, BonusBalance = 50m,
            Verification = VerificationState.Verified,
            PendingWithdrawals = [new("W-88213", 300m, "Visa •••• 4242", "processing", now.AddDays(-1), now.AddDays(2))],
            Wagering = [new("Welcome 100%", 1750m, 1120m, now.AddDays(18))],
        },
        new()
        {
            PlayerId = "p-1002", DisplayName = "Ivan Petrov", Currency = "RUB", Balance = 48210m,
            Verification = VerificationState.NotStarted, MissingDocuments = ["passport", "proof of address"],
            PendingWithdrawals = [new("W-88190", 15000m, "Skrill", "on hold: verification", now.AddDays(-4), now.AddDays(-1))],
        },
        new()
        {
            PlayerId = "p-1003", DisplayName = "Nguyen Van An", Currency = "VND", Balance = 12500000m, IsVip = true,
            Verification = VerificationState.Pending,
        },
    ];
}
