namespace KnowledgeIndex.Analysis;

/// <summary>
/// Identifies the analysis an index was built with. Bump <see cref="Revision"/> whenever folding, stop words, stemming
/// or the FTS5 tokenizer change, so that an old index is refused instead of silently mis-matching queries.
/// </summary>
internal static class AnalyzerVersion
{
    /// <summary>Revision of the analysis code and stop-word lists.</summary>
    public const int Revision = 2;

    /// <summary>The version of the default settings.</summary>
    public static string Current { get; } = For(AnalyzerSettings.Default);

    /// <summary>The version string for <paramref name="settings"/>.</summary>
    public static string For(AnalyzerSettings settings) => $"ki{Revision};{settings.Describe()};{FtsTokenizer.Settings}";
}
