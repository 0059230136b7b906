using Handoff.Tests.Support;
using Npgsql;

namespace BotHost.Tests.ScaleOut;

/// <summary>A freshly created PostgreSQL database for one test, dropped (with its connections) on dispose.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _admin;
    private readonly string _name = $"scaleout_test_{Guid.NewGuid():N}";

    private TestDatabase(string admin)
    {
        _admin = admin;
        ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = _name }.ToString();
    }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync()
    {
        // Only reached without a server under CI=true (otherwise the test is skipped): a failure, not a skip.
        var admin = PostgresTestEnvironment.ConnectionString ?? throw new InvalidOperationException(PostgresTestEnvironment.MissingUnderCiMessage);
        var database = new TestDatabase(admin);
        await database.ExecuteAsync($"CREATE DATABASE \"{database._name}\"");
        return database;
    }

    /// <summary>Runs a statement on the server as the admin (e.g. to cut a host's listener connection).</summary>
    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
