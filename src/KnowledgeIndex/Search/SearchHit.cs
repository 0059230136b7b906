namespace KnowledgeIndex.Search;

/// <summary>A matching article.</summary>
/// <param name="ArticleId">Article id.</param>
/// <param name="Language">Language.</param>
/// <param name="Title">Title.</param>
/// <param name="Score">BM25-based relevance, higher is better.</param>
/// <param name="Snippet">Plain-text excerpt around the match.</param>
/// <param name="IsStrong">True when the hit is good enough to offer as an answer ("did this help?").</param>
public sealed record SearchHit(string ArticleId, string Language, string Title, double Score, string Snippet, bool IsStrong);

/// <summary>Hits, best first; empty when nothing matched.</summary>
/// <param name="Hits">Hits.</param>
public sealed record SearchResult(IReadOnlyList<SearchHit> Hits)
{
    /// <summary>The best hit, or null.</summary>
    public SearchHit? Top => Hits.Count > 0 ? Hits[0] : null;
}
