using System.Globalization;
using Intents.Training;

namespace Bench.Intents;

/// <summary>Command-line options of the intents bench: positional arguments plus --name value pairs.</summary>
internal sealed class BenchArgs
{
    private readonly Dictionary<string, string> _named = new(StringComparer.Ordinal);

    public BenchArgs(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                var name = args[i][2..];
                var value = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true";
                _named[name] = value;
            }
            else
            {
                Positional.Add(args[i]);
            }
        }
    }

    public List<string> Positional { get; } = [];

    public string? Get(string name) => _named.TryGetValue(name, out var v) ? v : null;

    public TrainerOptions TrainerOptions()
    {
        var o = new TrainerOptions();
        o.Seed = Int("seed", o.Seed);
        o.Epochs = Int("epochs", o.Epochs);
        o.LearningRate = Double("lr", o.LearningRate);
        o.L2 = Double("l2", o.L2);
        o.WordNgramMax = Int("word-max", o.WordNgramMax);
        o.CharNgramMin = Int("char-min", o.CharNgramMin);
        o.CharNgramMax = Int("char-max", o.CharNgramMax);
        o.CharAcrossWords = Get("within-words") is null;
        o.WordWeight = Double("word-weight", o.WordWeight);
        o.HingeLoss = Get("hinge") is not null;
        o.EnsembleSize = Int("ensemble", o.EnsembleSize);
        o.SkipBigrams = Get("skip-bigrams") is not null;
        o.TransliterateCyrillic = Get("translit") is not null;
        o.MinDocumentFrequency = Int("min-df", o.MinDocumentFrequency);
        o.NaiveBayesWeight = Double("nb", o.NaiveBayesWeight);
        o.NaiveBayesSmoothing = Double("nb-alpha", o.NaiveBayesSmoothing);
        return o;
    }

    private int Int(string name, int fallback) => Get(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    private double Double(string name, double fallback) => Get(name) is { } v ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;
}
