using System.Diagnostics;
using Intents;
using Intents.Featurization;
using Intents.Training;
using KnowledgeIndex.Indexing;

namespace Bench.Intents;

/// <summary>
/// k-fold cross-validation on the data/faq training questions: per-language accuracy on the held-out questions, on
/// the same questions with diacritics stripped, and language detection on them and on their 2–3-word prefixes.
/// </summary>
internal static class FaqBench
{
    private const int Folds = 5;
    private static readonly bool _verbose = Environment.GetEnvironmentVariable("INTENTS_BENCH_VERBOSE") == "1";
    private static readonly Dictionary<string, int> _confusions = new(StringComparer.Ordinal);

    public static List<Dictionary<string, object>> Run(string dir, TrainerOptions options)
    {
        var examples = FaqSource.Load(dir)
            .Where(a => a.Intent is not null)
            .SelectMany(a => a.Questions.Select(q => new TrainingExample(q, a.Intent!, a.Language)))
            .ToList();
        new DeterministicRandom((ulong)options.Seed).Shuffle(examples);

        var stats = new Dictionary<string, Counts>(StringComparer.Ordinal);
        for (var fold = 0; fold < Folds; fold++)
        {
            var train = examples.Where((_, i) => i % Folds != fold).ToList();
            var test = examples.Where((_, i) => i % Folds == fold).ToList();
            var classifier = new IntentTrainer(options).Train(train, $"faq-fold-{fold}");
            foreach (var e in test)
            {
                var c = stats.TryGetValue(e.Language, out var existing) ? existing : stats[e.Language] = new Counts();
                var words = e.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                c.Questions++;
                var predicted = classifier.Predict(e.Text, e.Language).TopCandidate();
                c.Correct += predicted == e.Intent ? 1 : 0;
                if (predicted != e.Intent)
                {
                    var pair = $"{e.Intent} -> {predicted}";
                    _confusions[pair] = _confusions.GetValueOrDefault(pair) + 1;
                    if (_verbose)
                    {
                        Console.Error.WriteLine($"miss {e.Language} {pair}: {e.Text}");
                    }
                }

                c.StrippedCorrect += classifier.Predict(Strip(e.Text), e.Language).TopCandidate() == e.Intent ? 1 : 0;
                var detected = classifier.DetectLanguage(e.Text).Language;
                c.LanguageCorrect += detected == e.Language ? 1 : 0;
                if (detected != e.Language && _verbose)
                {
                    Console.Error.WriteLine($"language {e.Language} -> {detected}: {e.Text}");
                }

                c.StrippedLanguageCorrect += classifier.DetectLanguage(Strip(e.Text)).Language == e.Language ? 1 : 0;
                foreach (var n in new[] { 2, 3 })
                {
                    if (words.Length >= n)
                    {
                        c.Prefixes++;
                        c.PrefixLanguageCorrect += classifier.DetectLanguage(string.Join(' ', words[..n])).Language == e.Language ? 1 : 0;
                    }
                }
            }
        }

        foreach (var (pair, count) in _confusions.Where(_ => _verbose).OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(25))
        {
            Console.Error.WriteLine($"confused {count,4}  {pair}");
        }

        var sw = Stopwatch.StartNew();
        var full = new IntentTrainer(options).Train(examples, "faq");
        var trainSeconds = sw.Elapsed.TotalSeconds;
        var trainLanguage = examples.Count(e => full.DetectLanguage(e.Text).Language == e.Language);
        var (bytes, loadMs) = Measurement.SizeAndLoad(full);
        var texts = examples.Select(e => e.Text).ToList();
        var (p50, p99) = Measurement.Latency(full, texts, language: null);
        var (hintP50, hintP99) = Measurement.Latency(full, texts);

        var rows = new List<Dictionary<string, object>>();
        foreach (var (language, c) in stats.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            rows.Add(new Dictionary<string, object>
            {
                ["name"] = $"faq/{language}",
                ["questions"] = c.Questions,
                ["accuracy"] = Pct(c.Correct, c.Questions),
                ["stripped_accuracy"] = Pct(c.StrippedCorrect, c.Questions),
                ["language_accuracy"] = Pct(c.LanguageCorrect, c.Questions),
                ["stripped_language_accuracy"] = Pct(c.StrippedLanguageCorrect, c.Questions),
                ["short_language_accuracy"] = Pct(c.PrefixLanguageCorrect, c.Prefixes),
            });
        }

        var all = stats.Values.Aggregate(new Counts(), (a, c) => a.Add(c));
        rows.Add(new Dictionary<string, object>
        {
            ["name"] = "faq/all",
            ["questions"] = all.Questions,
            ["intents"] = full.Intents.Count,
            ["accuracy"] = Pct(all.Correct, all.Questions),
            ["stripped_accuracy"] = Pct(all.StrippedCorrect, all.Questions),
            ["language_accuracy"] = Pct(all.LanguageCorrect, all.Questions),
            ["stripped_language_accuracy"] = Pct(all.StrippedLanguageCorrect, all.Questions),
            ["short_language_accuracy"] = Pct(all.PrefixLanguageCorrect, all.Prefixes),
            ["training_questions_language_accuracy"] = Pct(trainLanguage, examples.Count),
            ["train_seconds"] = Math.Round(trainSeconds, 2),
            ["predict_p50_us"] = Math.Round(p50, 2),
            ["predict_p99_us"] = Math.Round(p99, 2),
            ["predict_hinted_p50_us"] = Math.Round(hintP50, 2),
            ["predict_hinted_p99_us"] = Math.Round(hintP99, 2),
            ["model_bytes"] = bytes,
            ["load_ms"] = Math.Round(loadMs, 1),
        });
        return rows;
    }

    private static string Strip(string text)
    {
        var chars = Normalizer.ToNfkc(text).ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = CharFolding.Fold(chars[i]);
        }

        return new string(chars);
    }

    private static string? TopCandidate(this IntentPrediction p) => p.Candidates.Count == 0 ? null : p.Candidates[0].Intent;

    private static double Pct(int part, int total) => total == 0 ? 0 : Math.Round(100.0 * part / total, 2);

    private sealed class Counts
    {
        public int Questions;
        public int Correct;
        public int StrippedCorrect;
        public int LanguageCorrect;
        public int StrippedLanguageCorrect;
        public int Prefixes;
        public int PrefixLanguageCorrect;

        public Counts Add(Counts other)
        {
            Questions += other.Questions;
            Correct += other.Correct;
            StrippedCorrect += other.StrippedCorrect;
            LanguageCorrect += other.LanguageCorrect;
            StrippedLanguageCorrect += other.StrippedLanguageCorrect;
            Prefixes += other.Prefixes;
            PrefixLanguageCorrect += other.PrefixLanguageCorrect;
            return this;
        }
    }
}
