namespace KnowledgeIndex.Indexing;

/// <summary>One article in one language, as read from <c>data/faq/&lt;lang&gt;/&lt;id&gt;.md</c>.</summary>
public sealed record FaqArticle
{
    /// <summary>Article id, the same in every language.</summary>
    public required string Id { get; init; }
    /// <summary>The intent this article answers, or null for an article found by search only.</summary>
    public string? Intent { get; init; }
    /// <summary>BCP-47 language.</summary>
    public required string Language { get; init; }
    /// <summary>Title.</summary>
    public required string Title { get; init; }
    /// <summary>Tags.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];
    /// <summary>Training questions for the intent.</summary>
    public IReadOnlyList<string> Questions { get; init; } = [];
    /// <summary>Answer body, Markdown.</summary>
    public required string Body { get; init; }
}
