namespace Intents.Featurization;

/// <summary>
/// Hashes normalised text into 64-bit feature keys: word n-grams and character n-grams. Every feature is taken from the
/// diacritics-folded view; features whose exact characters carry diacritics are added as well, so "wypłata" matches
/// both "wypłata" (stronger) and "wyplata", and text typed without diacritics still hits the folded features.
/// Allocation-free: the caller supplies the buffers.
/// </summary>
internal sealed class NgramFeaturizer(FeaturizerSettings settings)
{
    private const ulong Prime = 0x100000001B3UL;
    private const ulong WordNs = 0x1000;
    private const ulong CharNs = 0x3000;
    private const ulong SkipNs = 0x2000;

    public FeaturizerSettings Settings { get; } = settings;

    /// <summary>
    /// Writes keys for <paramref name="text"/> (normalised) into <paramref name="keys"/>, using <paramref name="folded"/>
    /// (at least as long as the text) as scratch; returns the number of keys.
    /// </summary>
    public int Extract(ReadOnlySpan<char> text, Span<char> folded, Span<ulong> keys) => Extract(text, folded, keys, out _);

    /// <summary>As <see cref="Extract(ReadOnlySpan{char}, Span{char}, Span{ulong})"/>; the first <paramref name="wordKeys"/> keys are word n-grams.</summary>
    public int Extract(ReadOnlySpan<char> text, Span<char> folded, Span<ulong> keys, out int wordKeys)
    {
        wordKeys = 0;
        if (text.IsEmpty)
        {
            return 0;
        }

        var anyFolded = false;
        for (var i = 0; i < text.Length; i++)
        {
            var f = CharFolding.Fold(text[i]);
            folded[i] = f;
            anyFolded |= f != text[i];
        }

        var fold = folded[..text.Length];
        var n = ExtractWords(text, fold, anyFolded, keys);
        wordKeys = n;
        if (Settings.CharNgramMin > 0)
        {
            n = Settings.CharAcrossWords
                ? ExtractChars(text, fold, anyFolded, keys, n)
                : ExtractCharsWithinWords(text, fold, anyFolded, keys, n);
        }

        return n;
    }

    private int ExtractWords(ReadOnlySpan<char> exact, ReadOnlySpan<char> fold, bool anyFolded, Span<ulong> keys)
    {
        var n = 0;
        var maxN = Settings.WordNgramMax;

        // Start positions and folded hashes of the last tokens, as tiny rings.
        Span<int> starts = stackalloc int[4];
        Span<ulong> hashes = stackalloc ulong[4];
        var tokenCount = 0;
        var pos = 0;
        while (pos <= exact.Length)
        {
            var end = exact[pos..].IndexOf(' ');
            end = end < 0 ? exact.Length : pos + end;
            starts[tokenCount & 3] = pos;
            tokenCount++;
            for (var order = 1; order <= maxN && order <= tokenCount; order++)
            {
                var s = starts[(tokenCount - order) & 3];
                var ns = WordNs + (ulong)order;
                var h = Hash(fold[s..end], ns);
                keys[n++] = h;
                if (order == 1)
                {
                    hashes[(tokenCount - 1) & 3] = h;
                }

                if (anyFolded && Differs(exact[s..end], fold[s..end]))
                {
                    keys[n++] = Hash(exact[s..end], ns);
                }
            }

            if (Settings.SkipBigrams && tokenCount >= 3)
            {
                keys[n++] = Finish((hashes[(tokenCount - 3) & 3] * Prime) ^ hashes[(tokenCount - 1) & 3], SkipNs);
            }

            pos = end + 1;
        }

        return n;
    }

    private int ExtractChars(ReadOnlySpan<char> exact, ReadOnlySpan<char> fold, bool anyFolded, Span<ulong> keys, int n)
    {
        var len = exact.Length + 2;
        var min = Settings.CharNgramMin;
        var max = Settings.CharNgramMax;
        var seed = Settings.HashSeed ^ CharNs;
        for (var i = 0; i < len; i++)
        {
            var hf = seed;
            var he = seed;
            var exactDiffers = false;
            var limit = Math.Min(max, len - i);
            for (var k = 0; k < limit; k++)
            {
                var p = i + k;
                var cf = p == 0 || p == len - 1 ? ' ' : fold[p - 1];
                var ce = p == 0 || p == len - 1 ? ' ' : exact[p - 1];
                hf = (hf ^ cf) * Prime;
                he = (he ^ ce) * Prime;
                exactDiffers |= cf != ce;
                if (k + 1 < min || (k == 0 && cf == ' '))
                {
                    continue;
                }

                keys[n++] = Finish(hf, (ulong)k);
                if (exactDiffers)
                {
                    keys[n++] = Finish(he, (ulong)k);
                }
            }
        }

        _ = anyFolded;
        return n;
    }

    private int ExtractCharsWithinWords(ReadOnlySpan<char> exact, ReadOnlySpan<char> fold, bool anyFolded, Span<ulong> keys, int n)
    {
        var pos = 0;
        while (pos <= exact.Length)
        {
            var end = exact[pos..].IndexOf(' ');
            end = end < 0 ? exact.Length : pos + end;
            n = ExtractChars(exact[pos..end], fold[pos..end], anyFolded, keys, n);
            pos = end + 1;
        }

        return n;
    }

    private ulong Hash(ReadOnlySpan<char> chars, ulong ns)
    {
        var h = Settings.HashSeed ^ (ns * 0xC2B2AE3D27D4EB4FUL);
        foreach (var c in chars)
        {
            h = (h ^ c) * Prime;
        }

        return Finish(h, ns);
    }

    private static bool Differs(ReadOnlySpan<char> a, ReadOnlySpan<char> b) => !a.SequenceEqual(b);

    /// <summary>Final avalanche (splitmix64) so the low bits index hash tables well; never returns 0.</summary>
    private static ulong Finish(ulong h, ulong salt)
    {
        h ^= salt * 0x9E3779B97F4A7C15UL;
        h ^= h >> 30;
        h *= 0xBF58476D1CE4E5B9UL;
        h ^= h >> 27;
        h *= 0x94D049BB133111EBUL;
        h ^= h >> 31;
        return h == 0 ? 1 : h;
    }
}
