namespace KnowledgeIndex.Analysis;

/// <summary>A folded word and whether punctuation separated it from the word before.</summary>
/// <param name="Text">Folded text.</param>
/// <param name="BreakBefore">True when a punctuation mark came between this and the previous token.</param>
internal readonly record struct FoldedToken(string Text, bool BreakBefore);
