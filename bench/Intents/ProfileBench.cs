using System.Diagnostics;
using Intents;
using Intents.Featurization;
using Intents.Training;

namespace Bench.Intents;

/// <summary>
/// `bench intents profile`: mean time per CLINC150 test question of each prediction stage (normalise, featurise,
/// vectorise, score, whole Predict), three rounds, to see where a microsecond goes.
/// </summary>
internal static class ProfileBench
{
    public static void Run(TrainerOptions options)
    {
        var data = Datasets.Clinc150(Datasets.Shared("datasets/clinc150/data_full.json"));
        var classifier = new IntentTrainer(options).Train(data["train"], "p");
        var texts = data["test"].Select(e => e.Text).ToList();
        var vec = new TextVectorizer(new NgramFeaturizer(classifier.Settings), classifier.Vocabulary);
        var norm = new char[4096];
        var fold = new char[4096];
        var keys = new ulong[65536];
        var scores = new float[classifier.Model.Stride];
        for (var rep = 0; rep < 3; rep++)
        {
            Time("nfkc+normalize", texts, t => Normalizer.Normalize(Normalizer.ToNfkc(t), norm));
            Time("normalize+extract", texts, t => new NgramFeaturizer(classifier.Settings).Extract(norm.AsSpan(0, Normalizer.Normalize(Normalizer.ToNfkc(t), norm)), fold, keys));
            Time("extract+lookups", texts, t =>
            {
                var n = new NgramFeaturizer(classifier.Settings).Extract(norm.AsSpan(0, Normalizer.Normalize(Normalizer.ToNfkc(t), norm)), fold, keys);
                var hits = 0;
                for (var k = 0; k < n; k++)
                {
                    hits += classifier.Vocabulary.TryGet(keys[k], out _, out _) ? 1 : 0;
                }

                return hits;
            });
            Time("vectorize", texts, t => vec.Vectorize(t, out _, out _));
            Time("vectorize+score", texts, t =>
            {
                vec.Vectorize(t, out var i, out var v);
                classifier.Model.Score(i, v, scores);
                return 0;
            });
            Time("predict", texts, t => classifier.Predict(t, "en").Candidates.Count);
        }

        var nnz = texts.Average(t => vec.Vectorize(t, out _, out _));
        Console.WriteLine($"mean nnz {nnz:0.0}");
    }

    private static void Time(string name, List<string> texts, Func<string, int> f)
    {
        var sink = 0;
        foreach (var t in texts)
        {
            sink += f(t);
        }

        var sw = Stopwatch.StartNew();
        for (var pass = 0; pass < 3; pass++)
        {
            foreach (var t in texts)
            {
                sink += f(t);
            }
        }

        Console.WriteLine($"{name,-20} {sw.Elapsed.TotalMicroseconds / (3 * texts.Count):0.00} us  ({sink % 2})");
    }
}
