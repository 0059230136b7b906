using Handoff.Persistence;

namespace BotHost.Dashboard;

/// <summary>
/// Records the player messages the bot could not answer, for the dashboard's list of what the knowledge base lacks.
/// A failure to record is logged and never fails the player's turn: the reply matters more than the statistic.
/// </summary>
public sealed class UnansweredRecorder(IHandoffStore store, ILogger<UnansweredRecorder> logger)
{
    /// <summary>The bot said the question is outside what it helps with.</summary>
    public const string Declined = "declined";

    /// <summary>The bot did not understand and offered nothing but a person.</summary>
    public const string NotUnderstood = "not_understood";

    /// <summary>The bot offered topics to pick from instead of an answer.</summary>
    public const string Clarified = "clarified";

    public async Task RecordAsync(string conversationId, string language, string text, string outcome, CancellationToken cancellationToken)
    {
        try
        {
            await store.RecordUnansweredAsync(conversationId, language, text, outcome, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.UnansweredNotRecorded(logger, conversationId, ex);
        }
    }
}
