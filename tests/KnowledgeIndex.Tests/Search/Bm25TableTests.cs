using KnowledgeIndex.Analysis;
using KnowledgeIndex.Indexing;
using KnowledgeIndex.Search;
using KnowledgeIndex.Tests.Support;
using Microsoft.Data.Sqlite;

namespace KnowledgeIndex.Tests.Search;

/// <summary>In-memory scoring must rank exactly like FTS5's bm25(): same hits, same order, same scores.</summary>
public sealed class Bm25TableTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Theory]
    [InlineData("en", "how do I withdraw my winnings")]
    [InlineData("en", "withdrawl")]
    [InlineData("en", "forgoten pasword")]
    [InlineData("en", "which deposit methods")]
    [InlineData("pl", "wypłaty środków")]
    [InlineData("pl", "wpłatę")]
    [InlineData("ru", "как пополнить счет")]
    [InlineData("ru", "пополнитть")]
    [InlineData("ru", "выводом средств")]
    [InlineData("vi", "lam sao rut tien")]
    [InlineData("vi", "nap tien bang vi dien tu")]
    public void Search_TrickySpelling_SameHitsAsFts5(string language, string query)
    {
        var path = Build(TestArticles.All);
        using var sut = KnowledgeSearcher.Open(path);
        using var reference = OpenFts5(path);

        var actual = sut.Search(query, language, 10);

        var expected = reference.Search(query, language, 10);
        AssertSameHits(expected, actual);
    }

    [Fact]
    public void Search_RealKnowledgeBaseEvalQueries_SameHitsAsFts5()
    {
        var path = Build(FaqSource.Load(RepoPaths.Faq));
        using var sut = KnowledgeSearcher.Open(path);
        using var reference = OpenFts5(path);
        var queries = Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "bench", "data", "faq-eval"), "*.tsv")
            .SelectMany(file => File.ReadLines(file).Select(line => (Language: Path.GetFileNameWithoutExtension(file), Text: line.Split('\t')[0])))
            .ToList();

        var actual = queries.Select(q => sut.Search(q.Text, q.Language, 10)).ToList();

        Assert.NotEmpty(queries);
        for (var i = 0; i < queries.Count; i++)
        {
            AssertSameHits(reference.Search(queries[i].Text, queries[i].Language, 10), actual[i]);
        }
    }

    [Fact]
    public void Top_TableOfManySegmentsWithWeights_ScoresLikeFts5()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        Execute(connection, "CREATE VIRTUAL TABLE t USING fts5(a, b, content = '');");
        // One insert per statement leaves several segments: loading must not depend on how fts5vocab orders instances.
        for (var i = 1; i <= 60; i++)
        {
            Execute(connection, $"INSERT INTO t(rowid, a, b) VALUES ({i * 7}, '{(i % 3 == 0 ? "alpha beta" : "gamma")}', '{(i % 4 == 0 ? "alpha alpha delta" : "beta")} x{i}');");
        }

        var sut = Bm25Table.Load(connection, "t", [3.0, 1.0]);
        string[] terms = ["alpha", "delta", "x9"];

        var actual = sut.Top(terms, 10);

        var expected = new List<(long, double)>();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT rowid, -bm25(t, 3.0, 1.0) FROM t WHERE t MATCH '\"alpha\" OR \"delta\" OR \"x9\"' ORDER BY bm25(t, 3.0, 1.0), rowid LIMIT 10;";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            expected.Add((reader.GetInt64(0), reader.GetDouble(1)));
        }

        Assert.Equal(10, actual.Count);
        Assert.Equal(expected.Select(e => e.Item1), actual.Select(a => a.RowId));
        Assert.Equal(expected.Select(e => e.Item2), actual.Select(a => a.Score));
        Assert.True(sut.Contains("alpha"));
        Assert.False(sut.Contains("omega"));
    }

    [Fact]
    public void Search_ConcurrentCallers_SameScoresAsFts5()
    {
        var path = Build(TestArticles.All);
        using var sut = KnowledgeSearcher.Open(path);
        using var reference = OpenFts5(path);
        var queries = new[] { ("withdraw money", "en"), ("вывод средств", "ru"), ("wpłata", "pl"), ("nap tien", "vi"), ("forgot password", "en") };
        var expected = queries.Select(q => reference.Search(q.Item1, q.Item2, 10)).ToArray();

        var actual = new SearchResult[200];
        Parallel.For(0, actual.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var (text, language) = queries[i % queries.Length];
            actual[i] = sut.Search(text, language, 10);
        });

        for (var i = 0; i < actual.Length; i++)
        {
            AssertSameHits(expected[i % queries.Length], actual[i]);
        }
    }

    public void Dispose() => _dir.Dispose();

    private static void AssertSameHits(SearchResult expected, SearchResult actual)
    {
        Assert.Equal(expected.Hits.Select(h => h.ArticleId), actual.Hits.Select(h => h.ArticleId));
        Assert.Equal(expected.Hits.Select(h => h.IsStrong), actual.Hits.Select(h => h.IsStrong));
        for (var i = 0; i < expected.Hits.Count; i++)
        {
            Assert.Equal(expected.Hits[i].Score, actual.Hits[i].Score, 1e-9);
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static KnowledgeSearcher OpenFts5(string path) =>
        KnowledgeSearcher.Open(path, AnalyzerSettings.Default, SearchSettings.Default with { InMemoryScoring = false });

    private string Build(IEnumerable<FaqArticle> articles)
    {
        var path = _dir.File("index.db");
        IndexBuilder.Build(articles, path);
        return path;
    }
}
