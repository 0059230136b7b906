using System.Text.Json.Nodes;

namespace Bench.Host;

/// <summary>What the bot answered to one player message, read from the Direct Line activities that followed it.</summary>
internal sealed record BotAnswer(
    string? ArticleId,
    IReadOnlyList<string> ClarifyIntents,
    bool Handoff,
    string? HandoffReason,
    string? HandoffIntent,
    string? ArticleBeforeHandoff,
    string? Intent)
{
    public const string IntentValuePrefix = "intent:";

    /// <summary>No answer (the turn failed).</summary>
    public static readonly BotAnswer None = new(null, [], false, null, null, null, null);

    /// <summary>answer, clarify, handoff or other (not understood, a notice).</summary>
    public string Kind => Handoff ? "handoff" : ArticleId is not null ? "answer" : ClarifyIntents.Count > 0 ? "clarify" : "other";

    /// <summary>Reads the bot's messages after the player's activity carrying <paramref name="clientActivityId"/>.</summary>
    public static BotAnswer From(IReadOnlyList<JsonObject> activities, string clientActivityId)
    {
        var start = 0;
        for (var i = 0; i < activities.Count; i++)
        {
            if (Text(activities[i]["channelData"]?["clientActivityID"]) == clientActivityId)
            {
                start = i + 1;
            }
        }

        string? articleId = null, handoffReason = null, handoffIntent = null, beforeHandoff = null, intent = null, previousArticle = null;
        var handoff = false;
        var clarify = new List<string>();
        foreach (var activity in activities.Skip(start))
        {
            if (Text(activity["type"]) != "message" || Text(activity["from"]?["role"]) != "bot")
            {
                continue;
            }

            var data = activity["channelData"] as JsonObject;
            var article = Text(data?["articleId"]);
            intent ??= Text(data?["intent"]);
            if (data?["handoff"] is JsonObject handoffData && !handoff)
            {
                handoff = true;
                handoffReason = Text(handoffData["reason"]);
                handoffIntent = Text(data["intent"]);
                beforeHandoff = previousArticle;
            }

            articleId ??= article;
            previousArticle = article;
            foreach (var action in (activity["suggestedActions"]?["actions"] as JsonArray ?? []).OfType<JsonObject>())
            {
                if (Text(action["value"]) is { } value && value.StartsWith(IntentValuePrefix, StringComparison.Ordinal))
                {
                    clarify.Add(value[IntentValuePrefix.Length..]);
                }
            }
        }

        return new BotAnswer(articleId, clarify, handoff, handoffReason, handoffIntent, beforeHandoff, intent);
    }

    /// <summary>
    /// Top-1 / top-3 against the expected article (or, with <paramref name="acceptAlternatives"/>, also against the
    /// line's accepted alternatives). A handoff is right only where a person is the answer (sensitive
    /// intents, human_agent): then it is a hit when it follows the expected article, carries the expected intent, or —
    /// for human_agent — was an explicit request for a person.
    /// </summary>
    public (bool Top1, bool Top3) Score(EvalLine line, bool acceptAlternatives = false)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (Handoff)
        {
            var hit = line.ExpectsHandoff && (ArticleBeforeHandoff == line.ArticleId || HandoffIntent == line.ArticleId
                || line.ArticleId == "human_agent" && HandoffReason == "human_request");
            return (hit, hit);
        }

        // Top-3: the options the player sees — the answer first, then the topic buttons (clarify or related).
        bool Hit(string? id) => acceptAlternatives ? line.Accepts(id) : id == line.ArticleId;
        var shown = (ArticleId is null ? Enumerable.Empty<string>() : [ArticleId]).Concat(ClarifyIntents).Take(3);
        return (Hit(ArticleId), shown.Any(Hit));
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
