using System.Security.Cryptography;
using System.Text;

namespace KnowledgeIndex.Indexing;

/// <summary>Reads the knowledge base from <c>data/faq</c>.</summary>
public static class FaqSource
{
    /// <summary>
    /// The per-language file of messages no article answers (<c>&lt;lang&gt;/out-of-scope.txt</c>, one per line; blank
    /// lines and lines starting with # are skipped): the classifier's out-of-scope class learns from them.
    /// </summary>
    public const string OutOfScopeFileName = "out-of-scope.txt";

    /// <summary>Reads every <c>&lt;lang&gt;/*.md</c> under <paramref name="root"/>; throws <see cref="FaqFormatException"/> naming the file on bad front matter.</summary>
    /// <param name="root">The <c>data/faq</c> folder.</param>
    /// <returns>Articles ordered by language, then id.</returns>
    public static IReadOnlyList<FaqArticle> Load(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"FAQ folder not found: {root}");
        }

        var articles = new List<FaqArticle>();
        foreach (var (_, file) in SourceFiles(root).Where(f => !IsOutOfScopeFile(f.Relative)))
        {
            articles.Add(FaqFileParser.Parse(file, File.ReadAllText(file, Encoding.UTF8)));
        }

        return articles;
    }

    /// <summary>Every language's <see cref="OutOfScopeFileName"/> messages, ordered by language, then line.</summary>
    /// <param name="root">The <c>data/faq</c> folder.</param>
    /// <returns>(language, message) pairs; empty when no language has the file.</returns>
    public static IReadOnlyList<(string Language, string Text)> OutOfScopeMessages(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        var messages = new List<(string, string)>();
        foreach (var (relative, file) in SourceFiles(root).Where(f => IsOutOfScopeFile(f.Relative)))
        {
            var language = relative[..relative.IndexOf('/', StringComparison.Ordinal)];
            foreach (var line in File.ReadLines(file, Encoding.UTF8))
            {
                var text = line.Trim().TrimStart('\uFEFF');
                if (text.Length > 0 && !text.StartsWith('#'))
                {
                    messages.Add((language, text));
                }
            }
        }

        return messages;
    }

    /// <summary>A stable hash of every article and out-of-scope file under <paramref name="root"/> (paths and contents).</summary>
    /// <param name="root">The <c>data/faq</c> folder.</param>
    /// <returns>Lower-case hex SHA-256; it changes when any such file is added, removed, renamed or edited.</returns>
    public static string Fingerprint(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> length = stackalloc byte[8];
        foreach (var (relative, file) in SourceFiles(root))
        {
            var content = File.ReadAllBytes(file);
            var path = Encoding.UTF8.GetBytes(relative);
            // Length-prefix both parts so that no two different file sets hash the same byte stream.
            BitConverter.TryWriteBytes(length, (long)path.Length);
            hash.AppendData(length);
            hash.AppendData(path);
            BitConverter.TryWriteBytes(length, (long)content.Length);
            hash.AppendData(length);
            hash.AppendData(content);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static bool IsOutOfScopeFile(string relative) => relative.EndsWith("/" + OutOfScopeFileName, StringComparison.Ordinal);

    // <lang>/<id>.md and <lang>/out-of-scope.txt files, sorted by their '/'-separated relative path (ordinal, so the
    // order is culture-independent).
    private static List<(string Relative, string File)> SourceFiles(string root)
    {
        if (!Directory.Exists(root))
        {
            return [];
        }

        var files = new List<(string, string)>();
        foreach (var dir in Directory.EnumerateDirectories(root))
        {
            var language = Path.GetFileName(dir);
            if (language.StartsWith('.'))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(dir, "*.md"))
            {
                files.Add((language + "/" + Path.GetFileName(file), file));
            }

            var outOfScope = Path.Combine(dir, OutOfScopeFileName);
            if (File.Exists(outOfScope))
            {
                files.Add((language + "/" + OutOfScopeFileName, outOfScope));
            }
        }

        files.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
        return files;
    }
}
