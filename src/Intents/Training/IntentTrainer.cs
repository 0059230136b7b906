using System.Globalization;
using Intents.Featurization;
using Intents.Language;
using Intents.Model;

namespace Intents.Training;

/// <summary>A labelled training question.</summary>
/// <param name="Text">What the player wrote.</param>
/// <param name="Intent">Intent id.</param>
/// <param name="Language">BCP-47 language of the text.</param>
public sealed record TrainingExample(string Text, string Intent, string Language);

/// <summary>Trains an <see cref="IntentClassifier"/> deterministically (fixed seed) from labelled examples.</summary>
public sealed class IntentTrainer(TrainerOptions options)
{
    /// <summary>Trains, calibrates on held-out folds and returns the immutable classifier.</summary>
    public IntentClassifier Train(
        IReadOnlyList<TrainingExample> examples,
        string dataFingerprint,
        IProgress<string>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(dataFingerprint);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (examples.Count == 0)
        {
            throw new ArgumentException("At least one training example is required.", nameof(examples));
        }

        var written = examples;
        int[] copiedFrom = [];
        if (options.TransliterateCyrillic)
        {
            examples = WithTransliterations(examples, out copiedFrom);
        }

        var labels = examples.Select(e => e.Intent).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var oosLabel = Array.IndexOf(labels, options.OutOfScopeLabel);
        var labelIndex = labels.Select((l, i) => (l, i)).ToDictionary(t => t.l, t => t.i, StringComparer.Ordinal);
        var settings = new FeaturizerSettings(options.WordNgramMax, options.CharNgramMin, options.CharNgramMax, options.CharAcrossWords, FeaturizerSettings.Default.HashSeed, options.SkipBigrams);
        var featurizer = new NgramFeaturizer(settings);

        var order = Enumerable.Range(0, examples.Count).ToList();
        new DeterministicRandom((ulong)options.Seed).Shuffle(order);
        var y = examples.Select(e => labelIndex[e.Intent]).ToArray();

        progress?.Report(string.Create(CultureInfo.InvariantCulture, $"featurising {examples.Count} examples"));
        var vocabulary = BuildVocabulary(featurizer, examples, order, options);
        var x = Vectorize(new TextVectorizer(featurizer, vocabulary), examples);
        cancellationToken.ThrowIfCancellationRequested();

        // Calibration holds out questions as written; a held-out question's transliterated copy stays out of the fit
        // too, or the held-out scores would look better than new questions will.
        var holdout = PickHoldout(order.Where(i => i < written.Count).ToList(), y, labels.Length, options.CalibrationHoldout);
        var fitRows = order.Where(i => !holdout.Contains(i < written.Count ? i : copiedFrom[i - written.Count])).ToList();
        var heldRows = order.Where(holdout.Contains).ToList();
        progress?.Report(string.Create(
            CultureInfo.InvariantCulture, $"training on {examples.Count} examples, {vocabulary.Count} features, {labels.Length} labels"));

        // Two independent deterministic fits on the two cores: the final model, and the calibration model that
        // does not see the held-out questions.
        var seed = (ulong)options.Seed * 0x9E3779B97F4A7C15UL;
        var finalFit = Task.Run(() => TrainAveraged(x, y, order, vocabulary.Count, labels.Length, options, seed, cancellationToken), cancellationToken);
        var calibrationModel = heldRows.Count == 0
            ? null
            : TrainAveraged(x, y, fitRows, vocabulary.Count, labels.Length, options, seed + 1000, cancellationToken);
        var final = finalFit.GetAwaiter().GetResult();

        if (options.NaiveBayesWeight > 0)
        {
            NaiveBayes.AddTo(final, x, y, order, options.NaiveBayesWeight, options.NaiveBayesSmoothing);
            if (calibrationModel is not null)
            {
                NaiveBayes.AddTo(calibrationModel, x, y, fitRows, options.NaiveBayesWeight, options.NaiveBayesSmoothing);
            }
        }

        // Out-of-scope examples include "asdfgh" and "123" filed under some language: they would only teach noise.
        var detector = LanguageDetector.Train(
            written.Where(e => e.Intent != options.OutOfScopeLabel).Select(e => (e.Text, e.Language)), options.Seed);
        var calibration = new Calibration(1.0, 0.5, 0.0, 0.5);
        if (calibrationModel is not null)
        {
            progress?.Report("calibrating");
            var probe = new IntentClassifier(settings, vocabulary, QuantizedModel.From(calibrationModel), labels, oosLabel, calibration, detector, dataFingerprint);
            var logits = new List<float[]>(heldRows.Count);
            foreach (var row in heldRows)
            {
                var z = new float[probe.Model.Stride];
                probe.Logits(examples[row].Text, z);
                logits.Add(z);
            }

            var temperature = Evaluation.FitTemperature(logits, heldRows.Select(r => y[r]).ToList(), labels.Length);
            probe = probe.WithCalibration(calibration with { Temperature = temperature });
            var scores = Evaluation.Score(probe, heldRows.Select(r => (examples[r].Text, examples[r].Intent)), options.OutOfScopeLabel);
            calibration = Evaluation.FitThresholds(scores, temperature, options);
        }

        return new IntentClassifier(settings, vocabulary, QuantizedModel.From(final), labels, oosLabel, calibration, detector, dataFingerprint);
    }

    /// <summary>
    /// Averages the weights of <see cref="TrainerOptions.EnsembleSize"/> fits that differ only in example order,
    /// run two at a time (one per core). Averaging logits of linear models over the same features is itself a linear
    /// model, so the ensemble costs nothing at prediction time.
    /// </summary>
    private static LinearModel TrainAveraged(
        SparseMatrix x, int[] y, List<int> rows, int features, int classes, TrainerOptions options, ulong seed, CancellationToken cancellationToken)
    {
        var models = new LinearModel[options.EnsembleSize];
        Parallel.For(
            0,
            models.Length,
            new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = cancellationToken },
            i => models[i] = SoftmaxTrainer.Train(x, y, rows, features, classes, options, seed + (ulong)i, cancellationToken));
        if (models.Length == 1)
        {
            return models[0];
        }

        var weights = models[0].Weights;
        var bias = models[0].Bias;
        var inv = 1f / models.Length;
        for (var m = 1; m < models.Length; m++)
        {
            var w = models[m].Weights;
            for (var i = 0; i < weights.Length; i++)
            {
                weights[i] += w[i];
            }

            for (var i = 0; i < bias.Length; i++)
            {
                bias[i] += models[m].Bias[i];
            }
        }

        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] *= inv;
        }

        for (var i = 0; i < bias.Length; i++)
        {
            bias[i] *= inv;
        }

        return models[0];
    }

    /// <summary>
    /// Keys seen in at least MinDocumentFrequency examples, indexed in first-seen order. The IDF of word n-grams is
    /// multiplied by WordWeight, so the few word features are not drowned by the many character n-grams.
    /// </summary>
    private static Vocabulary BuildVocabulary(NgramFeaturizer featurizer, IReadOnlyList<TrainingExample> examples, List<int> order, TrainerOptions options)
    {
        var df = new Dictionary<ulong, int>();
        var firstSeen = new List<ulong>();
        var wordKeys = new HashSet<ulong>();
        foreach (var i in order)
        {
            var keys = TextVectorizer.Keys(featurizer, examples[i].Text, out var words);
            for (var k = 0; k < words; k++)
            {
                wordKeys.Add(keys[k]);
            }

            foreach (var key in keys.Distinct())
            {
                if (df.TryGetValue(key, out var count))
                {
                    df[key] = count + 1;
                }
                else
                {
                    df[key] = 1;
                    firstSeen.Add(key);
                }
            }
        }

        var kept = firstSeen.Where(k => df[k] >= options.MinDocumentFrequency).ToList();
        var n = examples.Count;
        var idf = kept
            .Select(k => (float)((Math.Log((1.0 + n) / (1.0 + df[k])) + 1.0) * (wordKeys.Contains(k) ? options.WordWeight : 1.0)))
            .ToArray();
        return Vocabulary.Build(kept, idf);
    }

    private static SparseMatrix Vectorize(TextVectorizer vectorizer, IReadOnlyList<TrainingExample> examples)
    {
        var rowStart = new int[examples.Count + 1];
        var indices = new List<int>();
        var values = new List<float>();
        for (var i = 0; i < examples.Count; i++)
        {
            vectorizer.Vectorize(examples[i].Text, out var idx, out var val);
            foreach (var j in idx)
            {
                indices.Add(j);
            }

            foreach (var v in val)
            {
                values.Add(v);
            }

            rowStart[i + 1] = indices.Count;
        }

        return new SparseMatrix(rowStart, [.. indices], [.. values]);
    }

    /// <summary>
    /// The examples, then a Latin transliteration of each Cyrillic one (players type Russian in Latin letters too);
    /// <paramref name="copiedFrom"/>[k] is the index of the example the k-th copy was made from.
    /// </summary>
    private static IReadOnlyList<TrainingExample> WithTransliterations(IReadOnlyList<TrainingExample> examples, out int[] copiedFrom)
    {
        copiedFrom = Enumerable.Range(0, examples.Count).Where(i => Transliteration.HasCyrillic(examples[i].Text)).ToArray();
        var copies = copiedFrom.Select(i => examples[i] with { Text = Transliteration.ToLatin(examples[i].Text) });
        return [.. examples, .. copies];
    }

    /// <summary>Per label, the first share of its examples in shuffled order; labels with fewer than 3 examples keep all.</summary>
    private static HashSet<int> PickHoldout(List<int> order, int[] y, int labels, double share)
    {
        var perLabel = new int[labels];
        foreach (var i in order)
        {
            perLabel[y[i]]++;
        }

        var taken = new int[labels];
        var holdout = new HashSet<int>();
        foreach (var i in order)
        {
            var quota = perLabel[y[i]] < 3 ? 0 : (int)Math.Round(perLabel[y[i]] * share);
            if (taken[y[i]] < quota)
            {
                taken[y[i]]++;
                holdout.Add(i);
            }
        }

        return holdout;
    }
}
