using BotHost.Knowledge;

namespace BotHost.Dashboard;

/// <summary>
/// The articles a supervisor most likely wants to teach an unanswered message to: the classifier's and the search's
/// best candidates for it, alternately, as the bot itself offers topics. Only a suggestion: the bot did not find
/// them good enough to answer with.
/// </summary>
internal static class ArticleSuggestions
{
    private const int Count = 3;

    public static IReadOnlyList<string> For(KnowledgeRuntime knowledge, string text, string language)
    {
        if (!knowledge.IsReady)
        {
            return [];
        }

        var fromClassifier = knowledge.Classifier.Predict(text, language).Candidates
            .Take(Count)
            .Select(c => knowledge.ArticleFor(c.Intent, language)?.Id)
            .ToList();
        var fromSearch = knowledge.Searcher.Search(text, language, Count).Hits.Select(h => h.ArticleId).ToList();
        return Enumerable.Range(0, Count)
            .SelectMany(i => new[] { fromClassifier.ElementAtOrDefault(i), fromSearch.ElementAtOrDefault(i) })
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Take(Count)
            .ToList();
    }
}
