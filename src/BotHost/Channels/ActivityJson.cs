using System.Text.Json;
using System.Text.Json.Nodes;
using BotHost.Turns;

namespace BotHost.Channels;

/// <summary>Builds the Bot Framework activity (the schema Direct Line and Teams share) for a reply.</summary>
public static class ActivityJson
{
    public const string BotId = "support-bot";
    public const string BotName = "Support";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string FromReply(Reply reply, string language)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var activity = new JsonObject
        {
            ["type"] = reply.Kind == ReplyKind.Event ? "event" : "message",
            ["from"] = reply.AgentId is null
                ? new JsonObject { ["id"] = BotId, ["name"] = BotName, ["role"] = "bot" }
                : new JsonObject { ["id"] = BotId, ["name"] = reply.AgentName ?? reply.AgentId, ["role"] = "bot" },
            ["locale"] = language,
        };
        if (reply.Kind == ReplyKind.Event)
        {
            activity["name"] = reply.EventName;
            activity["value"] = JsonSerializer.SerializeToNode(reply.EventValue, Json);
        }
        else
        {
            activity["text"] = reply.Text;
            activity["textFormat"] = "markdown";
        }

        if (reply.Actions.Count > 0)
        {
            var actions = new JsonArray();
            foreach (var action in reply.Actions)
            {
                actions.Add(new JsonObject
                {
                    ["type"] = "messageBack",
                    ["title"] = action.Title,
                    ["text"] = action.Title,
                    ["displayText"] = action.Title,
                    ["value"] = action.Value,
                });
            }

            activity["suggestedActions"] = new JsonObject { ["actions"] = actions };
        }

        if (reply.Attachments.Count > 0)
        {
            activity["attachments"] = new JsonArray(reply.Attachments.Select(a => (JsonNode)new JsonObject
            {
                ["contentType"] = a.ContentType,
                ["name"] = a.Name,
                ["content"] = JsonSerializer.SerializeToNode(a.Content, Json),
            }).ToArray());
        }

        var channelData = JsonSerializer.SerializeToNode(reply.ChannelData, Json) as JsonObject ?? [];
        if (reply.AgentId is not null)
        {
            channelData["agent"] = new JsonObject { ["id"] = reply.AgentId, ["name"] = reply.AgentName };
        }

        activity["channelData"] = channelData;
        return activity.ToJsonString();
    }
}
