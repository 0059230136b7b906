namespace KnowledgeIndex.Indexing;

/// <summary>Reads the knowledge base from <c>data/faq</c>.</summary>
public static class FaqSource
{
    /// <summary>Reads every <c>&lt;lang&gt;/*.md</c> under <paramref name="root"/>; throws <see cref="FaqFormatException"/> naming the file on bad front matter.</summary>
    public static IReadOnlyList<FaqArticle> Load(string root) => throw new NotImplementedException();

    /// <summary>A stable hash of every article file under <paramref name="root"/> (paths and contents).</summary>
    public static string Fingerprint(string root) => throw new NotImplementedException();
}
