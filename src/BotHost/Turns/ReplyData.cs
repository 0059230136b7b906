namespace BotHost.Turns;

/// <summary>The audit channelData every bot answer carries.</summary>
public static class ReplyData
{
    public static Dictionary<string, object?> For(string? intent, double confidence, string language, string? articleId = null) => new()
    {
        ["intent"] = intent,
        ["confidence"] = Math.Round(confidence, 4),
        ["language"] = language,
        ["articleId"] = articleId,
    };
}
