using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace BotHost.Tests.Channels.Teams;

/// <summary>Activities as Teams sends them to /api/messages.</summary>
public static class ActivityBuilder
{
    public const string BotId = "28:" + ChannelEmulator.AppId;
    public const string BotName = "Support";

    public static JsonObject Message(string serviceUrl, string conversationId, string text, string userId = "29:player-1", string locale = "en-US")
    {
        var activity = Base("message", serviceUrl, conversationId, userId);
        activity["text"] = text;
        activity["textFormat"] = "plain";
        activity["locale"] = locale;
        return activity;
    }

    /// <summary>A channel message that @mentions the bot, as Teams delivers it.</summary>
    public static JsonObject Mention(string serviceUrl, string conversationId, string text, string userId)
    {
        var activity = Message(serviceUrl, conversationId, $"<at>{BotName}</at> {text}", userId);
        activity["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = $"<at>{BotName}</at>",
            ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = BotName },
        });
        return activity;
    }

    /// <summary>An Adaptive Card Action.Submit pressed in Teams: a message whose value is the action's data.</summary>
    public static JsonObject Submit(string serviceUrl, string conversationId, JsonObject data, string userId, string? replyToId = null)
    {
        var activity = Base("message", serviceUrl, conversationId, userId);
        activity["value"] = data;
        if (replyToId is not null)
        {
            activity["replyToId"] = replyToId;
        }

        return activity;
    }

    public static JsonObject MembersAdded(string serviceUrl, string conversationId, string userId, string locale = "en-US")
    {
        var activity = Base("conversationUpdate", serviceUrl, conversationId, userId);
        activity["locale"] = locale;
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = BotId }, new JsonObject { ["id"] = userId });
        return activity;
    }

    public static HttpRequestMessage Post(JsonObject activity, string? jwt)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (jwt is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", jwt);
        }

        return request;
    }

    private static JsonObject Base(string type, string serviceUrl, string conversationId, string userId) => new()
    {
        ["type"] = type,
        ["id"] = "f:" + Guid.NewGuid().ToString("N"),
        ["timestamp"] = "2026-11-25T23:00:00.000Z",
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = userId, ["name"] = "Teams User " + userId[^4..], ["aadObjectId"] = Guid.NewGuid().ToString() },
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = conversationId.StartsWith("19:", StringComparison.Ordinal) ? "channel" : "personal", ["tenantId"] = "tenant-1" },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = BotName },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-1" } },
    };

    public static string NewPersonalConversation() => "a:" + Guid.NewGuid().ToString("N");
}
