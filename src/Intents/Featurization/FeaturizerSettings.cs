namespace Intents.Featurization;

/// <summary>How text becomes features; stored in the model so training and serving featurise identically.</summary>
/// <param name="WordNgramMax">Longest word n-gram (1–3).</param>
/// <param name="CharNgramMin">Shortest character n-gram (0 disables character n-grams).</param>
/// <param name="CharNgramMax">Longest character n-gram.</param>
/// <param name="CharAcrossWords">True: character n-grams run over the whole text, spanning spaces; false: within words.</param>
/// <param name="HashSeed">Seed of the 64-bit feature hash.</param>
/// <param name="SkipBigrams">Also pair each word with the word two places before it.</param>
internal sealed record FeaturizerSettings(int WordNgramMax, int CharNgramMin, int CharNgramMax, bool CharAcrossWords, ulong HashSeed, bool SkipBigrams = false)
{
    public static FeaturizerSettings Default { get; } = new(2, 2, 4, true, 0x9E3779B97F4A7C15UL);

    /// <summary>Upper bound of keys produced for normalised text of <paramref name="length"/> characters.</summary>
    public int MaxKeys(int length)
    {
        var charSpan = CharNgramMin <= 0 ? 0 : CharNgramMax - CharNgramMin + 1;
        return 2 * (((length + 2) * charSpan) + ((length + 1) * (WordNgramMax + 1))) + 8;
    }
}
