using System.Globalization;
using BotHost.Bot;
using BotHost.Turns;
using Handoff;

namespace BotHost.Middleware;

/// <summary>Takes the player's rating after a resolved ticket, its optional comment, and "did this help?" answers.</summary>
public sealed class FeedbackMiddleware(HandoffService handoff) : ITurnMiddleware
{
    public async Task InvokeAsync(TurnContext context, Func<Task> next, CancellationToken cancellationToken)
    {
        var state = context.State;
        var value = context.Turn.Value;
        var text = context.Turn.Text.Trim();

        if (state.RatingTicketId is { } ratingTicket && TryRating(value, text, out var score))
        {
            await handoff.RecordCsatAsync(ratingTicket, score, null, cancellationToken);
            state.RatingTicketId = null;
            state.CommentTicketId = ratingTicket;
            state.CommentScore = score;
            context.Reply(new Reply { Text = BotTexts.Get(context.Language, "rating_thanks"), ChannelData = ReplyData.For(null, 1, context.Language) });
            return;
        }

        if (state.CommentTicketId is { } commentTicket && state.CommentScore is { } given && value is null)
        {
            state.CommentTicketId = null;
            state.CommentScore = null;
            var prediction = context.Prediction;
            if (prediction is null || !prediction.IsConfident || prediction.TopIntent is "goodbye")
            {
                await handoff.RecordCsatAsync(commentTicket, given, text, cancellationToken);
                context.Reply(new Reply { Text = BotTexts.Get(context.Language, "comment_thanks"), ChannelData = ReplyData.For(null, 1, context.Language) });
                return;
            }
        }

        state.RatingTicketId = null;
        if (value is not null && value.StartsWith("feedback:", StringComparison.Ordinal))
        {
            var helped = value.StartsWith("feedback:yes", StringComparison.Ordinal);
            state.Misses = helped ? 0 : state.Misses + 1;
            context.Reply(new Reply
            {
                Text = BotTexts.Get(context.Language, helped ? "feedback_yes" : "feedback_no"),
                Actions = helped ? [] : [new SuggestedAction(BotTexts.Get(context.Language, "talk_to_person"), BotLogic.HandoffValue)],
                ChannelData = ReplyData.For(null, 1, context.Language),
            });
            return;
        }

        await next();
    }

    private static bool TryRating(string? value, string text, out int score)
    {
        var candidate = value is not null && value.StartsWith("rate:", StringComparison.Ordinal) ? value[5..] : text.Trim('★', ' ', '.', '!');
        if (text.Length > 0 && text.All(c => c == '★'))
        {
            candidate = text.Length.ToString(CultureInfo.InvariantCulture);
        }

        return int.TryParse(candidate, NumberStyles.None, CultureInfo.InvariantCulture, out score) && score is >= 1 and <= 5;
    }
}
