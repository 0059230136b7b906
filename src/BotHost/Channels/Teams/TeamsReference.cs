using System.Text.Json;

namespace BotHost.Channels.Teams;

/// <summary>
/// What the bot needs to reply later, kept as the conversation's ReferenceJson: taken only from an activity whose
/// token was validated (or, with authentication off, whose serviceUrl is on this machine).
/// </summary>
public sealed record TeamsReference
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public required string ServiceUrl { get; init; }
    /// <summary>The real channel id (<c>msteams</c>, <c>emulator</c>, …); the turn's channel is always <c>msteams</c>.</summary>
    public required string ChannelId { get; init; }
    /// <summary>The channel's conversation id (without our <c>bf:</c> prefix).</summary>
    public required string ConversationId { get; init; }
    public string? BotId { get; init; }
    public string? BotName { get; init; }
    public string? UserId { get; init; }
    public string? UserName { get; init; }
    public string? AadObjectId { get; init; }
    public string? TenantId { get; init; }
    /// <summary>The last inbound activity, which bot answers reply to.</summary>
    public string? ActivityId { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static TeamsReference? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<TeamsReference>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
