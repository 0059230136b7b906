using Intents.Training;

namespace Intents.Tests.Training;

public sealed class CalibrationTests
{
    [Fact]
    public void Train_NoisySyntheticIntents_HeldOutConfidenceMatchesAccuracy()
    {
        var generator = new SyntheticIntents(seed: 3);
        var train = generator.Examples(perIntent: 120);
        var heldOut = generator.Examples(perIntent: 120);
        var sut = CreateSut();

        var classifier = sut.Train(train, "synthetic");
        var predictions = heldOut.Select(e => (Gold: e.Intent, Prediction: classifier.Predict(e.Text, "en"))).ToList();

        var accuracy = predictions.Average(p => p.Prediction.Candidates[0].Intent == p.Gold ? 1.0 : 0.0);
        var confidence = predictions.Average(p => p.Prediction.Candidates[0].Probability);
        Assert.InRange(accuracy, 0.5, 0.97);
        Assert.InRange(confidence - accuracy, -0.05, 0.05);
    }

    [Fact]
    public void Train_NoisySyntheticIntents_ConfidentDecisionsBeatOverallAccuracy()
    {
        var generator = new SyntheticIntents(seed: 5);
        var train = generator.Examples(perIntent: 120);
        var heldOut = generator.Examples(perIntent: 120);
        var sut = CreateSut();

        var classifier = sut.Train(train, "synthetic");
        var all = heldOut.Select(e => (Gold: e.Intent, Prediction: classifier.Predict(e.Text, "en"))).ToList();
        var confident = all.Where(p => p.Prediction.IsConfident).ToList();

        // The threshold targets 90% precision on a small held-out fold, so allow a few points of sampling noise.
        Assert.NotEmpty(confident);
        var accuracy = all.Average(p => p.Prediction.Candidates[0].Intent == p.Gold ? 1.0 : 0.0);
        var precision = confident.Average(p => p.Prediction.TopIntent == p.Gold ? 1.0 : 0.0);
        Assert.InRange(precision, 0.8, 1.0);
        Assert.True(precision > accuracy + 0.05, $"confident precision {precision:0.000} vs accuracy {accuracy:0.000}");
    }

    private static IntentTrainer CreateSut() => new(new TrainerOptions { Seed = 11 });

    /// <summary>Sentences mixing own-intent words, other intents' words and shared filler, so accuracy is imperfect.</summary>
    private sealed class SyntheticIntents
    {
        private const int Intents = 6;
        private readonly DeterministicRandom _random;
        private readonly string[][] _intentWords;
        private readonly string[] _filler;

        public SyntheticIntents(ulong seed)
        {
            _random = new DeterministicRandom(seed);
            var vocabulary = new DeterministicRandom(1);
            _intentWords = Enumerable.Range(0, Intents).Select(_ => Enumerable.Range(0, 8).Select(_ => Word(vocabulary)).ToArray()).ToArray();
            _filler = Enumerable.Range(0, 40).Select(_ => Word(vocabulary)).ToArray();
        }

        public List<TrainingExample> Examples(int perIntent)
        {
            var list = new List<TrainingExample>();
            for (var intent = 0; intent < Intents; intent++)
            {
                for (var n = 0; n < perIntent; n++)
                {
                    var words = new List<string>();
                    var length = 3 + _random.Next(3);
                    for (var w = 0; w < length; w++)
                    {
                        var roll = _random.Next(100);
                        var source = roll < 30 ? _intentWords[intent] : roll < 50 ? _intentWords[_random.Next(Intents)] : _filler;
                        words.Add(source[_random.Next(source.Length)]);
                    }

                    list.Add(new TrainingExample(string.Join(' ', words), $"intent{intent}", "en"));
                }
            }

            return list;
        }

        private static string Word(DeterministicRandom random) =>
            new(Enumerable.Range(0, 5).Select(_ => (char)('a' + random.Next(26))).ToArray());
    }
}
