using KnowledgeIndex.Analysis;
using KnowledgeIndex.Indexing;

namespace KnowledgeIndex.Search;

/// <content>Query analysis, execution and snippets.</content>
public sealed partial class KnowledgeSearcher
{
    private const int SnippetLength = 220;

    /// <summary>The distinct index terms of a query after stop words, spelling correction and stemming.</summary>
    internal List<string> QueryTerms(string query, LanguageIndex index)
    {
        var analyzer = index.Analyzer;
        var words = analyzer.Words(query);
        if (_settings.SpellCorrection)
        {
            for (var i = 0; i < words.Count; i++)
            {
                var word = words[i].Text;
                if (index.DocumentFrequency(analyzer.Stem(word)) == 0 && index.Speller.TryCorrect(word, out var corrected))
                {
                    words[i] = words[i] with { Text = corrected };
                }
            }
        }

        var terms = analyzer.ToTerms(words).Distinct(StringComparer.Ordinal).ToList();
        if (terms.Count > SearchSettings.MaxTerms)
        {
            terms = [.. terms.OrderByDescending(index.Idf).Take(SearchSettings.MaxTerms)];
        }

        return terms;
    }

    /// <summary>The terms worth matching: known to the index and not in most of its articles (the rarest one at least).</summary>
    internal static IEnumerable<string> MatchTerms(List<string> terms, LanguageIndex index, double maxDocumentShare)
    {
        var known = terms.Where(t => index.DocumentFrequency(t) > 0).ToList();
        var cap = maxDocumentShare * index.DocumentCount;
        var selective = known.Where(t => index.DocumentFrequency(t) <= cap).ToList();
        return selective.Count > 0 ? selective : known.OrderBy(index.DocumentFrequency).Take(1);
    }

    // Combines the article-level score with the article's best single question: a player's message usually looks
    // like one question, and one long questions column would otherwise be penalised by bm25's length normalisation.
    private List<(long RowId, double Score)> Rank(SearchSession session, LanguageIndex index, string ftsQuery, string questionQuery)
    {
        var scores = new Dictionary<long, double>();
        var command = session.Command(index.ArticleSql, "$query", "$limit");
        command.Parameters[0].Value = ftsQuery;
        command.Parameters[1].Value = SearchSettings.Candidates;
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                scores[reader.GetInt64(0)] = reader.GetDouble(1);
            }
        }

        if (_settings.QuestionWeight > 0)
        {
            var best = new Dictionary<long, double>();
            command = session.Command(index.QuestionSql, "$query", "$limit");
            command.Parameters[0].Value = questionQuery;
            command.Parameters[1].Value = SearchSettings.Candidates;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var article = IndexSchema.ArticleOfQuestion(reader.GetInt64(0));
                best[article] = Math.Max(best.GetValueOrDefault(article), reader.GetDouble(1));
            }

            foreach (var (article, score) in best)
            {
                scores[article] = scores.GetValueOrDefault(article) + (_settings.QuestionWeight * score);
            }
        }

        var ranked = scores.Select(kv => (kv.Key, kv.Value)).ToList();
        ranked.Sort((a, b) => b.Value != a.Value ? b.Value.CompareTo(a.Value) : a.Key.CompareTo(b.Key));
        return ranked;
    }

    private static SearchRow ReadRow(SearchSession session, long rowId)
    {
        var command = session.Command("SELECT id, title, terms, sentences, sentence_terms FROM articles WHERE rowid = $rowid;", "$rowid");
        command.Parameters[0].Value = rowId;
        using var reader = command.ExecuteReader();
        reader.Read();
        return new SearchRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4));
    }

    // The body sentence holding the most (IDF-weighted) query terms; the first sentence when none matches.
    private static string Snippet(SearchRow row, List<string> terms, double[] weights)
    {
        var sentences = row.Sentences.Split(IndexSchema.SentenceSeparator);
        var sentenceTerms = row.SentenceTerms.Split(IndexSchema.SentenceSeparator);
        var best = 0;
        var bestWeight = 0.0;
        for (var i = 0; i < sentenceTerms.Length && i < sentences.Length; i++)
        {
            var weight = Coverage(terms, weights, 1, sentenceTerms[i]);
            if (weight > bestWeight)
            {
                (best, bestWeight) = (i, weight);
            }
        }

        var text = sentences.Length > 0 && sentences[best].Length > 0 ? sentences[best] : row.Title;
        if (text.Length <= SnippetLength)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', SnippetLength - 1);
        return string.Concat(text.AsSpan(0, cut > SnippetLength / 2 ? cut : SnippetLength - 1), "…");
    }

    private static LanguageIndex LoadLanguage(Microsoft.Data.Sqlite.SqliteConnection connection, string language,
        AnalyzerSettings analyzerSettings, SearchSettings searchSettings)
    {
        var terms = new Dictionary<string, int>(StringComparer.Ordinal);
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT kind, term, df FROM vocab WHERE lang = $lang;";
            command.Parameters.AddWithValue("$lang", language);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var target = reader.GetInt32(0) == IndexSchema.SurfaceVocabulary ? words : terms;
                target[reader.GetString(1)] = reader.GetInt32(2);
            }
        }

        int documents;
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT count(*) FROM articles WHERE lang = $lang;";
            command.Parameters.AddWithValue("$lang", language);
            documents = Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }

        return new LanguageIndex(language, TextAnalyzer.For(language, analyzerSettings), documents, terms, words, searchSettings);
    }

    private static Dictionary<string, string> ReadMeta(Microsoft.Data.Sqlite.SqliteConnection connection)
    {
        var meta = new Dictionary<string, string>(StringComparer.Ordinal);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'meta';";
        if (command.ExecuteScalar() is null)
        {
            return meta;
        }

        command.CommandText = "SELECT key, value FROM meta;";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            meta[reader.GetString(0)] = reader.GetString(1);
        }

        return meta;
    }
}
