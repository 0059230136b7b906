using System.Text.RegularExpressions;
using Markdig;

namespace KnowledgeIndex.Indexing;

/// <summary>Markdown answer bodies as plain-text sentences, for snippets.</summary>
internal static partial class PlainText
{
    /// <summary>The sentences of a Markdown body, in order, with Markdown syntax removed.</summary>
    public static List<string> Sentences(string markdown)
    {
        var plain = Markdown.ToPlainText(markdown);
        var sentences = new List<string>();
        foreach (var line in plain.Split('\n'))
        {
            foreach (var part in SentenceEnd().Split(line))
            {
                var sentence = Whitespace().Replace(part, " ").Trim();
                if (sentence.Length > 0)
                {
                    sentences.Add(sentence);
                }
            }
        }

        return sentences;
    }

    [GeneratedRegex(@"(?<=[.!?…])\s+", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}
