namespace KnowledgeIndex.Analysis;

/// <summary>How Russian and Polish words are reduced to an index term.</summary>
internal enum StemMode
{
    /// <summary>Words are indexed as written (after folding).</summary>
    None,

    /// <summary>A light suffix-stripping stemmer.</summary>
    Suffix,

    /// <summary>Words longer than <see cref="AnalyzerSettings.TruncateLength"/> are cut to that length.</summary>
    Truncate,

    /// <summary>Suffix stripping, then truncation of what is left.</summary>
    SuffixThenTruncate,
}
