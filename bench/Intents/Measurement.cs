using System.Diagnostics;
using Intents;
using Intents.Training;

namespace Bench.Intents;

/// <summary>Trains, optionally refits thresholds on a validation set, and measures accuracy, size, load time and latency.</summary>
internal static class Measurement
{
    public const string OutOfScope = "oos";
    public const double HeadlineRetention = 0.995;

    public static Dictionary<string, object> Run(
        string name, List<TrainingExample> train, List<TrainingExample>? validation, List<TrainingExample> test, TrainerOptions options)
    {
        var sw = Stopwatch.StartNew();
        var classifier = new IntentTrainer(options).Train(train, name);
        var trainSeconds = sw.Elapsed.TotalSeconds;

        var extra = new Dictionary<string, object>();
        if (validation is not null)
        {
            var scores = Evaluation.Score(classifier, validation.Select(e => (e.Text, e.Intent)), OutOfScope);
            var validationInScope = scores.Where(s => !s.GoldOutOfScope).ToList();
            extra["val_accuracy"] = Math.Round(100.0 * validationInScope.Count(s => s.Correct && !s.PredictedOutOfScopeClass) / validationInScope.Count, 2);
            foreach (var keep in new[] { 0.99, 0.98, 0.95 })
            {
                var atRetention = classifier.WithCalibration(Evaluation.FitThresholds(scores, classifier.Calibration.Temperature, options, keep));
                var r = Evaluation.Evaluate(atRetention, test.Select(e => (e.Text, e.Intent)), OutOfScope);
                var tag = ((int)Math.Round(keep * 1000)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                extra[$"retain{tag}_in_scope"] = Math.Round(r.InScopeAccuracy * 100, 2);
                extra[$"retain{tag}_oos_recall"] = Math.Round(r.OutOfScopeRecall * 100, 2);
            }

            // Headline operating point: keep 99.5% of the correctly classified validation questions in scope; the
            // margin weight is the one rejecting most validation out-of-scope questions at that retention. The
            // threshold maximising in-scope accuracy + out-of-scope recall is reported as maxsum_*.
            var maxSum = classifier.WithCalibration(Evaluation.FitThresholds(scores, classifier.Calibration.Temperature, options));
            var m = Evaluation.Evaluate(maxSum, test.Select(e => (e.Text, e.Intent)), OutOfScope);
            extra["maxsum_in_scope"] = Math.Round(m.InScopeAccuracy * 100, 2);
            extra["maxsum_oos_recall"] = Math.Round(m.OutOfScopeRecall * 100, 2);
            classifier = classifier.WithCalibration(Evaluation.FitThresholds(scores, classifier.Calibration.Temperature, options, HeadlineRetention));
        }

        var result = Evaluation.Evaluate(classifier, test.Select(e => (e.Text, e.Intent)), OutOfScope);
        var (bytes, loadMs) = SizeAndLoad(classifier);
        var (p50, p99) = Latency(classifier, test.Select(e => e.Text).ToList());
        var c = classifier.Calibration;
        var row = new Dictionary<string, object>
        {
            ["name"] = name,
            ["in_scope_accuracy"] = Math.Round(result.InScopeAccuracy * 100, 2),
            ["accuracy"] = Math.Round(result.Top1Accuracy * 100, 2),
            ["train_seconds"] = Math.Round(trainSeconds, 2),
            ["predict_p50_us"] = Math.Round(p50, 2),
            ["predict_p99_us"] = Math.Round(p99, 2),
            ["model_bytes"] = bytes,
            ["load_ms"] = Math.Round(loadMs, 1),
            ["features"] = classifier.Vocabulary.Count,
            ["temperature"] = Math.Round(c.Temperature, 4),
            ["margin_weight"] = c.MarginWeight,
            ["oos_threshold"] = Math.Round(c.OutOfScopeThreshold, 4),
            ["confident_threshold"] = Math.Round(c.ConfidentThreshold, 4),
        };
        if (!double.IsNaN(result.OutOfScopeRecall))
        {
            row["oos_recall"] = Math.Round(result.OutOfScopeRecall * 100, 2);
        }

        if (validation is null)
        {
            // Without a validation set the thresholds are the trainer's own; only top-1 accuracy is meaningful.
            row.Remove("in_scope_accuracy");
        }

        foreach (var (key, value) in extra)
        {
            row[key] = value;
        }

        return row;
    }

    public static (long Bytes, double LoadMs) SizeAndLoad(IntentClassifier classifier)
    {
        var path = Path.Combine(Path.GetTempPath(), $"intents-bench-{Environment.ProcessId}.model");
        try
        {
            classifier.Save(path);
            var bytes = new FileInfo(path).Length;
            IntentClassifier.Load(path);
            var sw = Stopwatch.StartNew();
            IntentClassifier.Load(path);
            return (bytes, sw.Elapsed.TotalMilliseconds);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Per-prediction latency on one thread, after a warm-up pass, with a language hint.</summary>
    public static (double P50, double P99) Latency(IntentClassifier classifier, List<string> texts, string? language = "en")
    {
        foreach (var t in texts)
        {
            classifier.Predict(t, language);
        }

        var samples = new List<double>(texts.Count * 2);
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var t in texts)
            {
                var start = Stopwatch.GetTimestamp();
                classifier.Predict(t, language);
                samples.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
            }
        }

        samples.Sort();
        return (samples[samples.Count / 2], samples[(int)(samples.Count * 0.99)]);
    }
}
