using System.Buffers;

namespace KnowledgeIndex.Analysis;

/// <summary>
/// A light English stemmer: plural -s/-es/-ies, -ing, -ed, a doubled final consonant and a final e, so that
/// <c>withdraws</c>, <c>withdrawing</c>, <c>closed</c>, <c>closing</c> and <c>close</c> meet.
/// </summary>
internal static class EnglishStemmer
{
    private static readonly SearchValues<char> Vowels = SearchValues.Create("aeiouy");

    /// <summary>The stem of a folded English word.</summary>
    public static string Stem(string word)
    {
        if (word.Length <= 3 || !char.IsLetter(word[^1]))
        {
            return word;
        }

        var w = word;
        if (w.EndsWith("ies", StringComparison.Ordinal) || w.EndsWith("ied", StringComparison.Ordinal))
        {
            w = w.Length > 4 ? w[..^3] + "y" : w[..^1];
        }
        else if (w.EndsWith("sses", StringComparison.Ordinal))
        {
            w = w[..^2];
        }
        else if (w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal)
            && !w.EndsWith("is", StringComparison.Ordinal))
        {
            w = w[..^1];
        }

        if (w.Length > 5 && w.EndsWith("ing", StringComparison.Ordinal) && HasVowel(w.AsSpan(0, w.Length - 3)))
        {
            w = Undouble(w[..^3]);
        }
        else if (w.Length > 4 && w.EndsWith("ed", StringComparison.Ordinal) && HasVowel(w.AsSpan(0, w.Length - 2)))
        {
            w = Undouble(w[..^2]);
        }

        return w.Length > 3 && w.EndsWith('e') ? w[..^1] : w;
    }

    private static string Undouble(string w) =>
        w.Length > 3 && w[^1] == w[^2] && w[^1] is not ('l' or 's' or 'z' or 'e' or 'o') ? w[..^1] : w;

    private static bool HasVowel(ReadOnlySpan<char> s) => s.ContainsAny(Vowels);
}
