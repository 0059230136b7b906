using System.Text.Json;
using System.Text.Json.Serialization;

namespace BotHost.Channels.Telegram;

/// <summary>The Bot API's JSON: snake_case names, absent optional fields.</summary>
public static class TelegramJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
