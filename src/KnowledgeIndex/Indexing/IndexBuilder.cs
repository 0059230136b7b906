using System.Text.Json;
using KnowledgeIndex.Analysis;
using Microsoft.Data.Sqlite;

namespace KnowledgeIndex.Indexing;

/// <summary>Builds the FTS5 index file from articles (never on a request).</summary>
public static class IndexBuilder
{

    /// <summary>Writes a fresh index at <paramref name="indexPath"/> (replacing any file there).</summary>
    /// <param name="articles">Articles of every language; (id, language) must be unique.</param>
    /// <param name="indexPath">Target file. It is built next to it under a temporary name and moved into place, so
    /// readers see either the old or the new index, never a half-written one.</param>
    public static void Build(IEnumerable<FaqArticle> articles, string indexPath) =>
        Build(articles, indexPath, AnalyzerSettings.Default);

    /// <summary>Builds with explicit analyzer settings (the bench compares variants).</summary>
    internal static void Build(IEnumerable<FaqArticle> articles, string indexPath, AnalyzerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentException.ThrowIfNullOrWhiteSpace(indexPath);
        ArgumentNullException.ThrowIfNull(settings);

        var byLanguage = Group(articles);
        var fullPath = Path.GetFullPath(indexPath);
        var directory = Path.GetDirectoryName(fullPath)!;
        Directory.CreateDirectory(directory);
        var tempPath = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            Write(byLanguage, tempPath, settings);
            File.Move(tempPath, fullPath, overwrite: true);
        }
        finally
        {
            if (File.Exists(tempPath))
            {
                File.Delete(tempPath);
            }
        }
    }

    private static SortedDictionary<string, List<FaqArticle>> Group(IEnumerable<FaqArticle> articles)
    {
        var byLanguage = new SortedDictionary<string, List<FaqArticle>>(StringComparer.Ordinal);
        var seen = new HashSet<(string, string)>();
        foreach (var article in articles)
        {
            ArgumentNullException.ThrowIfNull(article);
            if (!IndexSchema.IsValidLanguage(article.Language))
            {
                throw new ArgumentException($"Article '{article.Id}' has an invalid language tag '{article.Language}'.", nameof(articles));
            }

            if (!seen.Add((article.Id, article.Language)))
            {
                throw new ArgumentException($"Article '{article.Id}' appears twice in language '{article.Language}'.", nameof(articles));
            }

            if (!byLanguage.TryGetValue(article.Language, out var list))
            {
                byLanguage[article.Language] = list = [];
            }

            list.Add(article);
        }

        return byLanguage;
    }

    private static void Write(SortedDictionary<string, List<FaqArticle>> byLanguage, string path, AnalyzerSettings settings)
    {
        // Pooling off: the file must be closed before it is moved into place.
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        connection.Open();
        Execute(connection, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA page_size=4096;");
        using (var transaction = connection.BeginTransaction())
        {
            Execute(connection, IndexSchema.CreateTables, transaction);
            foreach (var (language, articles) in byLanguage)
            {
                WriteLanguage(connection, transaction, language, articles, TextAnalyzer.For(language, settings));
            }

            InsertMeta(connection, transaction, IndexSchema.AnalyzerVersionKey, AnalyzerVersion.For(settings));
            InsertMeta(connection, transaction, IndexSchema.LanguagesKey, string.Join(',', byLanguage.Keys));
            transaction.Commit();
        }

        foreach (var language in byLanguage.Keys)
        {
            foreach (var table in new[] { IndexSchema.FtsTable(language), IndexSchema.QuestionTable(language) })
            {
                Execute(connection, $"INSERT INTO {table}({table}) VALUES('optimize');");
            }
        }

        Execute(connection, "VACUUM;");
    }

    private static void WriteLanguage(SqliteConnection connection, SqliteTransaction transaction, string language,
        List<FaqArticle> articles, TextAnalyzer analyzer)
    {
        var table = IndexSchema.FtsTable(language);
        Execute(connection, $"CREATE VIRTUAL TABLE {table} USING fts5(title, questions, tags, body, content = '', tokenize = \"{FtsTokenizer.Settings}\");", transaction);

        var questionTable = IndexSchema.QuestionTable(language);
        Execute(connection, $"CREATE VIRTUAL TABLE {questionTable} USING fts5(question, content = '', tokenize = \"{FtsTokenizer.Settings}\");", transaction);
        using var insertQuestion = connection.CreateCommand();
        insertQuestion.Transaction = transaction;
        insertQuestion.CommandText = $"INSERT INTO {questionTable}(rowid, question) VALUES ($rowid, $question);";
        var questionParameter = insertQuestion.Parameters.Add("$question", SqliteType.Text);
        var questionRowId = insertQuestion.Parameters.Add("$rowid", SqliteType.Integer);

        using var insertArticle = connection.CreateCommand();
        insertArticle.Transaction = transaction;
        insertArticle.CommandText = """
            INSERT INTO articles(id, lang, intent, title, tags, questions, body, terms, sentences, sentence_terms)
            VALUES ($id, $lang, $intent, $title, $tags, $questions, $body, $terms, $sentences, $sentence_terms)
            RETURNING rowid;
            """;
        using var insertFts = connection.CreateCommand();
        insertFts.Transaction = transaction;
        insertFts.CommandText = $"INSERT INTO {table}(rowid, title, questions, tags, body) VALUES ($rowid, $title, $questions, $tags, $body);";

        var surfaceDf = new Dictionary<string, int>(StringComparer.Ordinal);
        var termDf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var article in articles.OrderBy(a => a.Id, StringComparer.Ordinal))
        {
            var doc = AnalyzedArticle.Create(article, analyzer);
            insertArticle.Parameters.Clear();
            insertArticle.Parameters.AddWithValue("$id", article.Id);
            insertArticle.Parameters.AddWithValue("$lang", article.Language);
            insertArticle.Parameters.AddWithValue("$intent", (object?)article.Intent ?? DBNull.Value);
            insertArticle.Parameters.AddWithValue("$title", article.Title);
            insertArticle.Parameters.AddWithValue("$tags", JsonSerializer.Serialize(article.Tags));
            insertArticle.Parameters.AddWithValue("$questions", JsonSerializer.Serialize(article.Questions));
            insertArticle.Parameters.AddWithValue("$body", article.Body);
            insertArticle.Parameters.AddWithValue("$terms", " " + string.Join(' ', doc.DistinctTerms) + " ");
            insertArticle.Parameters.AddWithValue("$sentences", string.Join(IndexSchema.SentenceSeparator, doc.Sentences));
            insertArticle.Parameters.AddWithValue("$sentence_terms", string.Join(IndexSchema.SentenceSeparator, doc.SentenceTerms));
            var rowid = (long)insertArticle.ExecuteScalar()!;

            insertFts.Parameters.Clear();
            insertFts.Parameters.AddWithValue("$rowid", rowid);
            insertFts.Parameters.AddWithValue("$title", doc.Title);
            insertFts.Parameters.AddWithValue("$questions", doc.Questions);
            insertFts.Parameters.AddWithValue("$tags", doc.Tags);
            insertFts.Parameters.AddWithValue("$body", doc.Body);
            insertFts.ExecuteNonQuery();

            for (var i = 0; i < doc.QuestionRows.Count && i < IndexSchema.MaxQuestionRows; i++)
            {
                questionRowId.Value = IndexSchema.QuestionRowId(rowid, i);
                questionParameter.Value = doc.QuestionRows[i];
                insertQuestion.ExecuteNonQuery();
            }

            Count(surfaceDf, doc.DistinctWords);
            Count(termDf, doc.DistinctTerms);
        }

        InsertVocabulary(connection, transaction, language, IndexSchema.SurfaceVocabulary, surfaceDf);
        InsertVocabulary(connection, transaction, language, IndexSchema.TermVocabulary, termDf);
    }

    private static void Count(Dictionary<string, int> df, IEnumerable<string> distinct)
    {
        foreach (var term in distinct)
        {
            df[term] = df.GetValueOrDefault(term) + 1;
        }
    }

    private static void InsertVocabulary(SqliteConnection connection, SqliteTransaction transaction, string language, int kind,
        Dictionary<string, int> df)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO vocab(lang, kind, term, df) VALUES ($lang, $kind, $term, $df);";
        var term = command.Parameters.Add("$term", SqliteType.Text);
        var count = command.Parameters.Add("$df", SqliteType.Integer);
        command.Parameters.AddWithValue("$lang", language);
        command.Parameters.AddWithValue("$kind", kind);
        foreach (var (key, value) in df)
        {
            term.Value = key;
            count.Value = value;
            command.ExecuteNonQuery();
        }
    }

    private static void InsertMeta(SqliteConnection connection, SqliteTransaction transaction, string key, string value)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO meta(key, value) VALUES ($key, $value);";
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$value", value);
        command.ExecuteNonQuery();
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
