using Handoff.Conversations;
using Intents;

namespace BotHost.Turns;

/// <summary>A turn in flight: the inbound message, the conversation, what the middlewares found, and the replies.</summary>
public sealed class TurnContext(Turn turn)
{
    public Turn Turn { get; } = turn;

    /// <summary>Loaded by the transcript middleware; updated by whoever changes the mode.</summary>
    public ConversationRecord Conversation { get; set; } = null!;

    public ConversationState State { get; set; } = new();

    public TranscriptMessage? Stored { get; set; }

    public string Language { get; set; } = "en";

    public IntentPrediction? Prediction { get; set; }

    /// <summary>The knowledge-base search for this turn's text, once computed.</summary>
    public KnowledgeIndex.Search.SearchResult? Search { get; set; }

    public List<Reply> Replies { get; } = [];

    public void Reply(Reply reply) => Replies.Add(reply);
}
