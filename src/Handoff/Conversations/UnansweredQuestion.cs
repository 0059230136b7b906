namespace Handoff.Conversations;

/// <summary>A player message the bot could not answer, kept so the operator sees what the knowledge base lacks.</summary>
/// <param name="Id">Store id.</param>
/// <param name="ConversationId">The conversation it came from.</param>
/// <param name="Language">The language the bot replied in.</param>
/// <param name="Text">What the player wrote, with personal data masked.</param>
/// <param name="Outcome">How the bot replied: <c>declined</c>, <c>not_understood</c> or <c>clarified</c>.</param>
/// <param name="At">When it was recorded (UTC).</param>
/// <param name="ReviewedAs">
/// What a supervisor did with it: <c>article:&lt;id&gt;</c> (taught as a question of that article), <c>out_of_scope</c>
/// or <c>dismissed</c>; null while it waits for review.
/// </param>
public sealed record UnansweredQuestion(
    long Id, string ConversationId, string Language, string Text, string Outcome, DateTimeOffset At, string? ReviewedAs = null);
