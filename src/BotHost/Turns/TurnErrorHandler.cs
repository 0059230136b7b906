using BotHost.Bot;

namespace BotHost.Turns;

/// <summary>The edge of a turn: logs, apologises in the player's language and resets the state so a bad state cannot loop.</summary>
public sealed class TurnErrorHandler(ConversationService conversations, ILogger<TurnErrorHandler> logger)
{
    public async Task HandleAsync(TurnContext context, Exception exception, CancellationToken cancellationToken)
    {
        Log.TurnFailed(logger, context.Turn.ConversationId, context.Turn.Channel, exception);
        context.Replies.Clear();
        context.Reply(new Reply
        {
            Text = BotTexts.Get(context.Language, "error_apology"),
            ChannelData = ReplyData.For(null, 0, context.Language),
        });
        if (context.Conversation is not null)
        {
            context.Conversation = await conversations.UpdateAsync(
                context.Conversation.Id, c => c with { StateJson = "{}" }, cancellationToken);
        }
    }
}
