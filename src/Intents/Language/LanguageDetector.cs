using Intents.Featurization;
using Intents.Model;
using Intents.Training;

namespace Intents.Language;

/// <summary>
/// Softmax regression over hashed character 1–3-grams (folded view plus the diacritic-bearing exact grams, and whole words),
/// trained from the labelled examples' language plus Latin transliterations of the Cyrillic ones, with script cues:
/// Cyrillic text goes to the Cyrillic languages, Latin text to any (it may be transliterated Russian), text without
/// Latin or Cyrillic letters is undetermined.
/// </summary>
internal sealed class LanguageDetector
{
    public const int DefaultBucketBits = 16;
    private static readonly FeaturizerSettings _settings = new(1, 1, 3, true, 0x5851F42D4C957F2DUL);
    private static readonly NgramFeaturizer _featurizer = new(_settings);

    private readonly bool[] _cyrillic;
    private readonly int _mask;

    public LanguageDetector(string[] languages, int bucketBits, float[] weights, float[] bias)
    {
        Model = new LinearModel(1 << bucketBits, languages.Length, weights, bias);
        Languages = languages;
        BucketBits = bucketBits;
        _mask = (1 << bucketBits) - 1;
        _cyrillic = languages.Select(IsCyrillicLanguage).ToArray();
    }

    public string[] Languages { get; }

    public int BucketBits { get; }

    /// <summary>Softmax regression over hashed n-gram buckets (rows) and languages (columns).</summary>
    internal LinearModel Model { get; }

    public static LanguageDetector Train(IEnumerable<(string Text, string Language)> examples, int seed, int bucketBits = DefaultBucketBits)
    {
        var list = examples.Where(e => !string.IsNullOrWhiteSpace(e.Language)).ToList();

        // Transliterated copies of the Cyrillic examples: players type Russian in Latin letters too.
        list.AddRange(list.Where(e => IsCyrillicLanguage(e.Language) && Transliteration.HasCyrillic(e.Text))
            .Select(e => (Transliteration.ToLatin(e.Text), e.Language)).ToList());
        var languages = list.Select(e => e.Language).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var buckets = 1 << bucketBits;
        var rowStart = new int[list.Count + 1];
        var indices = new List<int>();
        var values = new List<float>();
        var y = new int[list.Count];
        for (var i = 0; i < list.Count; i++)
        {
            y[i] = Array.IndexOf(languages, list[i].Language);
            var (idx, val) = Vector(TextVectorizer.Keys(_featurizer, list[i].Text), buckets - 1);
            indices.AddRange(idx);
            values.AddRange(val);
            rowStart[i + 1] = indices.Count;
        }

        if (languages.Length < 2)
        {
            return new LanguageDetector(languages, bucketBits, new float[buckets * LinearModel.PaddedStride(languages.Length)], new float[LinearModel.PaddedStride(languages.Length)]);
        }

        var options = new TrainerOptions { Epochs = 15, LearningRate = 1.0, L2 = 1e-6 };
        var x = new SparseMatrix(rowStart, [.. indices], [.. values]);
        var model = SoftmaxTrainer.Train(x, y, Enumerable.Range(0, list.Count).ToList(), buckets, languages.Length, options, (ulong)seed + 77, CancellationToken.None);
        return new LanguageDetector(languages, bucketBits, model.Weights, model.Bias);
    }

    /// <summary>Bucket indices (ascending) with L2-normalised counts.</summary>
    private static (int[] Indices, float[] Values) Vector(ulong[] keys, int mask)
    {
        var buckets = new int[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            buckets[i] = (int)keys[i] & mask;
        }

        Array.Sort(buckets);
        var indices = new int[buckets.Length];
        var values = new float[buckets.Length];
        var n = 0;
        var sum = 0f;
        for (var i = 0; i < buckets.Length; i++)
        {
            if (n > 0 && indices[n - 1] == buckets[i])
            {
                values[n - 1]++;
                continue;
            }

            indices[n] = buckets[i];
            values[n++] = 1;
        }

        for (var i = 0; i < n; i++)
        {
            sum += values[i] * values[i];
        }

        var inv = n == 0 ? 0 : 1 / MathF.Sqrt(sum);
        for (var i = 0; i < n; i++)
        {
            values[i] *= inv;
        }

        return (indices[..n], values[..n]);
    }

    public LanguageGuess Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Languages.Length == 0)
        {
            return new LanguageGuess(LanguageGuess.Unknown, 0);
        }

        int latin = 0, cyrillic = 0, other = 0, vietnameseOnly = 0, polishOnly = 0;
        foreach (var ch in text)
        {
            if (!char.IsLetter(ch))
            {
                continue;
            }

            var c = char.ToLowerInvariant(ch);
            if (c is >= '\u1EA0' and <= '\u1EF9' or 'ơ' or 'ư' or 'ă' or 'đ')
            {
                vietnameseOnly++;
            }
            else if (c is 'ą' or 'ę' or 'ł' or 'ń' or 'ś' or 'ź' or 'ż' or 'ć')
            {
                polishOnly++;
            }

            if (c is >= '\u0400' and <= '\u04FF')
            {
                cyrillic++;
            }
            else if (c < '\u0250' || c is >= '\u1E00' and <= '\u1EFF')
            {
                latin++;
            }
            else
            {
                other++;
            }
        }

        if (latin + cyrillic == 0 || other > latin + cyrillic)
        {
            return new LanguageGuess(LanguageGuess.Unknown, 0);
        }

        // Letters only one of the languages uses decide on their own, even amid English words ("withdraw tiền").
        var byLetters = vietnameseOnly > polishOnly ? Array.IndexOf(Languages, "vi") : polishOnly > 0 ? Array.IndexOf(Languages, "pl") : -1;
        if (byLetters >= 0 && cyrillic == 0)
        {
            return new LanguageGuess(Languages[byLetters], 0.99);
        }

        // Russian messages often carry Latin brand names ("как подключить google authenticator"); Cyrillic text is
        // never a Latin-script language, but Latin text may be transliterated Russian ("kak vyvesti dengi").
        var wantCyrillic = cyrillic >= 3 || cyrillic > latin;
        var n = Languages.Length;
        Span<bool> allowed = stackalloc bool[n];
        var anyAllowed = false;
        for (var l = 0; l < n; l++)
        {
            allowed[l] = !wantCyrillic || _cyrillic[l];
            anyAllowed |= allowed[l];
        }

        if (!anyAllowed)
        {
            return new LanguageGuess(LanguageGuess.Unknown, 0);
        }

        var (indices, values) = Vector(TextVectorizer.Keys(_featurizer, text), _mask);
        Span<float> scores = stackalloc float[Model.Stride];
        Model.Score(indices, values, scores);
        var best = -1;
        var max = float.NegativeInfinity;
        for (var l = 0; l < n; l++)
        {
            if (allowed[l] && scores[l] > max)
            {
                best = l;
                max = scores[l];
            }
        }

        var sum = 0.0;
        for (var l = 0; l < n; l++)
        {
            if (allowed[l])
            {
                sum += Math.Exp(scores[l] - max);
            }
        }

        return new LanguageGuess(Languages[best], 1.0 / sum);
    }

    private static bool IsCyrillicLanguage(string language) =>
        language.Split('-')[0] is "ru" or "uk" or "be" or "bg" or "sr" or "mk" or "kk";
}
