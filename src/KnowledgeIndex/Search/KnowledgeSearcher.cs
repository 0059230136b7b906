using KnowledgeIndex.Indexing;

namespace KnowledgeIndex.Search;

/// <summary>Read-only search over a built index. Thread-safe; one instance per process.</summary>
public sealed class KnowledgeSearcher : IDisposable
{
    /// <summary>Opens an index; refuses one built with another analyzer version.</summary>
    public static KnowledgeSearcher Open(string indexPath) => throw new NotImplementedException();

    /// <summary>Searches articles in <paramref name="language"/>; user text is escaped, never FTS syntax.</summary>
    public SearchResult Search(string query, string language, int limit = 5) => throw new NotImplementedException();

    /// <summary>The article with that id in that language, or null.</summary>
    public FaqArticle? FindArticle(string id, string language) => throw new NotImplementedException();

    /// <summary>The article answering that intent in that language, or null.</summary>
    public FaqArticle? FindByIntent(string intent, string language) => throw new NotImplementedException();

    /// <inheritdoc />
    public void Dispose() => throw new NotImplementedException();
}
