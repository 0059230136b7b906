using System.Numerics;
using System.Runtime.InteropServices;
using Intents.Featurization;
using Intents.Language;
using Intents.Model;

namespace Intents;

/// <summary>
/// The one entry point for prediction: a trained, immutable model (featuriser settings, vocabulary, weights,
/// calibration and language detector), loaded from a versioned model file.
/// </summary>
public sealed class IntentClassifier
{
    private const int MaxCandidates = 5;
    private readonly string[] _labels;
    private readonly TextVectorizer _vectorizer;

    internal IntentClassifier(
        FeaturizerSettings settings,
        Vocabulary vocabulary,
        QuantizedModel model,
        string[] labels,
        int outOfScopeLabel,
        Calibration calibration,
        LanguageDetector languageDetector,
        string dataFingerprint)
    {
        Settings = settings;
        Vocabulary = vocabulary;
        Model = model;
        _labels = labels;
        OutOfScopeLabel = outOfScopeLabel;
        Calibration = calibration;
        LanguageDetector = languageDetector;
        DataFingerprint = dataFingerprint;
        _vectorizer = new TextVectorizer(new NgramFeaturizer(settings), vocabulary);
        Intents = labels.Where((_, i) => i != outOfScopeLabel).ToArray();
    }

    internal FeaturizerSettings Settings { get; }

    internal Vocabulary Vocabulary { get; }

    internal QuantizedModel Model { get; }

    internal IReadOnlyList<string> Labels => _labels;

    /// <summary>Index of the trained out-of-scope class ("oos"), or -1.</summary>
    internal int OutOfScopeLabel { get; }

    internal Calibration Calibration { get; }

    internal LanguageDetector LanguageDetector { get; }

    /// <summary>Loads a model file; throws <see cref="ModelFormatException"/> for an unreadable or incompatible file.</summary>
    public static IntentClassifier Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var stream = File.OpenRead(path);
        return Load(stream);
    }

    /// <summary>Loads a model from a stream.</summary>
    public static IntentClassifier Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return ModelFile.Read(stream);
    }

    /// <summary>Writes the model file.</summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var stream = File.Create(path);
        Save(stream);
    }

    /// <summary>Writes the model to a stream.</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ModelFile.Write(this, stream);
    }

    /// <summary>The caller-supplied fingerprint of the training data, used to decide whether to retrain.</summary>
    public string DataFingerprint { get; }

    /// <summary>Intent labels the model knows.</summary>
    public IReadOnlyList<string> Intents { get; }

    /// <summary>
    /// Ranks intents for <paramref name="text"/>. <paramref name="language"/> is a BCP-47 hint; null means detect.
    /// Thread-safe and allocation-light.
    /// </summary>
    public IntentPrediction Predict(string text, string? language = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (language is null)
        {
            var guess = DetectLanguage(text);
            language = guess.Language == LanguageGuess.Unknown ? "en" : guess.Language;
        }

        Span<float> probs = stackalloc float[Model.Stride];
        Span<int> top = stackalloc int[MaxCandidates + 1];
        var found = Rank(text, probs, top, out var logSumExp);
        if (found == 0)
        {
            return new IntentPrediction(language, [], IntentDecision.OutOfScope);
        }

        var decision = Decide(probs, top, found, logSumExp);
        var candidates = new List<IntentScore>(MaxCandidates);
        for (var i = 0; i < found && candidates.Count < MaxCandidates; i++)
        {
            if (top[i] != OutOfScopeLabel)
            {
                candidates.Add(new IntentScore(_labels[top[i]], probs[top[i]]));
            }
        }

        return new IntentPrediction(language, candidates, decision)
        {
            OutOfScopeProbability = OutOfScopeLabel >= 0 ? probs[OutOfScopeLabel] : 0,
        };
    }

    /// <summary>Detects the language of <paramref name="text"/> (en, ru, pl, vi or <see cref="LanguageGuess.Unknown"/>).</summary>
    public LanguageGuess DetectLanguage(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return LanguageDetector.Detect(text);
    }

    /// <summary>A copy with other decision parameters (used by evaluation to fit thresholds on a validation set).</summary>
    internal IntentClassifier WithCalibration(Calibration calibration) =>
        new(Settings, Vocabulary, Model, _labels, OutOfScopeLabel, calibration, LanguageDetector, DataFingerprint);

    /// <summary>
    /// Calibrated probabilities into <paramref name="probs"/> and the best label indices into <paramref name="top"/>;
    /// returns how many were ranked (0 when the text has no known feature and no bias preference).
    /// </summary>
    internal int Rank(string text, Span<float> probs, Span<int> top, out float logSumExp)
    {
        _vectorizer.Vectorize(text, out var indices, out var values);
        Model.Score(indices, values, probs);
        logSumExp = Softmax(probs[..Model.Classes], (float)(1 / Calibration.Temperature));
        return TopK(probs[..Model.Classes], top);
    }

    /// <summary>Raw logits (for temperature fitting).</summary>
    internal void Logits(string text, Span<float> logits)
    {
        _vectorizer.Vectorize(text, out var indices, out var values);
        Model.Score(indices, values, logits);
    }

    internal IntentDecision Decide(ReadOnlySpan<float> probs, ReadOnlySpan<int> top, int found, float logSumExp)
    {
        if (top[0] == OutOfScopeLabel)
        {
            return IntentDecision.OutOfScope;
        }

        // The out-of-scope class does not count as a rival: compare the best in-scope candidates.
        var p1 = probs[top[0]];
        var second = found > 1 && top[1] == OutOfScopeLabel ? (found > 2 ? top[2] : -1) : (found > 1 ? top[1] : -1);
        var p2 = second < 0 ? 0f : probs[second];
        if (Calibration.OutOfScopeScore(p1, p2, logSumExp) < Calibration.OutOfScopeThreshold)
        {
            return IntentDecision.OutOfScope;
        }

        return p1 >= Calibration.ConfidentThreshold ? IntentDecision.Confident : IntentDecision.Ambiguous;
    }

    /// <summary>Softmax of z / T in place; returns log Σ exp(z / T), the negative free energy used for out-of-scope scoring.</summary>
    internal static float Softmax(Span<float> z, float inverseTemperature)
    {
        var max = float.NegativeInfinity;
        foreach (var v in z)
        {
            max = Math.Max(max, v);
        }

        // Vector.Exp over whole SIMD blocks (150 scalar exps were a tenth of a prediction), scalar for the tail.
        var whole = z.Length - (z.Length % Vector<float>.Count);
        var blocks = MemoryMarshal.Cast<float, Vector<float>>(z[..whole]);
        var shift = new Vector<float>(max);
        var scale = new Vector<float>(inverseTemperature);
        var sums = Vector<float>.Zero;
        for (var i = 0; i < blocks.Length; i++)
        {
            blocks[i] = Vector.Exp((blocks[i] - shift) * scale);
            sums += blocks[i];
        }

        var sum = Vector.Sum(sums);
        for (var i = whole; i < z.Length; i++)
        {
            z[i] = MathF.Exp((z[i] - max) * inverseTemperature);
            sum += z[i];
        }

        var inv = 1f / sum;
        for (var i = 0; i < z.Length; i++)
        {
            z[i] *= inv;
        }

        return (max * inverseTemperature) + MathF.Log(sum);
    }

    private static int TopK(ReadOnlySpan<float> p, Span<int> top)
    {
        var k = Math.Min(top.Length, p.Length);
        var count = 0;
        for (var i = 0; i < p.Length; i++)
        {
            if (count < k)
            {
                count++;
            }
            else if (p[i] <= p[top[k - 1]])
            {
                continue;
            }

            var j = count - 1;
            while (j > 0 && p[top[j - 1]] < p[i])
            {
                top[j] = top[j - 1];
                j--;
            }

            top[j] = i;
        }

        return count;
    }
}
