using BotHost.Handoffs;
using BotHost.Turns;
using Intents;
using KnowledgeIndex.Indexing;
using KnowledgeIndex.Search;

namespace BotHost.Bot;

// Choosing the article: the classifier's candidates and the knowledge-base search, fused.
public sealed partial class BotLogic
{
    private const int SearchDepth = 5;

    /// <summary>Weight of the search's best article against classifier probabilities (chosen on bench/data/faq-dev: 0.2–0.3 equally good).</summary>
    private const double SearchTopBonus = 0.25;

    /// <summary>Extra weight when that hit is strong (0.1–0.3 equally good on bench/data/faq-dev).</summary>
    private const double StrongHitBonus = 0.2;

    /// <summary>
    /// Fused score an answer needs when the classifier found the message unfamiliar (out of scope, but not its trained
    /// out-of-scope class): on bench/data/faq-dev 0.4 answered 6 more of 400 questions correctly than requiring the
    /// two signals to agree, none wrongly, and 2 of 240 out-of-scope messages (0.3: 8 more, 3 wrongly).
    /// </summary>
    private const double UnfamiliarAnswerScore = 0.4;

    /// <summary>
    /// A search-only article that answers the question more specifically than the intent's general article: a
    /// strong search hit, without an intent of its own, ranked above the intent's article.
    /// </summary>
    private FaqArticle? MoreSpecificArticle(TurnContext context, string intent)
    {
        var hits = Search(context).Hits;
        if (hits.Count == 0 || !hits[0].IsStrong || hits[0].ArticleId == intent)
        {
            return null;
        }

        var article = knowledge.Searcher.FindArticle(hits[0].ArticleId, context.Language);
        return article is { Intent: null } ? article : null;
    }

    /// <summary>
    /// The likeliest answer when the classifier is not confident, unless its score is below
    /// <paramref name="minScore"/> or it is a topic that needs care: the classifier's probability, plus
    /// <see cref="SearchTopBonus"/> for the search's best article (<see cref="StrongHitBonus"/> more when that hit is
    /// strong). Asking instead made every such player click; on player questions worded unlike the training questions
    /// (bench/data/faq-dev) the whole pipeline's top-1 went from 64 % to 70 % with this, the product's own n-gram range
    /// and <see cref="Offers"/>.
    /// </summary>
    private FaqArticle? BestGuessArticle(TurnContext context, IntentPrediction prediction, double minScore)
    {
        var scores = prediction.Candidates.ToDictionary(c => c.Intent, c => (double)c.Probability, StringComparer.Ordinal);
        if (Search(context).Top is { } hit && knowledge.Searcher.FindArticle(hit.ArticleId, context.Language) is { } found)
        {
            var label = found.Intent ?? found.Id;
            scores[label] = scores.GetValueOrDefault(label) + SearchTopBonus + (hit.IsStrong ? StrongHitBonus : 0);
        }

        var (best, score) = scores.MaxBy(s => s.Value);
        return score < minScore || HandoffCoordinator.SensitiveIntents.Contains(best) || best == "human_agent"
            ? null
            : knowledge.ArticleFor(best, context.Language);
    }

    /// <summary>
    /// Up to three topics to offer when neither signal is sure: the search's and the classifier's best, alternately
    /// (each finds what the other misses; on bench/data/faq-dev the right topic is offered for 72 % of such questions
    /// instead of 67 % with search hits alone).
    /// </summary>
    private List<FaqArticle> Offers(TurnContext context, List<SearchHit> hits)
    {
        // Only when the search finds something: for text about nothing we know, any classifier guess is noise.
        var fromClassifier = (context.Prediction?.Candidates ?? []).Take(hits.Count)
            .Select(c => knowledge.ArticleFor(c.Intent, context.Language)).ToList();
        return hits
            .SelectMany((h, i) => new[] { knowledge.Searcher.FindArticle(h.ArticleId, context.Language), i < fromClassifier.Count ? fromClassifier[i] : null })
            .OfType<FaqArticle>()
            .DistinctBy(a => a.Id)
            .Take(3)
            .ToList();
    }

    /// <summary>The turn's knowledge-base search, run once however many decisions consult it.</summary>
    private SearchResult Search(TurnContext context) =>
        context.Search ??= knowledge.Searcher.Search(context.Turn.Text, context.Language, SearchDepth);

    /// <summary>Related topics both signals find plausible: search hits that are also among the classifier's candidates.</summary>
    private List<string> RelatedBySearch(TurnContext context, int count)
    {
        var candidates = context.Prediction?.Candidates.Select(c => c.Intent).ToHashSet(StringComparer.Ordinal) ?? [];
        return Search(context).Hits
            .Select(h => knowledge.Searcher.FindArticle(h.ArticleId, context.Language))
            .OfType<FaqArticle>()
            .Select(a => a.Intent ?? a.Id)
            .Where(candidates.Contains)
            .ToList();
    }
}
