namespace BotHost.Channels.Telegram;

/// <summary>The Bot API answered <c>ok:false</c> (after retries, for 429 and 5xx).</summary>
public sealed class TelegramApiException : Exception
{
    public TelegramApiException()
    {
    }

    public TelegramApiException(string message)
        : base(message)
    {
    }

    public TelegramApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TelegramApiException(string method, int errorCode, string? description)
        : base($"Telegram {method} failed with {errorCode}: {description ?? "no description"}")
    {
        Method = method;
        ErrorCode = errorCode;
        Description = description;
    }

    public string? Method { get; }
    public int ErrorCode { get; }
    public string? Description { get; }
}
