namespace KnowledgeIndex.Indexing;

/// <summary>Builds the FTS5 index file from articles (never on a request).</summary>
public static class IndexBuilder
{
    /// <summary>Writes a fresh index at <paramref name="indexPath"/> (replacing any file there).</summary>
    public static void Build(IEnumerable<FaqArticle> articles, string indexPath) => throw new NotImplementedException();
}
