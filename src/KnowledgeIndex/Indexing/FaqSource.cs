using System.Security.Cryptography;
using System.Text;

namespace KnowledgeIndex.Indexing;

/// <summary>Reads the knowledge base from <c>data/faq</c>.</summary>
public static class FaqSource
{
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
        foreach (var (_, file) in ArticleFiles(root))
        {
            articles.Add(FaqFileParser.Parse(file, File.ReadAllText(file, Encoding.UTF8)));
        }

        return articles;
    }

    /// <summary>A stable hash of every article file under <paramref name="root"/> (paths and contents).</summary>
    /// <param name="root">The <c>data/faq</c> folder.</param>
    /// <returns>Lower-case hex SHA-256; it changes when any article file is added, removed, renamed or edited.</returns>
    public static string Fingerprint(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> length = stackalloc byte[8];
        foreach (var (relative, file) in ArticleFiles(root))
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

    // <lang>/<id>.md files, sorted by their '/'-separated relative path (ordinal, so the order is culture-independent).
    private static List<(string Relative, string File)> ArticleFiles(string root)
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
        }

        files.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
        return files;
    }
}
