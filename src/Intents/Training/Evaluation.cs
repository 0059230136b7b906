using Intents.Model;

namespace Intents.Training;

/// <summary>
/// Fits calibration (temperature by minimum negative log-likelihood, thresholds from held-out scores) and measures
/// a classifier on labelled data.
/// </summary>
internal static class Evaluation
{
    private static readonly double[] _marginWeights = [0, 0.25, 0.5, 0.75, 1];

    // κ = 0 first, so that it wins ties (and inputs without log-sum-exp keep the probability-only score).
    private static readonly double[] _energyWeights = [0, 0.01, 0.03, 0.1, 0.3, 1, 10];

    private static readonly (double Alpha, double Kappa)[] _scoreWeights =
        [.. _energyWeights.SelectMany(k => _marginWeights.Select(a => (a, k)))];

    /// <summary>Temperature minimising the mean negative log-likelihood of <paramref name="gold"/> (golden-section search on log T).</summary>
    public static double FitTemperature(IReadOnlyList<float[]> logits, IReadOnlyList<int> gold, int classes)
    {
        if (logits.Count == 0)
        {
            return 1.0;
        }

        double Nll(double logT)
        {
            var inv = Math.Exp(-logT);
            var total = 0.0;
            for (var i = 0; i < logits.Count; i++)
            {
                var z = logits[i];
                var max = double.NegativeInfinity;
                for (var c = 0; c < classes; c++)
                {
                    max = Math.Max(max, z[c]);
                }

                var sum = 0.0;
                for (var c = 0; c < classes; c++)
                {
                    sum += Math.Exp((z[c] - max) * inv);
                }

                total += Math.Log(sum) - ((z[gold[i]] - max) * inv);
            }

            return total / logits.Count;
        }

        double a = Math.Log(0.02), b = Math.Log(50);
        var phi = (Math.Sqrt(5) - 1) / 2;
        var x1 = b - (phi * (b - a));
        var x2 = a + (phi * (b - a));
        double f1 = Nll(x1), f2 = Nll(x2);
        for (var it = 0; it < 50; it++)
        {
            if (f1 < f2)
            {
                b = x2;
                x2 = x1;
                f2 = f1;
                x1 = b - (phi * (b - a));
                f1 = Nll(x1);
            }
            else
            {
                a = x1;
                x1 = x2;
                f1 = f2;
                x2 = a + (phi * (b - a));
                f2 = Nll(x2);
            }
        }

        return Math.Exp((a + b) / 2);
    }

    /// <summary>
    /// Thresholds from held-out scores. With out-of-scope examples: α, κ and the threshold maximising in-scope accuracy
    /// plus out-of-scope recall. Without: α = 0.5, κ = 0 and the threshold that keeps <see cref="TrainerOptions.InScopeRetention"/>
    /// of the correctly classified questions in scope. The confident threshold is the lowest top probability at which
    /// held-out precision still reaches <see cref="TrainerOptions.ConfidentPrecision"/>.
    /// </summary>
    public static Calibration FitThresholds(IReadOnlyList<HeldOutScore> scores, double temperature, TrainerOptions options, double? retention = null)
    {
        var inScope = scores.Where(s => !s.GoldOutOfScope).ToList();
        var confident = FitConfident(inScope, options.ConfidentPrecision);
        var hasOos = scores.Any(s => s.GoldOutOfScope) && inScope.Count > 0;
        if (hasOos && retention is null)
        {
            var best = (Score: double.NegativeInfinity, Weights: (Alpha: 0.5, Kappa: 0.0), Threshold: 0.0);
            foreach (var weights in _scoreWeights)
            {
                var (score, threshold) = BestThreshold(scores, weights);
                if (score > best.Score + 1e-12)
                {
                    best = (score, weights, threshold);
                }
            }

            return new Calibration(temperature, best.Weights.Alpha, best.Threshold, confident, best.Weights.Kappa);
        }

        // Fixed retention: the threshold keeps that share of the correctly classified in-scope questions; with
        // out-of-scope examples, α and κ are the ones rejecting most of them at that retention.
        var keep = retention ?? options.InScopeRetention;
        var chosen = (Weights: (Alpha: 0.5, Kappa: 0.0), Threshold: RetentionThreshold(inScope, (0.5, 0.0), keep), Recall: -1.0);
        if (hasOos)
        {
            var oos = scores.Where(s => s.GoldOutOfScope).ToList();
            foreach (var weights in _scoreWeights)
            {
                var threshold = RetentionThreshold(inScope, weights, keep);
                var recall = oos.Count(s => s.PredictedOutOfScopeClass || Combined(s, weights) < threshold) / (double)oos.Count;
                if (recall > chosen.Recall + 1e-12)
                {
                    chosen = (weights, threshold, recall);
                }
            }
        }

        return new Calibration(temperature, chosen.Weights.Alpha, chosen.Threshold, confident, chosen.Weights.Kappa);
    }

    private static double RetentionThreshold(List<HeldOutScore> inScope, (double Alpha, double Kappa) weights, double keep)
    {
        var correct = inScope.Where(s => s.Correct && !s.PredictedOutOfScopeClass).Select(s => Combined(s, weights)).Order().ToList();
        return correct.Count == 0 ? 0 : correct[(int)Math.Floor((1 - keep) * (correct.Count - 1))];
    }

    /// <summary>Held-out scores of <paramref name="classifier"/> on labelled examples (the out-of-scope label may be absent from the model).</summary>
    public static List<HeldOutScore> Score(IntentClassifier classifier, IEnumerable<(string Text, string Intent)> examples, string outOfScopeLabel)
    {
        var labels = classifier.Labels;
        var probs = new float[classifier.Model.Stride];
        var top = new int[3];
        var result = new List<HeldOutScore>();
        foreach (var (text, intent) in examples)
        {
            var found = classifier.Rank(text, probs, top, out var logSumExp);
            var oosFirst = top[0] == classifier.OutOfScopeLabel;
            var first = oosFirst ? top[1] : top[0];
            var second = oosFirst ? top[2] : (found > 1 && top[1] == classifier.OutOfScopeLabel ? (found > 2 ? top[2] : -1) : (found > 1 ? top[1] : -1));
            result.Add(new HeldOutScore(
                probs[first],
                second < 0 ? 0 : probs[second],
                labels[first] == intent,
                intent == outOfScopeLabel,
                oosFirst,
                logSumExp));
        }

        return result;
    }

    /// <summary>Measures decisions on a labelled test set.</summary>
    public static EvaluationResult Evaluate(IntentClassifier classifier, IEnumerable<(string Text, string Intent)> examples, string outOfScopeLabel)
    {
        int inScope = 0, inScopeCorrect = 0, top1Correct = 0, oos = 0, oosRejected = 0;
        foreach (var (text, intent) in examples)
        {
            var p = classifier.Predict(text, "en");
            if (intent == outOfScopeLabel)
            {
                oos++;
                oosRejected += p.Decision == IntentDecision.OutOfScope ? 1 : 0;
                continue;
            }

            inScope++;
            var top = p.Candidates.Count > 0 ? p.Candidates[0].Intent : null;
            top1Correct += top == intent ? 1 : 0;
            inScopeCorrect += top == intent && p.Decision != IntentDecision.OutOfScope ? 1 : 0;
        }

        return new EvaluationResult(
            inScope == 0 ? 0 : (double)inScopeCorrect / inScope,
            inScope == 0 ? 0 : (double)top1Correct / inScope,
            oos == 0 ? double.NaN : (double)oosRejected / oos,
            inScope,
            oos);
    }

    private static double Combined(HeldOutScore s, (double Alpha, double Kappa) w) =>
        ((1 - w.Alpha) * s.P1) + (w.Alpha * (s.P1 - s.P2)) + (w.Kappa * s.LogSumExp);

    private static (double Score, double Threshold) BestThreshold(IReadOnlyList<HeldOutScore> scores, (double Alpha, double Kappa) weights)
    {
        var inScopeTotal = scores.Count(s => !s.GoldOutOfScope);
        var oosTotal = scores.Count - inScopeTotal;

        // Rejected = trained oos class first, or combined score below the threshold. Sweep thresholds upwards.
        var sorted = scores.Select(s => (Value: Combined(s, weights), S: s)).OrderBy(t => t.Value).ToList();
        var alwaysOos = scores.Count(s => s.GoldOutOfScope && s.PredictedOutOfScopeClass);
        var keptCorrect = scores.Count(s => !s.GoldOutOfScope && s.Correct && !s.PredictedOutOfScopeClass);
        var rejectedOos = alwaysOos;
        var best = ((double)keptCorrect / inScopeTotal + ((double)rejectedOos / oosTotal), sorted.Count == 0 ? 0 : sorted[0].Value);
        for (var i = 0; i < sorted.Count; i++)
        {
            var s = sorted[i].S;
            if (!s.PredictedOutOfScopeClass)
            {
                if (s.GoldOutOfScope)
                {
                    rejectedOos++;
                }
                else if (s.Correct)
                {
                    keptCorrect--;
                }
            }

            if (i + 1 < sorted.Count && sorted[i + 1].Value == sorted[i].Value)
            {
                continue;
            }

            var threshold = i + 1 < sorted.Count ? (sorted[i].Value + sorted[i + 1].Value) / 2 : sorted[i].Value + 1e-6;
            var score = ((double)keptCorrect / inScopeTotal) + ((double)rejectedOos / oosTotal);
            if (score > best.Item1 + 1e-12)
            {
                best = (score, threshold);
            }
        }

        return best;
    }

    private static double FitConfident(List<HeldOutScore> inScope, double precision)
    {
        var sorted = inScope.OrderByDescending(s => s.P1).ToList();
        var threshold = 1.0;
        var correct = 0;
        for (var i = 0; i < sorted.Count; i++)
        {
            correct += sorted[i].Correct ? 1 : 0;
            var last = i + 1 == sorted.Count || sorted[i + 1].P1 != sorted[i].P1;
            if (last && (double)correct / (i + 1) >= precision)
            {
                threshold = sorted[i].P1;
            }
        }

        return threshold;
    }
}
