namespace KnowledgeIndex.Analysis;

/// <summary>
/// A light Polish stemmer on folded text (ł→l, ą→a, ...): strips the longest common inflectional ending while keeping a
/// stem of at least four letters, so that <c>wyplaty</c>, <c>wyplate</c>, <c>wyplata</c> share one term. Folding first means
/// a player who types without Polish letters gets the same stem.
/// </summary>
internal static class PolishStemmer
{
    private const int MinStem = 4;

    // Longest first; endings of nouns, adjectives, verbs and verbal nouns (folded).
    private static readonly string[] Endings =
    [
        "owaniami", "owaniach", "owaniem", "aniami", "aniach", "eniami", "eniach", "owania", "owaniu", "owanie",
        "ujecie", "owalem", "owalam", "owalismy",
        "aniem", "eniem", "owego", "owemu", "owych", "owymi", "ujesz", "ujemy", "alismy", "ilismy",
        "ania", "aniu", "anie", "enia", "eniu", "enie", "owej", "owym", "owac", "ywac", "iwac", "acie", "ecie", "uje", "uja",
        "alem", "alam", "ilem", "ilam", "elem", "elam",
        "ego", "emu", "ych", "ymi", "ich", "imi", "iej", "ami", "ach", "owi", "owa", "owe", "owy", "esz", "emy", "amy",
        "asz", "aja", "eja", "aly", "ali", "ala", "ily", "ili", "ila", "eli", "ela", "cie",
        "ej", "ym", "im", "ow", "om", "em", "ie", "iu", "ia", "io", "ac", "ec", "ic", "yc", "am", "al", "il", "el", "my",
        "a", "e", "i", "o", "u", "y", "l",
    ];

    /// <summary>The stem of a folded Polish word.</summary>
    public static string Stem(string word)
    {
        foreach (var ending in Endings)
        {
            if (word.Length - ending.Length >= MinStem && word.EndsWith(ending, StringComparison.Ordinal))
            {
                return word[..^ending.Length];
            }
        }

        return word;
    }
}
