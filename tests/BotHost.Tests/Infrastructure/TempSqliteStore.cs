using Handoff.Persistence.Sqlite;
using Microsoft.Data.Sqlite;

namespace BotHost.Tests.Infrastructure;

/// <summary>A real SQLite handoff store in a temporary file, on the given clock; the file goes on dispose.</summary>
public sealed class TempSqliteStore : IAsyncDisposable
{
    private readonly string _path;

    private TempSqliteStore(string path, SqliteHandoffStore store)
    {
        _path = path;
        Store = store;
    }

    public SqliteHandoffStore Store { get; }

    public static async Task<TempSqliteStore> CreateAsync(TimeProvider clock)
    {
        var path = Path.Combine(Path.GetTempPath(), $"bothost-test-{Guid.NewGuid():N}.db");
        var store = new SqliteHandoffStore(new SqliteConnectionStringBuilder { DataSource = path }.ToString(), clock);
        await store.InitializeAsync(CancellationToken.None);
        return new TempSqliteStore(path, store);
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }

        return ValueTask.CompletedTask;
    }
}
