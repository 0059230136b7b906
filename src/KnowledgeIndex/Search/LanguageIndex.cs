using KnowledgeIndex.Analysis;
using KnowledgeIndex.Indexing;

namespace KnowledgeIndex.Search;

/// <summary>What the searcher keeps in memory for one language: the analyzer, term weights and the speller.</summary>
internal sealed class LanguageIndex
{
    private readonly Dictionary<string, int> _termFrequency;
    private readonly Lazy<SpellCorrector> _speller;

    public LanguageIndex(string language, TextAnalyzer analyzer, int documentCount, Dictionary<string, int> termFrequency,
        Dictionary<string, int> wordFrequency, SearchSettings settings, Bm25Table? articleScores = null, Bm25Table? questionScores = null)
    {
        ArticleScores = articleScores;
        QuestionScores = questionScores;
        Language = language;
        Analyzer = analyzer;
        DocumentCount = documentCount;
        _termFrequency = termFrequency;
        _speller = new Lazy<SpellCorrector>(() => new SpellCorrector(wordFrequency), LazyThreadSafetyMode.ExecutionAndPublication);
        var table = IndexSchema.FtsTable(language);
        var questions = IndexSchema.QuestionTable(language);
        // "rank MATCH" lets FTS5 order by its own rank column, which it evaluates faster than ORDER BY bm25(...).
        ArticleSql = $"SELECT rowid, -rank FROM {table} WHERE {table} MATCH $query AND rank MATCH '{settings.Bm25Arguments}' ORDER BY rank LIMIT $limit;";
        QuestionSql = $"SELECT rowid, -rank FROM {questions} WHERE {questions} MATCH $query ORDER BY rank LIMIT $limit;";
    }

    public string Language { get; }

    public TextAnalyzer Analyzer { get; }

    public int DocumentCount { get; }

    /// <summary>Best articles by weighted bm25() over title, questions, tags and body: rowid, score (higher is better).</summary>
    public string ArticleSql { get; }

    /// <summary>Best single questions (and titles) by bm25(): article rowid, score (higher is better).</summary>
    public string QuestionSql { get; }

    /// <summary>In-memory bm25 over the article table, or null when the searcher asks FTS5 for it.</summary>
    public Bm25Table? ArticleScores { get; }

    /// <summary>In-memory bm25 over the question table, or null when the searcher asks FTS5 for it.</summary>
    public Bm25Table? QuestionScores { get; }

    public SpellCorrector Speller => _speller.Value;

    /// <summary>In how many articles <paramref name="term"/> occurs.</summary>
    public int DocumentFrequency(string term) => _termFrequency.GetValueOrDefault(term);

    /// <summary>BM25's inverse document frequency, always positive; unknown terms weigh most.</summary>
    public double Idf(string term)
    {
        var df = DocumentFrequency(term);
        return Math.Log(1 + ((DocumentCount - df + 0.5) / (df + 0.5)));
    }
}
