using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace KnowledgeIndex.Indexing;

/// <summary>An article as an editor shows it, with the version its file had when it was read.</summary>
/// <param name="Article">The parsed article.</param>
/// <param name="Version">A hash of the file: a save made from an older version is refused.</param>
public sealed record FaqArticleDocument(FaqArticle Article, string Version);

/// <summary>What a save of an article did.</summary>
public enum FaqSaveOutcome
{
    /// <summary>The file was rewritten.</summary>
    Saved,

    /// <summary>No such article; nothing was written.</summary>
    ArticleNotFound,

    /// <summary>The file changed since the editor read it; nothing was written.</summary>
    Conflict,
}

// Editing a whole article (title, training questions, answer) from the operator's browser.
public static partial class FaqEditor
{
    /// <summary>The longest title accepted.</summary>
    public const int MaxTitleLength = 200;

    /// <summary>The longest answer accepted, in characters.</summary>
    public const int MaxBodyLength = 20_000;

    /// <summary>The most training questions one article may have.</summary>
    public const int MaxQuestions = 1_000;

    /// <summary>The article <paramref name="articleId"/> in <paramref name="language"/> and its version, or null.</summary>
    /// <exception cref="ArgumentException">The language or id is not a valid name.</exception>
    /// <exception cref="FaqFormatException">The file does not parse.</exception>
    public static FaqArticleDocument? Read(string root, string language, string articleId)
    {
        var path = ArticlePath(root, language, articleId);
        if (!File.Exists(path))
        {
            return null;
        }

        var text = File.ReadAllText(path, Encoding.UTF8);
        return new FaqArticleDocument(FaqFileParser.Parse(path, text), VersionOf(text));
    }

    /// <summary>
    /// Rewrites the article with a new title, training questions and answer; id, intent, language and tags stay. The
    /// front matter is written in the usual layout (comments in it are not kept). Blank questions are dropped and
    /// repeated ones (case and spacing aside) kept once.
    /// </summary>
    /// <param name="root">The <c>data/faq</c> folder.</param>
    /// <param name="language">The article's language.</param>
    /// <param name="articleId">The article id.</param>
    /// <param name="title">One line, at most <see cref="MaxTitleLength"/> characters.</param>
    /// <param name="questions">Each one line of at most <see cref="MaxTextLength"/> characters; at most <see cref="MaxQuestions"/>.</param>
    /// <param name="body">The answer in Markdown, not empty, at most <see cref="MaxBodyLength"/> characters.</param>
    /// <param name="expectedVersion">The version the editor read (<see cref="FaqArticleDocument.Version"/>).</param>
    /// <param name="version">The new version when saved.</param>
    /// <returns>What happened.</returns>
    /// <exception cref="ArgumentException">A field is not acceptable (the message says which and why).</exception>
    public static FaqSaveOutcome Save(
        string root, string language, string articleId, string title, IReadOnlyList<string> questions, string body, string expectedVersion,
        out string? version)
    {
        version = null;
        var path = ArticlePath(root, language, articleId);
        var cleanTitle = CleanText(title, nameof(title));
        if (cleanTitle.Length > MaxTitleLength)
        {
            throw new ArgumentException($"The title is longer than {MaxTitleLength} characters.", nameof(title));
        }

        ArgumentNullException.ThrowIfNull(questions);
        var cleanQuestions = questions.Where(q => !string.IsNullOrWhiteSpace(q)).Select(q => CleanText(q, nameof(questions)))
            .DistinctBy(TextKey, StringComparer.Ordinal).ToList();
        if (cleanQuestions.Count > MaxQuestions)
        {
            throw new ArgumentException($"An article can have at most {MaxQuestions} questions.", nameof(questions));
        }

        ArgumentNullException.ThrowIfNull(body);
        var cleanBody = body.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (cleanBody.Length == 0 || cleanBody.Length > MaxBodyLength)
        {
            throw new ArgumentException($"The answer must have 1 to {MaxBodyLength} characters.", nameof(body));
        }

        using (EditLock(root))
        {
            if (!File.Exists(path))
            {
                return FaqSaveOutcome.ArticleNotFound;
            }

            var original = File.ReadAllText(path, Encoding.UTF8);
            if (!string.Equals(VersionOf(original), expectedVersion, StringComparison.Ordinal))
            {
                return FaqSaveOutcome.Conflict;
            }

            var before = FaqFileParser.Parse(path, original);
            var edited = Compose(before with { Title = cleanTitle, Questions = cleanQuestions, Body = cleanBody });
            var after = FaqFileParser.Parse(path, edited);
            if (after.Title != cleanTitle || !after.Questions.SequenceEqual(cleanQuestions) || after.Body != cleanBody ||
                !after.Tags.SequenceEqual(before.Tags) || after.Intent != before.Intent)
            {
                throw new FaqFormatException(path, "the edited article would not read back as written; edit the file by hand");
            }

            WriteAtomically(path, edited);
            version = VersionOf(edited);
            return FaqSaveOutcome.Saved;
        }
    }

    private static string Compose(FaqArticle article)
    {
        var text = new StringBuilder("---\n");
        text.Append("id: ").Append(article.Id).Append('\n');
        if (article.Intent is not null)
        {
            text.Append("intent: ").Append(Scalar(article.Intent)).Append('\n');
        }

        text.Append("language: ").Append(article.Language).Append('\n');
        text.Append("title: ").Append(Scalar(article.Title)).Append('\n');
        if (article.Tags.Count > 0)
        {
            text.Append("tags: [").AppendJoin(", ", article.Tags.Select(t => PlainTag().IsMatch(t) ? t : Quote(t))).Append("]\n");
        }

        if (article.Questions.Count > 0)
        {
            text.Append("questions:\n");
            foreach (var question in article.Questions)
            {
                text.Append("  - ").Append(Scalar(question)).Append('\n');
            }
        }

        return text.Append("---\n").Append(article.Body).Append('\n').ToString();
    }

    /// <summary>Plain YAML for ordinary text; a double-quoted scalar for anything YAML could read otherwise.</summary>
    private static string Scalar(string text) => PlainScalar().IsMatch(text) && !text.Contains(": ", StringComparison.Ordinal) ? text : Quote(text);

    private static string Quote(string text) => JsonSerializer.Serialize(text, _quoted);

    private static string ArticlePath(string root, string language, string articleId)
    {
        CheckName(language, nameof(language));
        CheckName(articleId, nameof(articleId));
        return Path.Combine(root, language, articleId + ".md");
    }

    private static string VersionOf(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];

    // Starts with a letter or digit, has no '#' and does not end with ':' — the rest is safe in a block scalar.
    [GeneratedRegex(@"^[\p{L}\p{N}][^#]*(?<![:\s])$")]
    private static partial Regex PlainScalar();

    [GeneratedRegex(@"^[\p{L}\p{N}_-]+$")]
    private static partial Regex PlainTag();
}
