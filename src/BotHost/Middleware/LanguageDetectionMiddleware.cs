using BotHost.Bot;
using BotHost.Knowledge;
using BotHost.Turns;

namespace BotHost.Middleware;

/// <summary>Answers come in the player's language: detected from the text, else the conversation's, else the locale hint, else English.</summary>
public sealed class LanguageDetectionMiddleware(KnowledgeRuntime knowledge) : ITurnMiddleware
{
    private const double MinimumConfidence = 0.6;

    public Task InvokeAsync(TurnContext context, Func<Task> next, CancellationToken cancellationToken)
    {
        var text = context.Turn.Text;
        var guess = string.IsNullOrWhiteSpace(text) ? null : knowledge.Classifier.DetectLanguage(text);
        context.Language = guess is not null && guess.Language != Intents.LanguageGuess.Unknown && guess.Confidence >= MinimumConfidence
            ? BotTexts.Supported(guess.Language)
            : BotTexts.Supported(context.Conversation.Language);
        return next();
    }
}
