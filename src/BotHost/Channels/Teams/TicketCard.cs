using System.Globalization;
using System.Text.Json.Nodes;
using Handoff.Conversations;
using Handoff.Tickets;

namespace BotHost.Channels.Teams;

/// <summary>The Adaptive Card posted to the agents' Teams channel for a new ticket, with a "Pick up" button.</summary>
public static class TicketCard
{
    public const string PickupAction = "pickup";

    public static JsonObject Activity(Ticket ticket, IReadOnlyList<TranscriptMessage> lastPlayerMessages, TeamsReference channel)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(lastPlayerMessages);
        var intents = ticket.TopIntents.Count == 0
            ? "—"
            : string.Join(", ", ticket.TopIntents.Select(c => c.Intent + " " + c.Score.ToString("0.00", CultureInfo.InvariantCulture)));
        var body = new List<JsonNode>
        {
            new JsonObject
            {
                ["type"] = "TextBlock",
                ["text"] = $"Ticket #{ticket.Id.ToString(CultureInfo.InvariantCulture)}: {ticket.Reason}",
                ["weight"] = "Bolder",
                ["size"] = "Medium",
                ["wrap"] = true,
            },
            new JsonObject
            {
                ["type"] = "FactSet",
                ["facts"] = new JsonArray(
                    Fact("Ticket", ticket.Id.ToString(CultureInfo.InvariantCulture)),
                    Fact("Queue", ticket.Queue),
                    Fact("Language", ticket.Language),
                    Fact("Reason", ticket.Reason),
                    Fact("Priority", ticket.Priority.ToString(CultureInfo.InvariantCulture)),
                    Fact("Player", ticket.PlayerId ?? "not verified"),
                    Fact("Channel", ticket.Channel),
                    Fact("Top intents", intents)),
            },
        };
        if (lastPlayerMessages.Count > 0)
        {
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = "Last messages", ["weight"] = "Bolder", ["wrap"] = true });
            body.AddRange(lastPlayerMessages.Select(m => (JsonNode)new JsonObject
            {
                ["type"] = "TextBlock",
                ["text"] = m.Text,
                ["wrap"] = true,
                ["isSubtle"] = true,
            }));
        }

        var pickup = new JsonObject
        {
            ["type"] = "Action.Submit",
            ["title"] = "Pick up",
            ["data"] = new JsonObject { ["action"] = PickupAction, ["ticketId"] = ticket.Id },
        };
        var activity = TeamsMapper.Bare(channel, "message");
        activity["summary"] = $"Ticket #{ticket.Id.ToString(CultureInfo.InvariantCulture)} waits in {ticket.Queue}";
        activity["attachments"] = new JsonArray(new JsonObject
        {
            ["contentType"] = TeamsMapper.AdaptiveCardType,
            ["content"] = TeamsMapper.Card(body, [pickup]),
        });
        return activity;
    }

    private static JsonObject Fact(string title, string value) => new() { ["title"] = title, ["value"] = value };
}
