using Intents.Training;

namespace Intents.Tests;

public sealed class IntentClassifierTests
{
    [Theory]
    [InlineData("en", "i would like to withdraw my winnings", "withdrawal")]
    [InlineData("en", "forgot password", "password_reset")]
    [InlineData("ru", "хочу вывести деньги на карту", "withdrawal")]
    [InlineData("ru", "забыл пароль", "password_reset")]
    [InlineData("pl", "jak doładować konto kartą", "deposit")]
    [InlineData("pl", "zapomnialem hasla", "password_reset")]
    [InlineData("vi", "tôi muốn nạp tiền", "deposit")]
    [InlineData("vi", "quen mat khau", "password_reset")]
    public void Predict_KnownQuestion_RanksIntentFirst(string language, string text, string intent)
    {
        var sut = CreateSut();

        var prediction = sut.Predict(text, language);

        Assert.Equal(intent, prediction.Candidates[0].Intent);
        Assert.Equal(language, prediction.Language);
        Assert.NotEqual(IntentDecision.OutOfScope, prediction.Decision);
    }

    [Theory]
    [InlineData("qwzx vbnmk plrtg")]
    [InlineData("xkcd zzyzx qqq jjj")]
    [InlineData("фывапролджэ йцукен")]
    public void Predict_Gibberish_IsOutOfScope(string text)
    {
        var sut = CreateSut();

        var prediction = sut.Predict(text);

        Assert.Equal(IntentDecision.OutOfScope, prediction.Decision);
        Assert.Null(prediction.TopIntent);
    }

    [Fact]
    public void Predict_TrainedOutOfScopeClass_RecognisesTaughtMessagesButNotQuestions()
    {
        string[] offTopic = ["what is the weather tomorrow", "tell me a joke", "who wins the match tonight", "recipe for pancakes", "test test"];
        var examples = TestData.Examples
            .Concat(offTopic.SelectMany(t => new[] { t, t + " please", "hey " + t }).Select(t => new TrainingExample(t, "oos", "en")))
            .ToList();
        var sut = new IntentTrainer(new TrainerOptions { Epochs = 30 }).Train(examples, "test-data-oos");

        var weather = sut.Predict("what is the weather tomorrow please", "en");
        var question = sut.Predict("forgot password", "en");

        Assert.True(weather.IsRecognisedOutOfScope);
        Assert.True(weather.OutOfScopeProbability > weather.Confidence);
        Assert.DoesNotContain(weather.Candidates, c => c.Intent == "oos");
        Assert.False(question.IsRecognisedOutOfScope);
        Assert.Equal("password_reset", question.TopIntent);
    }

    [Fact]
    public void Predict_Always_ReturnsAtMostFiveCandidatesBestFirstWithProbabilities()
    {
        var sut = CreateSut();

        var prediction = sut.Predict("how do i withdraw my money");

        Assert.InRange(prediction.Candidates.Count, 1, 5);
        Assert.Equal(prediction.Candidates.OrderByDescending(c => c.Probability).Select(c => c.Intent), prediction.Candidates.Select(c => c.Intent));
        Assert.All(prediction.Candidates, c => Assert.InRange(c.Probability, 0, 1));
    }

    [Fact]
    public void Predict_ManyThreads_MatchesSingleThreaded()
    {
        var sut = CreateSut();
        var texts = TestData.Examples.Select(e => e.Text).ToArray();
        var expected = texts.Select(t => sut.Predict(t, "en").Candidates[0]).ToArray();

        var actual = new IntentScore[texts.Length];
        Parallel.For(0, texts.Length * 8, i => actual[i % texts.Length] = sut.Predict(texts[i % texts.Length], "en").Candidates[0]);

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Predict_NullText_Throws()
    {
        var sut = CreateSut();

        Assert.Throws<ArgumentNullException>(() => sut.Predict(null!));
    }

    private static IntentClassifier CreateSut() => TrainedModel.Classifier;

    [Fact]
    public void Softmax_Logits_NormalisesAndReturnsLogSumExp()
    {
        var logits = Enumerable.Range(0, 19).Select(i => MathF.Cos(i) * 3).ToArray();
        var z = logits.ToArray();
        var expected = Math.Log(logits.Sum(v => Math.Exp(v / 0.5)));

        var logSumExp = IntentClassifier.Softmax(z, 1 / 0.5f);

        Assert.Equal(expected, logSumExp, 4);
        Assert.Equal(1.0, z.Sum(), 5);
        Assert.Equal(Math.Exp((logits[3] / 0.5) - expected), z[3], 5);
    }
}
