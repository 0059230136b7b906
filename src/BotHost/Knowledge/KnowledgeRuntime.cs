using System.Diagnostics;
using BotHost.Hosting;
using Intents;
using Intents.Training;
using KnowledgeIndex.Indexing;
using KnowledgeIndex.Search;
using Microsoft.Extensions.Options;

namespace BotHost.Knowledge;

/// <summary>
/// The loaded intent model and search index. Trained and indexed from <c>data/faq</c> at start-up when the knowledge
/// base changed (fingerprint), otherwise loaded from the data folder. Swapped atomically on retrain.
/// </summary>
public sealed class KnowledgeRuntime(
    IOptions<StorageOptions> storage, IOptions<IntentTrainingOptions> training, ILogger<KnowledgeRuntime> logger) : IDisposable
{
    /// <summary>Part of the fingerprint: a model trained under another labelling scheme (or featuriser) is retrained, not reused.</summary>
    private const string TrainingScheme = "labels=intent-or-article-id+oos;translit-ru";
    private readonly Lock _reloadLock = new();
    private Loaded? _current;

    public bool IsReady => _current is not null;

    public IntentClassifier Classifier => Current.Classifier;

    public KnowledgeSearcher Searcher => Current.Searcher;

    /// <summary>The article a predicted label stands for: the intent's article, or the search-only article with that id.</summary>
    public FaqArticle? ArticleFor(string label, string language) =>
        Searcher.FindByIntent(label, language) ?? Searcher.FindArticle(label, language);

    private Loaded Current => _current ?? throw new InvalidOperationException("The knowledge runtime is not loaded yet.");

    /// <summary>Loads the model and index, training and indexing first when <c>data/faq</c> changed; true when something was (re)loaded.</summary>
    public bool EnsureLoaded(bool force = false)
    {
        lock (_reloadLock)
        {
            var faqDirectory = storage.Value.ResolveFaqDirectory();
            var dataDirectory = storage.Value.ResolveDataDirectory();
            var trainerOptions = new TrainerOptions
            {
                ConfidentPrecision = training.Value.ConfidentPrecision,
                CharNgramMin = training.Value.CharNgramMin,
                CharNgramMax = training.Value.CharNgramMax,
                TransliterateCyrillic = true,
            };
            var fingerprint = FormattableString.Invariant(
                $"{FaqSource.Fingerprint(faqDirectory)}|{TrainingScheme}|precision={trainerOptions.ConfidentPrecision}|words={trainerOptions.WordNgramMax}|chars={trainerOptions.CharNgramMin}-{trainerOptions.CharNgramMax}");
            var modelPath = Path.Combine(dataDirectory, "intents.model");
            var indexPath = Path.Combine(dataDirectory, "knowledge.db");
            var indexStampPath = indexPath + ".fingerprint";

            IntentClassifier? classifier = !force && _current?.Classifier.DataFingerprint == fingerprint ? _current.Classifier : null;
            if (classifier is null && !force && File.Exists(modelPath))
            {
                try
                {
                    var loaded = IntentClassifier.Load(modelPath);
                    classifier = loaded.DataFingerprint == fingerprint ? loaded : null;
                }
                catch (ModelFormatException ex)
                {
                    Log.ModelUnreadable(logger, modelPath, ex.Message);
                }
            }

            IReadOnlyList<FaqArticle>? articles = null;
            if (classifier is null)
            {
                articles = FaqSource.Load(faqDirectory);
                // Search-only articles are classes too (label = article id): "how long does a bitcoin withdrawal
                // take" is better answered by withdrawal-crypto than by the general withdrawal_how.
                // Messages no article answers ("test", "who wins tonight?") train the out-of-scope class, and fit
                // the out-of-scope threshold on held-out ones instead of a fixed in-scope retention.
                var examples = articles
                    .SelectMany(a => a.Questions.Select(q => new TrainingExample(q, a.Intent ?? a.Id, a.Language)))
                    .Concat(FaqSource.OutOfScopeMessages(faqDirectory).Select(m => new TrainingExample(m.Text, trainerOptions.OutOfScopeLabel, m.Language)))
                    .ToList();
                Log.Training(logger, examples.Count, faqDirectory);
                var watch = Stopwatch.StartNew();
                var progress = new Progress<string>(step => Log.TrainingProgress(logger, step));
                classifier = new IntentTrainer(trainerOptions).Train(examples, fingerprint, progress);
                classifier.Save(modelPath);
                Log.Trained(logger, classifier.Intents.Count, watch.ElapsedMilliseconds);
            }

            var indexCurrent = File.Exists(indexPath) && File.Exists(indexStampPath) &&
                               File.ReadAllText(indexStampPath) == fingerprint;
            if (force || !indexCurrent)
            {
                articles ??= FaqSource.Load(faqDirectory);
                var watch = Stopwatch.StartNew();
                // Built into a temp file and renamed over the old one: a searcher still open keeps reading the
                // file it opened until it is swapped below, so requests never see a half-built index.
                IndexBuilder.Build(articles, indexPath);
                File.WriteAllText(indexStampPath, fingerprint);
                Log.Indexed(logger, articles.Count, watch.ElapsedMilliseconds);
            }

            var previous = _current;
            if (previous is not null && !force && indexCurrent && ReferenceEquals(previous.Classifier, classifier))
            {
                return false;
            }

            _current = new Loaded(classifier, KnowledgeSearcher.Open(indexPath));
            if (previous is not null)
            {
                // Let turns that picked up the old searcher finish before its connections close.
                _ = Task.Delay(TimeSpan.FromSeconds(30)).ContinueWith(_ => previous.Searcher.Dispose(), TaskScheduler.Default);
            }

            return true;
        }
    }

    public void Dispose() => _current?.Searcher.Dispose();

    private sealed record Loaded(IntentClassifier Classifier, KnowledgeSearcher Searcher);
}
