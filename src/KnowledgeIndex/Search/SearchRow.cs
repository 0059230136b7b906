namespace KnowledgeIndex.Search;

/// <summary>One row of the search statement.</summary>
internal sealed record SearchRow(string Id, string Title, string Terms, string Sentences, string SentenceTerms);
