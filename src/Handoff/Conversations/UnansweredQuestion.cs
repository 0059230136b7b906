namespace Handoff.Conversations;

/// <summary>A player message the bot could not answer, kept so the operator sees what the knowledge base lacks.</summary>
/// <param name="ConversationId">The conversation it came from.</param>
/// <param name="Language">The language the bot replied in.</param>
/// <param name="Text">What the player wrote, with personal data masked.</param>
/// <param name="Outcome">How the bot replied: <c>declined</c>, <c>not_understood</c> or <c>clarified</c>.</param>
/// <param name="At">When it was recorded (UTC).</param>
public sealed record UnansweredQuestion(string ConversationId, string Language, string Text, string Outcome, DateTimeOffset At);
