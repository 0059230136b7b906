using Intents.Training;

namespace Intents.Tests;

/// <summary>One classifier trained on <see cref="TestData"/>, shared by the tests that only read it.</summary>
internal static class TrainedModel
{
    private static readonly Lazy<IntentClassifier> _classifier = new(() => Train());

    public static IntentClassifier Classifier => _classifier.Value;

    public static IntentClassifier Train(int seed = 42) =>
        new IntentTrainer(new TrainerOptions { Seed = seed, Epochs = 30 }).Train(TestData.Examples, "test-data-v1");
}
