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
    private List<(long RowId, double Score)> Rank(SearchSession session, LanguageIndex index, List<string> articleTerms, List<string> questionTerms)
    {
        var scores = new Dictionary<long, double>();
        foreach (var (rowId, score) in TopArticles(session, index, articleTerms))
        {
            scores[rowId] = score;
        }

        if (_settings.QuestionWeight > 0)
        {
            var best = new Dictionary<long, double>();
            foreach (var (rowId, score) in TopQuestions(session, index, questionTerms))
            {
                var article = IndexSchema.ArticleOfQuestion(rowId);
                best[article] = Math.Max(best.GetValueOrDefault(article), score);
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

    // In memory when every term is an FTS5 token as written (always, unless folding and the tokenizer disagree); else FTS5.
    private static List<(long RowId, double Score)> TopArticles(SearchSession session, LanguageIndex index, List<string> terms) =>
        index.ArticleScores is { } table && terms.TrueForAll(table.Contains)
            ? table.Top(terms, SearchSettings.Candidates)
            : FtsTop(session, index.ArticleSql, terms);

    // A term may be missing from the question table although the article table has it; it then matches no question.
    private static List<(long RowId, double Score)> TopQuestions(SearchSession session, LanguageIndex index, List<string> terms) =>
        index.QuestionScores is { } table && index.ArticleScores is { } articles && terms.TrueForAll(articles.Contains)
            ? table.Top(terms, SearchSettings.Candidates)
            : FtsTop(session, index.QuestionSql, terms);

    private static List<(long RowId, double Score)> FtsTop(SearchSession session, string sql, List<string> terms)
    {
        var result = new List<(long RowId, double Score)>();
        var command = session.Command(sql, "$query", "$limit");
        command.Parameters[0].Value = FtsQuery.AnyOf(terms);
        command.Parameters[1].Value = SearchSettings.Candidates;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result.Add((reader.GetInt64(0), reader.GetDouble(1)));
        }

        return result;
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

        Bm25Table? articleScores = null;
        Bm25Table? questionScores = null;
        if (searchSettings.InMemoryScoring)
        {
            articleScores = Bm25Table.Load(connection, IndexSchema.FtsTable(language),
                [searchSettings.TitleWeight, searchSettings.QuestionsWeight, searchSettings.TagsWeight, searchSettings.BodyWeight]);
            questionScores = Bm25Table.Load(connection, IndexSchema.QuestionTable(language), []);
        }

        return new LanguageIndex(language, TextAnalyzer.For(language, analyzerSettings), documents, terms, words, searchSettings,
            articleScores, questionScores);
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
