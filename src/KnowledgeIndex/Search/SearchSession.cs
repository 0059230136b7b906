using Microsoft.Data.Sqlite;

namespace KnowledgeIndex.Search;

/// <summary>One read-only connection with its prepared statements; used by one thread at a time (pooled).</summary>
internal sealed class SearchSession : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    public SearchSession(string connectionString)
    {
        Connection = new SqliteConnection(connectionString);
        Connection.Open();
        using var pragma = Connection.CreateCommand();
        // Memory-map the (read-only) file: page reads become memory reads instead of copies into SQLite's cache.
        pragma.CommandText = "PRAGMA mmap_size = 268435456; PRAGMA cache_size = -16384;";
        pragma.ExecuteNonQuery();
    }

    public SqliteConnection Connection { get; }

    /// <summary>A prepared command for <paramref name="sql"/>, created on first use and then reused.</summary>
    public SqliteCommand Command(string sql, params string[] parameterNames)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = sql;
            foreach (var name in parameterNames)
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            command.Prepare();
            _commands[sql] = command;
        }

        return command;
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        Connection.Dispose();
    }
}
