namespace BotHost.Channels.Telegram;

/// <summary>Every Bot API answer: <c>{ok, result}</c> or <c>{ok:false, error_code, description, parameters}</c>.</summary>
public sealed record TelegramResponse<T>
{
    public bool Ok { get; init; }
    public T? Result { get; init; }
    public int? ErrorCode { get; init; }
    public string? Description { get; init; }
    public TelegramResponseParameters? Parameters { get; init; }
}
