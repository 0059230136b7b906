using Handoff.Persistence;
using Handoff.Persistence.Postgres;
using Handoff.Tests.Support;
using Npgsql;

namespace Handoff.Tests.Persistence;

/// <summary>
/// Runs the store contract against PostgreSQL (BOT_TEST_POSTGRES), each test in its own freshly created database that
/// is dropped afterwards.
/// </summary>
[RequiresPostgres]
public sealed class PostgresHandoffStoreTests : HandoffStoreContractTests
{
    private readonly List<PostgresHandoffStore> _stores = [];
    private readonly string _databaseName = $"handoff_test_{Guid.NewGuid():N}";
    private string? _connectionString;

    public override async Task InitializeAsync()
    {
        var admin = PostgresTestEnvironment.ConnectionString;
        if (admin is null)
        {
            // Only reached under CI=true (otherwise the tests are skipped before construction).
            throw new InvalidOperationException(PostgresTestEnvironment.MissingUnderCiMessage);
        }

        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{_databaseName}\"", connection);
        await command.ExecuteNonQueryAsync();
        _connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = _databaseName }.ToString();
    }

    public override async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }

        if (_connectionString is null)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(PostgresTestEnvironment.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    [PostgresFact]
    public async Task InitializeAsync_TwoHostsAtOnce_BothSucceedAndApplyMigrationsOnce()
    {
        var first = (PostgresHandoffStore)CreateStore();
        var second = (PostgresHandoffStore)CreateStore();

        await Task.WhenAll(
            Task.Run(() => first.InitializeAsync(CancellationToken.None)),
            Task.Run(() => second.InitializeAsync(CancellationToken.None)));

        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM schema_version", connection);
        Assert.Equal(4L, (long)(await command.ExecuteScalarAsync())!);
    }

    protected override IHandoffStore CreateStore()
    {
        var store = new PostgresHandoffStore(
            _connectionString ?? throw new InvalidOperationException("Database not created."), Clock);
        _stores.Add(store);
        return store;
    }
}
