using Intents.Model;

namespace Intents.Tests.Model;

public sealed class ModelFileTests
{
    [Fact]
    public void Load_SavedModel_PredictsExactlyAsBeforeSaving()
    {
        var sut = TrainedModel.Classifier;
        using var stream = new MemoryStream();
        sut.Save(stream);
        stream.Position = 0;

        var loaded = IntentClassifier.Load(stream);

        Assert.Equal(sut.DataFingerprint, loaded.DataFingerprint);
        Assert.Equal(sut.Intents, loaded.Intents);
        foreach (var e in TestData.Examples.Concat([new Intents.Training.TrainingExample("zzqx blorf", "", "")]))
        {
            var before = sut.Predict(e.Text);
            var after = loaded.Predict(e.Text);
            Assert.Equal(before.Language, after.Language);
            Assert.Equal(before.Decision, after.Decision);
            Assert.Equal(before.Candidates, after.Candidates);
        }
    }

    [Fact]
    public void Load_OtherVersion_ThrowsModelFormatExceptionNamingBothVersions()
    {
        var bytes = Save(TrainedModel.Classifier);
        BitConverter.TryWriteBytes(bytes.AsSpan(4, 4), ModelFile.CurrentVersion + 1);

        var e = Assert.Throws<ModelFormatException>(() => IntentClassifier.Load(new MemoryStream(bytes)));

        Assert.Equal(ModelFile.CurrentVersion, e.ExpectedVersion);
        Assert.Equal(ModelFile.CurrentVersion + 1, e.FoundVersion);
        Assert.Contains($"expected {ModelFile.CurrentVersion}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TruncatedFile_ThrowsModelFormatException()
    {
        var bytes = Save(TrainedModel.Classifier);

        Assert.Throws<ModelFormatException>(() => IntentClassifier.Load(new MemoryStream(bytes[..(bytes.Length / 2)])));
    }

    [Fact]
    public void Load_NotAModel_ThrowsModelFormatException()
    {
        var bytes = "not a model at all"u8.ToArray();

        Assert.Throws<ModelFormatException>(() => IntentClassifier.Load(new MemoryStream(bytes)));
    }

    [Fact]
    public void Train_SameSeed_WritesIdenticalBytes()
    {
        var first = Save(TrainedModel.Train(seed: 7));

        var second = Save(TrainedModel.Train(seed: 7));

        Assert.Equal(first, second);
    }

    private static byte[] Save(IntentClassifier classifier)
    {
        using var stream = new MemoryStream();
        classifier.Save(stream);
        return stream.ToArray();
    }
}
