using Intents.Training;

namespace Intents.Tests.Training;

public sealed class TrainerOptionsTests
{
    [Fact]
    public void Defaults_AreTheMeasuredSettings()
    {
        var sut = new TrainerOptions();

        Assert.Equal(42, sut.Seed);
        Assert.Equal(12, sut.Epochs);
        Assert.Equal(1.0, sut.LearningRate);
        Assert.Equal(2, sut.WordNgramMax);
        Assert.Equal((2, 4), (sut.CharNgramMin, sut.CharNgramMax));
        Assert.True(sut.CharAcrossWords);
        Assert.Equal(2, sut.MinDocumentFrequency);
        Assert.Equal(1, sut.EnsembleSize);
        Assert.Equal((0.2, 0.003), (sut.NaiveBayesWeight, sut.NaiveBayesSmoothing));
        Assert.Equal("oos", sut.OutOfScopeLabel);
        sut.Validate();
    }

    [Theory]
    [InlineData(0, 1.0, 2)]
    [InlineData(10, 0.0, 2)]
    [InlineData(10, 1.0, 4)]
    public void Validate_InvalidValue_Throws(int epochs, double learningRate, int wordNgramMax)
    {
        var sut = new TrainerOptions { Epochs = epochs, LearningRate = learningRate, WordNgramMax = wordNgramMax };

        Assert.Throws<ArgumentOutOfRangeException>(sut.Validate);
    }

    [Theory]
    [InlineData(-0.1, 0.003)]
    [InlineData(0.2, 0.0)]
    public void Validate_InvalidNaiveBayesSetting_Throws(double weight, double smoothing)
    {
        var sut = new TrainerOptions { NaiveBayesWeight = weight, NaiveBayesSmoothing = smoothing };

        Assert.Throws<ArgumentOutOfRangeException>(sut.Validate);
    }

    [Fact]
    public void Train_NoExamples_Throws()
    {
        var sut = new IntentTrainer(new TrainerOptions());

        Assert.Throws<ArgumentException>(() => sut.Train([], "empty"));
    }
}
