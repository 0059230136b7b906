namespace Intents;

/// <summary>
/// The one entry point for prediction: a trained, immutable model (featuriser settings, vocabulary, weights,
/// calibration and language detector), loaded from a versioned model file.
/// </summary>
public sealed class IntentClassifier
{
    /// <summary>Loads a model file; throws <see cref="ModelFormatException"/> for an unreadable or incompatible file.</summary>
    public static IntentClassifier Load(string path) => throw new NotImplementedException();

    /// <summary>Loads a model from a stream.</summary>
    public static IntentClassifier Load(Stream stream) => throw new NotImplementedException();

    /// <summary>Writes the model file.</summary>
    public void Save(string path) => throw new NotImplementedException();

    /// <summary>Writes the model to a stream.</summary>
    public void Save(Stream stream) => throw new NotImplementedException();

    /// <summary>The caller-supplied fingerprint of the training data, used to decide whether to retrain.</summary>
    public string DataFingerprint => throw new NotImplementedException();

    /// <summary>Intent labels the model knows.</summary>
    public IReadOnlyList<string> Intents => throw new NotImplementedException();

    /// <summary>
    /// Ranks intents for <paramref name="text"/>. <paramref name="language"/> is a BCP-47 hint; null means detect.
    /// Thread-safe and allocation-light.
    /// </summary>
    public IntentPrediction Predict(string text, string? language = null) => throw new NotImplementedException();

    /// <summary>Detects the language of <paramref name="text"/> (en, ru, pl, vi or <see cref="LanguageGuess.Unknown"/>).</summary>
    public LanguageGuess DetectLanguage(string text) => throw new NotImplementedException();
}
