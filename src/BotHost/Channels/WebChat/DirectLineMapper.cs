using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using BotHost.Turns;
using Handoff.Conversations;

namespace BotHost.Channels.WebChat;

/// <summary>Converts between Direct Line activities and turns / stored transcript messages.</summary>
public static class DirectLineMapper
{
    public const string ChannelId = "directline";

    /// <summary>The activity id of a stored message: <c>{conversationId}|{seq:0000000}</c>.</summary>
    public static string ActivityId(string conversationId, long seq) =>
        conversationId + "|" + seq.ToString("D7", CultureInfo.InvariantCulture);

    /// <summary>A posted activity as a turn, or an error message saying what is wrong with it.</summary>
    public static (Turn? Turn, string? Error) ToTurn(JsonObject activity, DirectLineToken token, string clientActivityId)
    {
        var type = activity["type"]?.GetValueKind() == JsonValueKind.String ? activity["type"]!.GetValue<string>() : null;
        if (type is null)
        {
            return (null, "The activity has no 'type'.");
        }

        var text = activity["text"]?.GetValueKind() == JsonValueKind.String ? activity["text"]!.GetValue<string>() : "";
        var value = activity["value"] switch
        {
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            JsonObject o when o["value"] is JsonValue inner && inner.GetValueKind() == JsonValueKind.String => inner.GetValue<string>(),
            _ => null,
        };
        var locale = activity["locale"]?.GetValueKind() == JsonValueKind.String ? activity["locale"]!.GetValue<string>() : token.Locale;

        // What is stored and echoed: the client's activity with our id, the user the token names, and the clientActivityID kept.
        activity["channelId"] = ChannelId;
        activity["from"] = new JsonObject { ["id"] = token.UserId, ["name"] = token.UserName, ["role"] = "user" };
        activity["conversation"] = new JsonObject { ["id"] = token.ConversationId };
        activity.Remove("id");
        var payload = activity.ToJsonString();

        return type switch
        {
            "message" => (new Turn
            {
                ConversationId = token.ConversationId,
                Channel = ChannelId,
                ActivityId = clientActivityId,
                UserId = token.UserId,
                UserName = token.UserName,
                Text = text,
                Value = value,
                Locale = locale,
                VerifiedPlayerId = token.PlayerId,
                PayloadJson = payload,
            }, null),
            "event" or "handoff" => (new Turn
            {
                ConversationId = token.ConversationId,
                Channel = ChannelId,
                ActivityId = clientActivityId,
                UserId = token.UserId,
                Kind = TurnKind.Event,
                EventName = activity["name"]?.GetValueKind() == JsonValueKind.String ? activity["name"]!.GetValue<string>() : type,
                EventValue = activity["value"] is { } node ? JsonSerializer.Deserialize<JsonElement>(node.ToJsonString()) : null,
                Locale = locale,
                VerifiedPlayerId = token.PlayerId,
                PayloadJson = payload,
            }, null),
            _ => (null, $"Activities of type '{type}' are not accepted; send 'message' or 'event'."),
        };
    }

    /// <summary>A stored message as the activity Direct Line clients receive.</summary>
    public static JsonObject ToActivity(TranscriptMessage message)
    {
        var activity = (message.PayloadJson is { } json ? JsonNode.Parse(json) as JsonObject : null) ?? new JsonObject
        {
            ["type"] = "message",
            ["from"] = new JsonObject { ["id"] = ActivityJson.BotId, ["name"] = message.SenderName ?? ActivityJson.BotName, ["role"] = "bot" },
        };
        activity["id"] = ActivityId(message.ConversationId, message.Seq);
        activity["timestamp"] = message.At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);
        activity["channelId"] = ChannelId;
        activity["conversation"] = new JsonObject { ["id"] = message.ConversationId };
        if (message.Sender == MessageSender.Player && activity["type"]?.ToString() == "message")
        {
            // The transcript keeps card numbers and e-mails masked; the echo shows what was kept.
            activity["text"] = message.Text;
        }

        if (message.PayloadJson is null)
        {
            activity["text"] = message.Text;
        }

        return activity;
    }
}
