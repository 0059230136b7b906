namespace KnowledgeIndex.Search;

/// <summary>
/// The index file was built with a different analyzer version (or is not a knowledge index). Rebuild it with
/// <see cref="Indexing.IndexBuilder"/>: queries analysed differently from the index would silently miss.
/// </summary>
public sealed class IndexVersionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public IndexVersionException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong.</param>
    public IndexVersionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public IndexVersionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for an index file.</summary>
    /// <param name="indexPath">The index file.</param>
    /// <param name="expectedVersion">The analyzer version this code uses.</param>
    /// <param name="foundVersion">The version recorded in the file, or null when it has none.</param>
    public IndexVersionException(string indexPath, string expectedVersion, string? foundVersion)
        : base($"Knowledge index '{indexPath}' was built with analyzer version '{foundVersion ?? "(none)"}', expected '{expectedVersion}'. Rebuild the index.")
    {
        IndexPath = indexPath;
        ExpectedVersion = expectedVersion;
        FoundVersion = foundVersion;
    }

    /// <summary>The index file.</summary>
    public string? IndexPath { get; }

    /// <summary>The analyzer version this code uses.</summary>
    public string? ExpectedVersion { get; }

    /// <summary>The analyzer version recorded in the index, or null when it has none.</summary>
    public string? FoundVersion { get; }
}
