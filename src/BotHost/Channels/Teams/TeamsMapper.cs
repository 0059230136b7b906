using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BotHost.Turns;

namespace BotHost.Channels.Teams;

/// <summary>Converts between Bot Framework activities (Teams, the Emulator) and turns / outgoing activities.</summary>
public static partial class TeamsMapper
{
    /// <summary>The turn and conversation channel for every Bot Framework channel; the real channel id stays in the reference.</summary>
    public const string ChannelId = "msteams";
    public const string ConversationPrefix = "bf:";
    public const string AdaptiveCardType = "application/vnd.microsoft.card.adaptive";

    public static string ConversationId(string channelConversationId) => ConversationPrefix + channelConversationId;

    public static string? Str(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    /// <summary>The reference to answer this activity later, or null when it lacks a service URL or conversation.</summary>
    public static TeamsReference? Reference(JsonObject activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (Str(activity["serviceUrl"]) is not { Length: > 0 } serviceUrl || Str(activity["conversation"]?["id"]) is not { Length: > 0 } conversationId)
        {
            return null;
        }

        return new TeamsReference
        {
            ServiceUrl = serviceUrl,
            ChannelId = Str(activity["channelId"]) ?? ChannelId,
            ConversationId = conversationId,
            BotId = Str(activity["recipient"]?["id"]),
            BotName = Str(activity["recipient"]?["name"]),
            UserId = Str(activity["from"]?["id"]),
            UserName = Str(activity["from"]?["name"]),
            AadObjectId = Str(activity["from"]?["aadObjectId"]),
            TenantId = Str(activity["conversation"]?["tenantId"]) ?? Str(activity["channelData"]?["tenant"]?["id"]),
            ActivityId = Str(activity["id"]),
        };
    }

    /// <summary>A message (or a card's Action.Submit) as a turn.</summary>
    public static Turn ToTurn(JsonObject activity, TeamsReference reference)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(reference);
        var data = SubmitData(activity);
        var value = Str(data?["value"]) ?? Str(activity["value"]);
        var text = StripMention(activity, reference.BotId, reference.BotName);
        if (text.Length == 0 && data is not null)
        {
            text = Str(data["title"]) ?? value ?? "";
        }

        return new Turn
        {
            ConversationId = ConversationId(reference.ConversationId),
            Channel = ChannelId,
            ActivityId = reference.ActivityId,
            UserId = reference.UserId,
            UserName = reference.UserName,
            Text = text,
            Value = value,
            Locale = Str(activity["locale"]),
            PayloadJson = activity.ToJsonString(),
            ReferenceJson = reference.ToJson(),
            SharedConversation = IsShared(activity),
        };
    }

    /// <summary>A group chat or team channel (anything but a personal chat with the bot): several people read it.</summary>
    public static bool IsShared(JsonObject activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        // The Emulator sends no conversationType: without isGroup it is a one-to-one chat.
        return activity["conversation"]?["isGroup"]?.GetValueKind() == JsonValueKind.True
            || Str(activity["conversation"]?["conversationType"]) is not (null or "personal");
    }

    /// <summary>The user (not the bot) joined, or the bot was added to a one-to-one chat: time to greet.</summary>
    public static bool IsGreeting(JsonObject activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity["membersAdded"] is not JsonArray added || added.Count == 0 || activity["conversation"]?["isGroup"]?.GetValueKind() == JsonValueKind.True)
        {
            return false;
        }

        var botId = Str(activity["recipient"]?["id"]);
        var personal = Str(activity["conversation"]?["conversationType"]) is null or "personal";
        return personal && added.Any(m => Str(m?["id"]) is { } id && (id != botId || Str(activity["channelId"]) == ChannelId));
    }

    /// <summary>The data of an Adaptive Card Action.Submit (message <c>value</c>) or Action.Execute (invoke <c>value.action.data</c>).</summary>
    public static JsonObject? SubmitData(JsonObject activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return Str(activity["type"]) == "invoke"
            ? activity["value"]?["action"]?["data"] as JsonObject ?? activity["value"] as JsonObject
            : activity["value"] as JsonObject;
    }

    /// <summary>The text without the bot's @mention (the mention entity's <c>&lt;at&gt;…&lt;/at&gt;</c> text).</summary>
    public static string StripMention(JsonObject activity, string? botId, string? botName)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var text = Str(activity["text"]) ?? "";
        if (activity["entities"] is JsonArray entities)
        {
            foreach (var entity in entities.OfType<JsonObject>())
            {
                if (Str(entity["type"]) == "mention" && botId is not null && Str(entity["mentioned"]?["id"]) == botId)
                {
                    var mentionText = Str(entity["text"]) ?? $"<at>{Str(entity["mentioned"]?["name"]) ?? botName}</at>";
                    text = text.Replace(mentionText, " ", StringComparison.Ordinal);
                }
            }
        }

        if (botName is not null)
        {
            text = text.Replace($"<at>{botName}</at>", " ", StringComparison.Ordinal);
        }

        return Whitespace().Replace(text, " ").Trim();
    }

    /// <summary>A reply as the activity the Connector takes: Markdown text, buttons as an Adaptive Card with Action.Submit.</summary>
    public static JsonObject ToActivity(Reply reply, TeamsReference reference, string language)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(reference);
        var activity = Message(reference, reply.Text);
        activity["locale"] = language;
        var attachments = new JsonArray();
        if (reply.Actions.Count > 0)
        {
            attachments.Add(new JsonObject
            {
                ["contentType"] = AdaptiveCardType,
                ["content"] = Card([], reply.Actions.Select(a => new JsonObject
                {
                    ["type"] = "Action.Submit",
                    ["title"] = a.Title,
                    // messageBack shows the pressed title in the Teams chat; value/title come back in the activity's value.
                    ["data"] = new JsonObject
                    {
                        ["msteams"] = new JsonObject { ["type"] = "messageBack", ["displayText"] = a.Title },
                        ["value"] = a.Value,
                        ["title"] = a.Title,
                    },
                })),
            });
        }

        foreach (var attachment in reply.Attachments.Where(a => a.ContentType.StartsWith("application/vnd.microsoft.card.", StringComparison.Ordinal)))
        {
            attachments.Add(new JsonObject
            {
                ["contentType"] = attachment.ContentType,
                ["name"] = attachment.Name,
                ["content"] = JsonSerializer.SerializeToNode(attachment.Content),
            });
        }

        if (attachments.Count > 0)
        {
            activity["attachments"] = attachments;
        }

        return activity;
    }

    /// <summary>A Markdown message from the bot into the referenced conversation.</summary>
    public static JsonObject Message(TeamsReference reference, string text)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var activity = Bare(reference, "message");
        activity["text"] = text;
        activity["textFormat"] = "markdown";
        return activity;
    }

    public static JsonObject Bare(TeamsReference reference, string type)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var activity = new JsonObject
        {
            ["type"] = type,
            ["channelId"] = reference.ChannelId,
            ["serviceUrl"] = reference.ServiceUrl,
            ["from"] = new JsonObject { ["id"] = reference.BotId ?? ActivityJson.BotId, ["name"] = reference.BotName ?? ActivityJson.BotName },
            ["conversation"] = new JsonObject { ["id"] = reference.ConversationId },
        };
        if (reference.UserId is not null)
        {
            activity["recipient"] = new JsonObject { ["id"] = reference.UserId, ["name"] = reference.UserName };
        }

        return activity;
    }

    public static JsonObject Card(IEnumerable<JsonNode> body, IEnumerable<JsonNode> actions) => new()
    {
        ["type"] = "AdaptiveCard",
        ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
        ["version"] = "1.4",
        ["body"] = new JsonArray([.. body]),
        ["actions"] = new JsonArray([.. actions]),
    };

    [GeneratedRegex(@"[ \t]{2,}")]
    private static partial Regex Whitespace();
}
