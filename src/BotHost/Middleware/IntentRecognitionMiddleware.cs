using BotHost.Knowledge;
using BotHost.Turns;
using Intents;

namespace BotHost.Middleware;

/// <summary>Ranks intents with calibrated probabilities; a topic button the player pressed counts as certain.</summary>
public sealed class IntentRecognitionMiddleware(KnowledgeRuntime knowledge) : ITurnMiddleware
{
    public const string IntentValuePrefix = "intent:";

    public Task InvokeAsync(TurnContext context, Func<Task> next, CancellationToken cancellationToken)
    {
        if (context.Turn.Value is { } value && value.StartsWith(IntentValuePrefix, StringComparison.Ordinal))
        {
            context.Prediction = new IntentPrediction(
                context.Language, [new IntentScore(value[IntentValuePrefix.Length..], 1.0)], IntentDecision.Confident);
        }
        else if (!string.IsNullOrWhiteSpace(context.Turn.Text) && context.Turn.Value != Bot.BotLogic.TooLongValue)
        {
            context.Prediction = knowledge.Classifier.Predict(context.Turn.Text, context.Language);
        }

        return next();
    }
}
