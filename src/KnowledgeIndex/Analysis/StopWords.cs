using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace KnowledgeIndex.Analysis;

/// <summary>Per-language stop-word lists, embedded as <c>StopWords/&lt;lang&gt;.txt</c> and folded like the text.</summary>
internal static class StopWords
{
    private static readonly ConcurrentDictionary<string, FrozenSet<string>> Cache = new(StringComparer.Ordinal);

    /// <summary>The folded stop words of <paramref name="language"/>, or an empty set for a language without a list.</summary>
    public static FrozenSet<string> For(string language) => Cache.GetOrAdd(language, Load);

    private static FrozenSet<string> Load(string language)
    {
        using var stream = typeof(StopWords).Assembly.GetManifestResourceStream($"KnowledgeIndex.StopWords.{language}.txt");
        if (stream is null)
        {
            return FrozenSet<string>.Empty;
        }

        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var word = line.Trim();
            if (word.Length > 0 && word[0] != '#')
            {
                words.Add(TextFolding.Fold(word));
            }
        }

        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
