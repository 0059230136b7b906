namespace KnowledgeIndex.Indexing;

/// <summary>An article file in <c>data/faq</c> is malformed; the message names the file and what is wrong.</summary>
public sealed class FaqFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FaqFormatException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong.</param>
    public FaqFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the underlying error.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The parser error.</param>
    public FaqFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a file.</summary>
    /// <param name="filePath">The offending file.</param>
    /// <param name="problem">What is wrong with it.</param>
    /// <param name="innerException">The parser error, if any.</param>
    public FaqFormatException(string filePath, string problem, Exception? innerException = null)
        : base($"{filePath}: {problem}", innerException)
    {
        FilePath = filePath;
    }

    /// <summary>The offending file, when known.</summary>
    public string? FilePath { get; }
}
