using Handoff.Persistence;
using Handoff.Persistence.Sqlite;
using Handoff.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Handoff.Tests.Persistence;

/// <summary>Runs the store contract against a temporary SQLite file per test.</summary>
public sealed class SqliteHandoffStoreTests : HandoffStoreContractTests
{
    private readonly TempSqliteDatabase _database = new();

    public override Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task InitializeAsync_NewFile_UsesWalJournalAndRecordsSchemaVersion()
    {
        var sut = CreateStore();

        await sut.InitializeAsync(CancellationToken.None);

        using var connection = new SqliteConnection(_database.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)command.ExecuteScalar());
        command.CommandText = "SELECT MAX(version) FROM schema_version;";
        Assert.Equal(4L, (long?)command.ExecuteScalar());
    }

    [Fact]
    public async Task InitializeAsync_DatabaseAtVersion1_AppliesOnlyTheNewMigrations()
    {
        var first = CreateStore();
        await first.InitializeAsync(CancellationToken.None);
        await first.SetCursorAsync("kept", "yes", CancellationToken.None);
        using (var connection = new SqliteConnection(_database.ConnectionString))
        {
            connection.Open();
            using var downgrade = connection.CreateCommand();
            downgrade.CommandText = "DROP TABLE unanswered; DROP INDEX ix_conversations_player; DROP INDEX ix_tickets_player; DELETE FROM schema_version WHERE version >= 2;";
            downgrade.ExecuteNonQuery();
        }

        var sut = CreateStore();
        await sut.InitializeAsync(CancellationToken.None);
        await sut.RecordUnansweredAsync("c-1", "en", "who wins tonight?", "declined", CancellationToken.None);
        var recorded = Assert.Single(await sut.ListUnansweredAsync(DateTimeOffset.MinValue, 10, CancellationToken.None));

        Assert.Equal("yes", await sut.GetCursorAsync("kept", CancellationToken.None));
        Assert.Equal(1, await sut.ReviewUnansweredAsync([recorded.Id], "dismissed", "sam", CancellationToken.None));
    }

    protected override IHandoffStore CreateStore() => new SqliteHandoffStore(_database.ConnectionString, Clock);
}
