using System.Collections.Concurrent;
using KnowledgeIndex.Analysis;
using KnowledgeIndex.Indexing;
using Microsoft.Data.Sqlite;

namespace KnowledgeIndex.Search;

/// <summary>Read-only search over a built index. Thread-safe; one instance per process.</summary>
/// <remarks>
/// Immutable after <see cref="Open(string)"/>: per-language term weights, bm25 postings and spelling vocabularies live in memory, and a
/// fixed pool of read-only SQLite connections (with prepared statements) is opened up front, so the searcher keeps reading
/// the file it opened even after <see cref="IndexBuilder"/> has moved a new index into place. Open a new searcher to see it.
/// </remarks>
public sealed partial class KnowledgeSearcher : IDisposable
{
    private static readonly SearchResult Empty = new([]);
    private readonly Dictionary<string, LanguageIndex> _languages;
    private readonly SearchSettings _settings;
    private readonly ConcurrentBag<SearchSession> _pool;
    private readonly SemaphoreSlim _available;
    private volatile bool _disposed;

    private KnowledgeSearcher(List<SearchSession> sessions, Dictionary<string, LanguageIndex> languages, SearchSettings settings)
    {
        _pool = [.. sessions];
        _available = new SemaphoreSlim(sessions.Count, sessions.Count);
        _languages = languages;
        _settings = settings;
    }

    /// <summary>Connections opened per searcher: searches are CPU-bound, so more than the cores would only queue inside SQLite.</summary>
    internal static int PoolSize => Math.Clamp(Environment.ProcessorCount, 2, 16);

    /// <summary>The languages the index holds.</summary>
    public IReadOnlyCollection<string> Languages => _languages.Keys;

    /// <summary>Opens an index; refuses one built with another analyzer version.</summary>
    /// <param name="indexPath">A file written by <see cref="IndexBuilder.Build(IEnumerable{FaqArticle}, string)"/>.</param>
    /// <exception cref="IndexVersionException">The index was built with another analyzer version.</exception>
    public static KnowledgeSearcher Open(string indexPath) =>
        Open(indexPath, AnalyzerSettings.Default, SearchSettings.Default);

    /// <summary>Opens with explicit settings (the bench compares variants).</summary>
    internal static KnowledgeSearcher Open(string indexPath, AnalyzerSettings analyzerSettings, SearchSettings searchSettings)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(indexPath);
        ArgumentNullException.ThrowIfNull(analyzerSettings);
        ArgumentNullException.ThrowIfNull(searchSettings);
        if (!File.Exists(indexPath))
        {
            throw new FileNotFoundException($"Knowledge index not found: {indexPath}", indexPath);
        }

        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(indexPath),
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString();

        var sessions = new List<SearchSession> { new(connectionString) };
        try
        {
            var expected = AnalyzerVersion.For(analyzerSettings);
            var meta = ReadMeta(sessions[0].Connection);
            var found = meta.GetValueOrDefault(IndexSchema.AnalyzerVersionKey);
            if (!string.Equals(found, expected, StringComparison.Ordinal))
            {
                throw new IndexVersionException(indexPath, expected, found);
            }

            var languages = new Dictionary<string, LanguageIndex>(StringComparer.OrdinalIgnoreCase);
            foreach (var language in meta.GetValueOrDefault(IndexSchema.LanguagesKey, string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                languages[language] = LoadLanguage(sessions[0].Connection, language, analyzerSettings, searchSettings);
            }

            while (sessions.Count < PoolSize)
            {
                sessions.Add(new SearchSession(connectionString));
            }

            return new KnowledgeSearcher(sessions, languages, searchSettings);
        }
        catch
        {
            sessions.ForEach(s => s.Dispose());
            throw;
        }
    }

    /// <summary>Searches articles in <paramref name="language"/>; user text is escaped, never FTS syntax.</summary>
    /// <param name="query">What the player wrote.</param>
    /// <param name="language">BCP-47 language; a regional tag (<c>ru-RU</c>) falls back to its primary language.</param>
    /// <param name="limit">Most hits to return (at least 1; at most 80 candidates are ranked).</param>
    /// <returns>Hits, best first. Empty for a query without searchable words or a language the index does not hold.</returns>
    public SearchResult Search(string query, string language, int limit = 5)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(language);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        ObjectDisposedException.ThrowIf(_disposed, this);

        if (!TryResolve(language, out var index))
        {
            return Empty;
        }

        var terms = QueryTerms(query, index);
        var bigrams = index.Analyzer.HasBigrams;
        var articleTerms = MatchTerms(terms, index, bigrams ? _settings.SyllableMaxDocumentShare : _settings.MaxDocumentShare)
            .Where(t => !string.IsNullOrWhiteSpace(t)).ToList();
        var questionTerms = MatchTerms(terms, index, bigrams ? _settings.SyllableMaxDocumentShare : _settings.QuestionMaxDocumentShare)
            .OrderBy(index.DocumentFrequency).Take(_settings.QuestionMaxTerms).Where(t => !string.IsNullOrWhiteSpace(t)).ToList();
        if (articleTerms.Count == 0 || questionTerms.Count == 0)
        {
            return Empty;
        }

        var session = Rent();
        try
        {
            var ranked = Rank(session, index, articleTerms, questionTerms);
            var hits = new List<SearchHit>(Math.Min(ranked.Count, limit));
            var weights = terms.Select(index.Idf).ToArray();
            var totalWeight = weights.Sum();
            for (var i = 0; i < ranked.Count && i < limit; i++)
            {
                var (rowId, score) = ranked[i];
                var row = ReadRow(session, rowId);
                var isStrong = i == 0 && IsStrong(Coverage(terms, weights, totalWeight, row.Terms), score, ranked.Count > 1 ? ranked[1].Score : 0);
                hits.Add(new SearchHit(row.Id, index.Language, row.Title, score, Snippet(row, terms, weights), isStrong));
            }

            return new SearchResult(hits);
        }
        finally
        {
            Return(session);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _disposed = true;
        while (_pool.TryTake(out var session))
        {
            session.Dispose();
        }

        _available.Dispose();
    }

    internal static double Coverage(IReadOnlyList<string> terms, double[] weights, double totalWeight, string articleTerms)
    {
        var matched = 0.0;
        for (var i = 0; i < terms.Count; i++)
        {
            if (articleTerms.Contains(" " + terms[i] + " ", StringComparison.Ordinal))
            {
                matched += weights[i];
            }
        }

        return totalWeight > 0 ? matched / totalWeight : 0;
    }

    private bool IsStrong(double coverage, double score, double runnerUpScore) =>
        coverage >= _settings.StrongMinCoverage && score > 0 && (score - runnerUpScore) / score >= _settings.StrongMinMargin;

    private bool TryResolve(string language, out LanguageIndex index)
    {
        if (_languages.TryGetValue(language, out index!))
        {
            return true;
        }

        var dash = language.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 && _languages.TryGetValue(language[..dash], out index!);
    }

    private SearchSession Rent()
    {
        _available.Wait();
        if (_pool.TryTake(out var session))
        {
            return session;
        }

        _available.Release();
        throw new ObjectDisposedException(nameof(KnowledgeSearcher));
    }

    private void Return(SearchSession session)
    {
        if (_disposed)
        {
            session.Dispose();
            return;
        }

        _pool.Add(session);
        _available.Release();
    }
}
