namespace KnowledgeIndex.Analysis;

/// <summary>The FTS5 tokenizer applied to the already analysed text.</summary>
internal static class FtsTokenizer
{
    /// <summary>
    /// unicode61 with diacritics removed; <c>_</c> is a token character so that Vietnamese syllable bigrams
    /// (<c>rut_tien</c>) stay one token. The C# analysis already folded case and diacritics, so this is a safety net.
    /// </summary>
    public const string Settings = "unicode61 remove_diacritics 2 tokenchars '_'";
}
