using Microsoft.Data.Sqlite;

namespace KnowledgeIndex.Search;

/// <summary>
/// The postings of one FTS5 table, read once at open, scored in memory exactly like FTS5's <c>bm25()</c> for a query of
/// quoted terms joined by OR. Why: FTS5 runs bm25() for every matching row through its auxiliary-function API, which was
/// ~90% of a search; summing precomputed per-row term frequencies over a few posting lists is an order of magnitude cheaper.
/// </summary>
/// <remarks>
/// Same formula, constants and operation order as <c>fts5Bm25Function</c> (k1 = 1.2, b = 0.75, IDF floored at 1e-6,
/// row length = tokens in all columns), so scores equal FTS5's; a test compares them. Immutable after load.
/// </remarks>
internal sealed class Bm25Table
{
    private const double K1 = 1.2;
    private const double B = 0.75;
    private readonly Dictionary<string, Postings> _postings;
    private readonly long[] _rowIds;
    private readonly double[] _lengthNorm;

    // Per-thread scratch, all zeros between calls (only touched rows are written and then reset): a searcher is shared
    // by all request threads, and ArrayPool arrays may arrive uninitialised.
    [ThreadStatic]
    private static double[]? t_scores;
    [ThreadStatic]
    private static int[]? t_touched;

    private Bm25Table(Dictionary<string, Postings> postings, long[] rowIds, double[] lengthNorm)
    {
        _postings = postings;
        _rowIds = rowIds;
        _lengthNorm = lengthNorm;
    }

    /// <summary>Rows in the table.</summary>
    public int RowCount => _rowIds.Length;

    /// <summary>True when <paramref name="term"/> is a token of this table (so FTS5 would match it as itself).</summary>
    public bool Contains(string term) => _postings.ContainsKey(term);

    /// <summary>Reads the postings of <paramref name="table"/> through a temporary fts5vocab table.</summary>
    /// <param name="connection">An open connection to the index.</param>
    /// <param name="table">FTS5 table name (safe to splice: built from a validated language).</param>
    /// <param name="columnWeights">bm25() weight per column, in column order; missing columns weigh 1.</param>
    public static Bm25Table Load(SqliteConnection connection, string table, IReadOnlyList<double> columnWeights)
    {
        var columns = ColumnNames(connection, table);
        var weightOf = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Count; i++)
        {
            weightOf[columns[i]] = i < columnWeights.Count ? columnWeights[i] : 1.0;
        }

        var rowIds = new List<long>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT id FROM {table}_docsize ORDER BY id;";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                rowIds.Add(reader.GetInt64(0));
            }
        }

        var ordinal = new Dictionary<long, int>(rowIds.Count);
        for (var i = 0; i < rowIds.Count; i++)
        {
            ordinal[rowIds[i]] = i;
        }

        var tokens = new long[rowIds.Count];
        var totalTokens = 0L;
        var instances = new Dictionary<string, List<(int Doc, double Weight)>>(StringComparer.Ordinal);
        var vocab = "ki_vocab_" + table;
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"CREATE VIRTUAL TABLE temp.{vocab} USING fts5vocab(main, {table}, instance);";
            command.ExecuteNonQuery();
        }

        try
        {
            // Not relying on the instance order: an index that is not one merged segment may list a term more than once.
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT term, doc, col FROM temp.{vocab};";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var term = reader.GetString(0);
                var doc = ordinal[reader.GetInt64(1)];
                tokens[doc]++;
                totalTokens++;
                if (!instances.TryGetValue(term, out var list))
                {
                    instances[term] = list = [];
                }

                list.Add((doc, weightOf[reader.GetString(2)]));
            }
        }
        finally
        {
            using var drop = connection.CreateCommand();
            drop.CommandText = $"DROP TABLE temp.{vocab};";
            drop.ExecuteNonQuery();
        }

        var postings = new Dictionary<string, Postings>(instances.Count, StringComparer.Ordinal);
        foreach (var (term, list) in instances)
        {
            postings[term] = Postings.From(list, rowIds.Count);
        }

        var averageLength = (double)totalTokens / (double)rowIds.Count;
        var lengthNorm = new double[rowIds.Count];
        for (var i = 0; i < lengthNorm.Length; i++)
        {
            double d = tokens[i];
            lengthNorm[i] = K1 * (1 - B + (B * d / averageLength));
        }

        return new Bm25Table(postings, [.. rowIds], lengthNorm);
    }

    /// <summary>
    /// The best <paramref name="limit"/> rows matching any of <paramref name="terms"/> (one phrase each, in this order),
    /// by bm25 (higher is better), ties by rowid: what <c>ORDER BY rank LIMIT n</c> returns.
    /// </summary>
    public List<(long RowId, double Score)> Top(IReadOnlyList<string> terms, int limit)
    {
        if (t_scores is null || t_scores.Length < _rowIds.Length)
        {
            t_scores = new double[_rowIds.Length];
            t_touched = new int[_rowIds.Length];
        }

        var scores = t_scores;
        var touched = t_touched!;
        var count = 0;
        try
        {
            foreach (var term in terms)
            {
                if (!_postings.TryGetValue(term, out var p))
                {
                    continue;
                }

                var idf = p.Idf;
                var docs = p.Docs;
                var freqs = p.Freqs;
                for (var j = 0; j < docs.Length; j++)
                {
                    var doc = docs[j];
                    var f = freqs[j];
                    // Every contribution is > 0 (IDF >= 1e-6, f > 0), so a zero score marks an untouched row.
                    if (scores[doc] == 0)
                    {
                        touched[count++] = doc;
                    }

                    scores[doc] += idf * ((f * (K1 + 1.0)) / (f + _lengthNorm[doc]));
                }
            }

            return Select(scores, touched, count, limit);
        }
        finally
        {
            for (var i = 0; i < count; i++)
            {
                scores[touched[i]] = 0;
            }

        }
    }

    // Top-k by (score desc, rowid asc) with a small sorted buffer: most rows lose against the current k-th at once.
    private List<(long RowId, double Score)> Select(double[] scores, int[] touched, int count, int limit)
    {
        var best = new List<(long RowId, double Score)>(Math.Min(limit, count));
        for (var i = 0; i < count; i++)
        {
            var doc = touched[i];
            var item = (RowId: _rowIds[doc], Score: scores[doc]);
            if (best.Count == limit && !Before(item, best[^1]))
            {
                continue;
            }

            var at = best.Count;
            while (at > 0 && Before(item, best[at - 1]))
            {
                at--;
            }

            if (best.Count == limit)
            {
                best.RemoveAt(best.Count - 1);
            }

            best.Insert(at, item);
        }

        return best;
    }

    private static bool Before((long RowId, double Score) a, (long RowId, double Score) b) =>
        a.Score > b.Score || (a.Score == b.Score && a.RowId < b.RowId);

    private static List<string> ColumnNames(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name FROM pragma_table_info('{table}') ORDER BY cid;";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private sealed record Postings(int[] Docs, double[] Freqs, double Idf)
    {
        // One posting per row, its frequency the sum of the column weights of the term's instances in that row.
        public static Postings From(List<(int Doc, double Weight)> instances, int rowCount)
        {
            instances.Sort((a, b) => a.Doc.CompareTo(b.Doc));
            var docs = new List<int>();
            var freqs = new List<double>();
            foreach (var (doc, weight) in instances)
            {
                if (docs.Count > 0 && docs[^1] == doc)
                {
                    freqs[^1] += weight;
                }
                else
                {
                    docs.Add(doc);
                    freqs.Add(weight);
                }
            }

            // fts5Bm25Function: IDF = log((N - nHit + 0.5) / (nHit + 0.5)), floored at 1e-6.
            long hits = docs.Count;
            var idf = Math.Log((rowCount - hits + 0.5) / (hits + 0.5));
            return new Postings([.. docs], [.. freqs], idf <= 0.0 ? 1e-6 : idf);
        }
    }
}
