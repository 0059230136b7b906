using System.Text.Json;
using Handoff.Tickets;

namespace BotHost.Turns;

/// <summary>What the pipeline remembers between turns; stored as JSON in the conversation record.</summary>
public sealed class ConversationState
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Turns in a row the bot could not answer.</summary>
    public int Misses { get; set; }
    public string? LastText { get; set; }
    public int Repeats { get; set; }
    public List<string> ArticlesShown { get; set; } = [];
    public List<IntentCandidate> LastCandidates { get; set; } = [];
    /// <summary>A resolved ticket waiting for the player's 1–5 rating.</summary>
    public long? RatingTicketId { get; set; }
    /// <summary>A rated ticket waiting for the optional comment.</summary>
    public long? CommentTicketId { get; set; }
    public int? CommentScore { get; set; }
    /// <summary>Account look-ups that failed because the operator's API was down.</summary>
    public int AccountFailures { get; set; }
    public DateTimeOffset? LastWaitingNoticeAt { get; set; }

    public static ConversationState Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return new ConversationState();
        }

        try
        {
            return JsonSerializer.Deserialize<ConversationState>(json, Json) ?? new ConversationState();
        }
        catch (JsonException)
        {
            // A state we cannot read must not trap the player in a loop: start clean.
            return new ConversationState();
        }
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}
