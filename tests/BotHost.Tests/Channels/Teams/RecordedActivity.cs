using System.Text.Json.Nodes;

namespace BotHost.Tests.Channels.Teams;

/// <summary>An activity the bot POSTed to the emulated Connector.</summary>
public sealed record RecordedActivity(string ConversationId, string? ReplyToId, string Id, JsonObject Activity)
{
    public string? Type => Activity["type"]?.GetValue<string>();

    public string Text => Activity["text"]?.GetValue<string>() ?? "";

    /// <summary>The content of the first Adaptive Card attachment, or null.</summary>
    public JsonObject? Card => Activity["attachments"]?.AsArray()
        .FirstOrDefault(a => a?["contentType"]?.GetValue<string>() == "application/vnd.microsoft.card.adaptive")?["content"]?.AsObject();
}
