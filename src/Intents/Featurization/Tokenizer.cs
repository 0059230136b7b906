namespace Intents.Featurization;

/// <summary>Splits normalised text (single spaces between tokens) into tokens.</summary>
internal static class Tokenizer
{
    /// <summary>Normalises and splits (allocating; for training, tests and tools).</summary>
    public static IReadOnlyList<string> Tokenize(string text)
    {
        var normalized = Normalizer.Normalize(text);
        return normalized.Length == 0 ? [] : normalized.Split(' ');
    }

    /// <summary>The folded (diacritics-free) tokens of <paramref name="text"/>.</summary>
    public static IReadOnlyList<string> TokenizeFolded(string text)
    {
        var normalized = Normalizer.Normalize(text).ToCharArray();
        for (var i = 0; i < normalized.Length; i++)
        {
            normalized[i] = CharFolding.Fold(normalized[i]);
        }

        return normalized.Length == 0 ? [] : new string(normalized).Split(' ');
    }
}
