using System.Text;
using BotHost.Bot;
using BotHost.Knowledge;
using BotHost.Turns;

namespace BotHost.Middleware;

/// <summary>
/// Answers come in the player's language: detected from the text, else the conversation's, else the locale hint, else
/// English. A single plain-ASCII word ("acca", "usdt", "skrill", "ok") says nothing about the language, so it does not
/// switch a conversation's language; letters only some languages use (Cyrillic, ł, ư…) still do.
/// </summary>
public sealed class LanguageDetectionMiddleware(KnowledgeRuntime knowledge) : ITurnMiddleware
{
    private const double MinimumConfidence = 0.6;

    public Task InvokeAsync(TurnContext context, Func<Task> next, CancellationToken cancellationToken)
    {
        var text = context.Turn.Text;
        var guess = string.IsNullOrWhiteSpace(text) || IsOnePlainWord(text) ? null : knowledge.Classifier.DetectLanguage(text);
        context.Language = guess is not null && guess.Language != Intents.LanguageGuess.Unknown && guess.Confidence >= MinimumConfidence
            ? BotTexts.Supported(guess.Language)
            : BotTexts.Supported(context.Conversation.Language);
        return next();
    }

    internal static bool IsOnePlainWord(string text)
    {
        var trimmed = text.AsSpan().Trim();
        return trimmed.IndexOfAny(' ', '\t', '\n') < 0 && Ascii.IsValid(trimmed);
    }
}
