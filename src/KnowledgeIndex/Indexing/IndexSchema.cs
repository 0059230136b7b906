using System.Text.RegularExpressions;

namespace KnowledgeIndex.Indexing;

/// <summary>Table names and layout of the index file, shared by the builder and the searcher.</summary>
internal static partial class IndexSchema
{
    /// <summary>Separates sentences in the stored snippet columns.</summary>
    public const char SentenceSeparator = '\u001F';

    /// <summary>Meta key holding the analyzer version.</summary>
    public const string AnalyzerVersionKey = "analyzer_version";

    /// <summary>Meta key holding the comma-separated languages (one FTS5 table each).</summary>
    public const string LanguagesKey = "languages";

    /// <summary>Vocabulary kind: folded words before stemming (for spelling correction).</summary>
    public const int SurfaceVocabulary = 0;

    /// <summary>Vocabulary kind: index terms (for term weights).</summary>
    public const int TermVocabulary = 1;

    /// <summary>The plain tables; the FTS5 tables are created per language.</summary>
    public const string CreateTables = """
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE articles(
            rowid INTEGER PRIMARY KEY,
            id TEXT NOT NULL,
            lang TEXT NOT NULL,
            intent TEXT,
            title TEXT NOT NULL,
            tags TEXT NOT NULL,
            questions TEXT NOT NULL,
            body TEXT NOT NULL,
            terms TEXT NOT NULL,
            sentences TEXT NOT NULL,
            sentence_terms TEXT NOT NULL,
            UNIQUE(id, lang));
        CREATE INDEX articles_intent ON articles(intent, lang);
        CREATE TABLE vocab(lang TEXT NOT NULL, kind INTEGER NOT NULL, term TEXT NOT NULL, df INTEGER NOT NULL,
            PRIMARY KEY(lang, kind, term)) WITHOUT ROWID;
        """;

    /// <summary>The FTS5 table of one language (its name is safe to splice into SQL: see <see cref="IsValidLanguage"/>).</summary>
    public static string FtsTable(string language) => "fts_" + language.Replace('-', '_').ToLowerInvariant();

    /// <summary>Questions per article in the question table (the rowid encodes article and question number).</summary>
    public const int MaxQuestionRows = 1024;

    /// <summary>
    /// The question table is contentless (FTS5 <c>content=''</c>: only the inverted index is stored), so it cannot hold
    /// an article column; its rowid is <c>article rowid × 1024 + question number</c> instead.
    /// </summary>
    public static long QuestionRowId(long articleRowId, int question) => (articleRowId * MaxQuestionRows) + question;

    /// <summary>The article rowid of a question-table rowid.</summary>
    public static long ArticleOfQuestion(long questionRowId) => questionRowId / MaxQuestionRows;

    /// <summary>The question table of one language: one row per title and per question, pointing at its article.</summary>
    public static string QuestionTable(string language) => "fq_" + language.Replace('-', '_').ToLowerInvariant();

    /// <summary>True for a BCP-47-like tag of letters, digits and hyphens (<c>en</c>, <c>pt-BR</c>).</summary>
    public static bool IsValidLanguage(string language) => LanguagePattern().IsMatch(language);

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguagePattern();
}
