using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace KnowledgeIndex.Indexing;

/// <summary>What an edit of <c>data/faq</c> did.</summary>
public enum FaqEditOutcome
{
    /// <summary>The text was added to the file.</summary>
    Added,

    /// <summary>The file already had that text (compared case- and spacing-insensitively); nothing was written.</summary>
    AlreadyPresent,

    /// <summary>No article with that id exists in that language; nothing was written.</summary>
    ArticleNotFound,
}

/// <summary>
/// Teaches the knowledge base from what players wrote: adds a training question to an article's front matter, or a
/// message to the language's out-of-scope file. The file keeps its layout (the line goes after the last question);
/// the result is parsed back before it replaces the old file, which is swapped atomically, so a failed edit leaves the
/// file as it was. One edit at a time, also across hosts sharing the folder (an exclusive lock on
/// <see cref="LockFileName"/>).
/// </summary>
public static partial class FaqEditor
{
    /// <summary>The longest text accepted, in characters (after spaces are collapsed).</summary>
    public const int MaxTextLength = 300;

    /// <summary>Next to the language folders; hosts that share data/faq take turns through it.</summary>
    public const string LockFileName = ".edit.lock";

    private static readonly TimeSpan _lockWait = TimeSpan.FromSeconds(10);

    // JSON string syntax is a valid YAML double-quoted scalar.
    private static readonly JsonSerializerOptions _quoted = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Adds <paramref name="question"/> to the training questions of article <paramref name="articleId"/>.</summary>
    /// <param name="root">The <c>data/faq</c> folder.</param>
    /// <param name="language">The article's language folder (en, ru, pl, vi…).</param>
    /// <param name="articleId">The article id (its file name without <c>.md</c>).</param>
    /// <param name="question">One line of text, at most <see cref="MaxTextLength"/> characters.</param>
    /// <returns>What happened.</returns>
    /// <exception cref="ArgumentException">The language, id or text is not acceptable (the message says why).</exception>
    /// <exception cref="FaqFormatException">The article's front matter cannot be edited automatically.</exception>
    public static FaqEditOutcome AddQuestion(string root, string language, string articleId, string question)
    {
        var text = CleanText(question, nameof(question));
        var path = ArticlePath(root, language, articleId);
        using (EditLock(root))
        {
            if (!File.Exists(path))
            {
                return FaqEditOutcome.ArticleNotFound;
            }

            var original = File.ReadAllText(path, Encoding.UTF8);
            if (FaqFileParser.Parse(path, original).Questions.Any(q => SameText(q, text)))
            {
                return FaqEditOutcome.AlreadyPresent;
            }

            // "a: b" or "#1 bonus?" must not become a mapping or a comment: see Scalar.
            var edited = InsertQuestion(path, original, Scalar(text));
            if (!ReadsBack(path, edited, text))
            {
                throw new FaqFormatException(path, "the question could not be added automatically; edit the file by hand");
            }

            WriteAtomically(path, edited);
            return FaqEditOutcome.Added;
        }
    }

    /// <summary>Adds <paramref name="message"/> to the language's <see cref="FaqSource.OutOfScopeFileName"/> (created when missing).</summary>
    /// <param name="root">The <c>data/faq</c> folder.</param>
    /// <param name="language">The language folder, which must exist.</param>
    /// <param name="message">One line of text, at most <see cref="MaxTextLength"/> characters, not starting with #.</param>
    /// <returns><see cref="FaqEditOutcome.Added"/> or <see cref="FaqEditOutcome.AlreadyPresent"/>.</returns>
    /// <exception cref="ArgumentException">The language or text is not acceptable (the message says why).</exception>
    public static FaqEditOutcome AddOutOfScope(string root, string language, string message)
    {
        var text = CleanText(message, nameof(message));
        CheckName(language, nameof(language));
        if (text.StartsWith('#'))
        {
            throw new ArgumentException("An out-of-scope message cannot start with # (that line would be a comment).", nameof(message));
        }

        var folder = Path.Combine(root, language);
        if (!Directory.Exists(folder))
        {
            throw new ArgumentException($"The knowledge base has no language '{language}'.", nameof(language));
        }

        var path = Path.Combine(folder, FaqSource.OutOfScopeFileName);
        using (EditLock(root))
        {
            var original = File.Exists(path) ? File.ReadAllText(path, Encoding.UTF8) : string.Empty;
            var lines = original.Split('\n').Select(l => l.Trim().TrimStart('\uFEFF'));
            if (lines.Any(l => SameText(l, text)))
            {
                return FaqEditOutcome.AlreadyPresent;
            }

            var newline = NewlineOf(original);
            var separator = original.Length == 0 || original.EndsWith('\n') ? string.Empty : newline;
            WriteAtomically(path, original + separator + text + newline);
            return FaqEditOutcome.Added;
        }
    }

    /// <summary>The same text for the knowledge base: equal ignoring case and runs of spaces.</summary>
    public static bool SameText(string a, string b) => string.Equals(TextKey(a), TextKey(b), StringComparison.Ordinal);

    /// <summary>What <see cref="SameText"/> compares: the text lower-cased, with runs of spaces made one.</summary>
    public static string TextKey(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return CollapseSpaces(text).ToLowerInvariant();
    }

    /// <summary>The file's own line ending, so an edit does not mix them.</summary>
    private static string NewlineOf(string text) => text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";

    private static bool ReadsBack(string path, string edited, string question)
    {
        try
        {
            return FaqFileParser.Parse(path, edited).Questions.Count(q => q == question) == 1;
        }
        catch (FaqFormatException)
        {
            return false;
        }
    }

    private static string InsertQuestion(string path, string original, string scalar)
    {
        var newline = NewlineOf(original);
        var lines = original.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        var close = lines.FindIndex(1, l => l.TrimEnd() == "---");
        if (close < 0)
        {
            throw new FaqFormatException(path, "front matter is not closed by a '---' line");
        }

        var key = lines.FindIndex(1, close - 1, l => l.StartsWith("questions:", StringComparison.Ordinal));
        if (key < 0)
        {
            lines.InsertRange(close, ["questions:", "  - " + scalar]);
        }
        else if (lines[key].TrimEnd() is "questions:" or "questions: []")
        {
            // The item goes after the last line of the list (an item or its continuation), in the list's indentation.
            var last = key;
            while (last + 1 < close && lines[last + 1].Length > 0 && (lines[last + 1][0] == ' ' || lines[last + 1][0] == '-'))
            {
                last++;
            }

            var indent = last > key ? lines[key + 1][..(lines[key + 1].Length - lines[key + 1].TrimStart().Length)] : "  ";
            lines[key] = "questions:";
            lines.Insert(last + 1, indent + "- " + scalar);
        }
        else
        {
            throw new FaqFormatException(path, "'questions' is written inline; edit the file by hand");
        }

        return string.Join(newline, lines);
    }

    private static string CleanText(string text, string parameter)
    {
        ArgumentNullException.ThrowIfNull(text, parameter);
        if (text.Contains('\n', StringComparison.Ordinal) || text.Contains('\r', StringComparison.Ordinal))
        {
            throw new ArgumentException("The text must be one line.", parameter);
        }

        var clean = CollapseSpaces(text);
        return clean.Length switch
        {
            0 => throw new ArgumentException("The text is empty.", parameter),
            > MaxTextLength => throw new ArgumentException($"The text is longer than {MaxTextLength} characters.", parameter),
            _ when clean.Any(char.IsControl) => throw new ArgumentException("The text contains control characters.", parameter),
            _ => clean,
        };
    }

    private static string CollapseSpaces(string text) => Spaces().Replace(text.Trim(), " ");

    private static void CheckName(string name, string parameter)
    {
        ArgumentNullException.ThrowIfNull(name, parameter);
        if (!SafeName().IsMatch(name))
        {
            throw new ArgumentException($"'{name}' is not a valid {parameter} (lower-case letters, digits, - and _).", parameter);
        }
    }

    /// <summary>Holds the folder's edit lock until disposed; waits up to ten seconds for another editor.</summary>
    private static FileStream EditLock(string root)
    {
        var path = Path.Combine(root, LockFileName);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (waited.Elapsed < _lockWait && Directory.Exists(root))
            {
                Thread.Sleep(50);
            }
        }
    }

    private static void WriteAtomically(string path, string content)
    {
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            File.WriteAllText(temp, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$")]
    private static partial Regex SafeName();
}
