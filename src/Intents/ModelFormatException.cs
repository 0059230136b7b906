namespace Intents;

/// <summary>Thrown when a model file is unreadable or was written by an incompatible version.</summary>
public sealed class ModelFormatException : Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public ModelFormatException()
        : base("The intent model file is unreadable.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ModelFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the underlying cause.</summary>
    public ModelFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a version mismatch; the message names both versions.</summary>
    public ModelFormatException(int expectedVersion, int foundVersion)
        : base($"Unsupported intent model version: expected {expectedVersion}, found {foundVersion}.")
    {
        ExpectedVersion = expectedVersion;
        FoundVersion = foundVersion;
    }

    /// <summary>The model format version this build reads (0 when not a version problem).</summary>
    public int ExpectedVersion { get; }

    /// <summary>The version found in the file (0 when not a version problem).</summary>
    public int FoundVersion { get; }
}
