using Intents.Training;

namespace Intents.Tests.Training;

public sealed class EvaluationTests
{
    [Fact]
    public void FitThresholds_WithOutOfScopeExamples_SeparatesThem()
    {
        var scores = new List<HeldOutScore>();
        for (var i = 0; i < 50; i++)
        {
            scores.Add(new HeldOutScore(0.7 + (i * 0.005), 0.1, true, false, false));
            scores.Add(new HeldOutScore(0.2 + (i * 0.004), 0.15, false, true, false));
        }

        var calibration = Evaluation.FitThresholds(scores, 1.0, new TrainerOptions());

        Assert.All(scores.Where(s => s.GoldOutOfScope), s => Assert.True(calibration.OutOfScopeScore(s.P1, s.P2) < calibration.OutOfScopeThreshold));
        Assert.All(scores.Where(s => !s.GoldOutOfScope), s => Assert.True(calibration.OutOfScopeScore(s.P1, s.P2) >= calibration.OutOfScopeThreshold));
    }

    [Fact]
    public void FitThresholds_OutOfScopeSeparatedOnlyByLogSumExp_UsesTheEnergyTerm()
    {
        // Same top probabilities in and out of scope; only the log-sum-exp of the logits tells them apart.
        var scores = new List<HeldOutScore>();
        for (var i = 0; i < 50; i++)
        {
            scores.Add(new HeldOutScore(0.5 + (i * 0.005), 0.1, true, false, false, LogSumExp: 8 + (i * 0.01)));
            scores.Add(new HeldOutScore(0.5 + (i * 0.005), 0.1, false, true, false, LogSumExp: 3 + (i * 0.01)));
        }

        var calibration = Evaluation.FitThresholds(scores, 1.0, new TrainerOptions());

        Assert.True(calibration.EnergyWeight > 0);
        Assert.All(scores, s => Assert.Equal(
            s.GoldOutOfScope,
            calibration.OutOfScopeScore(s.P1, s.P2, s.LogSumExp) < calibration.OutOfScopeThreshold));
    }

    [Fact]
    public void FitThresholds_InScopeOnly_KeepsTheRetentionShare()
    {
        var scores = Enumerable.Range(0, 100).Select(i => new HeldOutScore(0.5 + (i * 0.005), 0.0, true, false, false)).ToList();
        var options = new TrainerOptions { InScopeRetention = 0.9 };

        var calibration = Evaluation.FitThresholds(scores, 1.0, options);

        var kept = scores.Count(s => calibration.OutOfScopeScore(s.P1, s.P2) >= calibration.OutOfScopeThreshold);
        Assert.InRange(kept, 89, 92);
    }

    [Fact]
    public void FitTemperature_LogitsScaledByTwo_RecoversAboutTwo()
    {
        var random = new DeterministicRandom(9);
        var logits = new List<float[]>();
        var gold = new List<int>();
        for (var i = 0; i < 4000; i++)
        {
            // True probabilities softmax(z); the model reports 2z, i.e. is overconfident by a factor two.
            var z = Enumerable.Range(0, 4).Select(_ => (float)(random.Next(1000) / 250.0)).ToArray();
            var p = z.Select(v => Math.Exp(v)).ToArray();
            var u = random.Next(1_000_000) / 1_000_000.0 * p.Sum();
            var label = 0;
            while (label < 3 && u > p[label])
            {
                u -= p[label];
                label++;
            }

            logits.Add(z.Select(v => v * 2).ToArray());
            gold.Add(label);
        }

        var temperature = Evaluation.FitTemperature(logits, gold, 4);

        Assert.InRange(temperature, 1.8, 2.2);
    }
}
