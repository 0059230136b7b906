namespace Intents.Training;

/// <summary>A labelled training question.</summary>
/// <param name="Text">What the player wrote.</param>
/// <param name="Intent">Intent id.</param>
/// <param name="Language">BCP-47 language of the text.</param>
public sealed record TrainingExample(string Text, string Intent, string Language);

/// <summary>Trains an <see cref="IntentClassifier"/> deterministically (fixed seed) from labelled examples.</summary>
public sealed class IntentTrainer(TrainerOptions options)
{
    /// <summary>Trains, calibrates on held-out folds and returns the immutable classifier.</summary>
    public IntentClassifier Train(
        IReadOnlyList<TrainingExample> examples,
        string dataFingerprint,
        IProgress<string>? progress = null,
        CancellationToken cancellationToken = default) => throw new NotImplementedException();
}
