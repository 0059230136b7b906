using System.Text;
using BotHost.Bot;
using BotHost.Knowledge;
using BotHost.Turns;

namespace BotHost.Middleware;

/// <summary>
/// Answers come in the player's language: detected from the text, else the conversation's, else the locale hint, else
/// English. Plain ASCII carries no script evidence, so it changes a conversation's language only on a confident guess
/// (transliterated Russian, "kak vyvesti dengi", looks like Polish to the detector at p ≈ 0.6), and a single plain
/// word ("acca", "usdt", "ok") never does. Letters only some languages use (Cyrillic, ł, ư…) are evidence.
/// </summary>
public sealed class LanguageDetectionMiddleware(KnowledgeRuntime knowledge) : ITurnMiddleware
{
    private const double MinimumConfidence = 0.6;
    private const double AsciiSwitchConfidence = 0.9;

    public Task InvokeAsync(TurnContext context, Func<Task> next, CancellationToken cancellationToken)
    {
        var text = context.Turn.Text;
        var guess = string.IsNullOrWhiteSpace(text) || IsOnePlainWord(text) ? null : knowledge.Classifier.DetectLanguage(text);
        context.Language = Choose(guess, text, BotTexts.Supported(context.Conversation.Language));
        return next();
    }

    /// <summary>The language to answer in, given the detector's guess and the conversation's language so far.</summary>
    internal static string Choose(Intents.LanguageGuess? guess, string text, string conversationLanguage)
    {
        if (guess is null || guess.Language == Intents.LanguageGuess.Unknown)
        {
            return conversationLanguage;
        }

        var language = BotTexts.Supported(guess.Language);
        var required = language != conversationLanguage && Ascii.IsValid(text) ? AsciiSwitchConfidence : MinimumConfidence;
        return guess.Confidence >= required ? language : conversationLanguage;
    }

    internal static bool IsOnePlainWord(string text)
    {
        var trimmed = text.AsSpan().Trim();
        return trimmed.IndexOfAny(' ', '\t', '\n') < 0 && Ascii.IsValid(trimmed);
    }
}
