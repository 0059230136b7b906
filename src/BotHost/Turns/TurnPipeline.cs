namespace BotHost.Turns;

/// <summary>Runs every inbound message through the middlewares and the bot, then sends the replies.</summary>
public sealed class TurnPipeline(
    IEnumerable<ITurnMiddleware> middlewares,
    ConversationService conversations,
    OutboundDispatcher outbound,
    TurnErrorHandler errors)
{
    private readonly ITurnMiddleware[] _middlewares = middlewares.ToArray();

    /// <summary>Processes one turn; returns the context (stored inbound message, replies sent).</summary>
    public async Task<TurnContext> ProcessAsync(Turn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var context = new TurnContext(turn);
        using (await conversations.LockAsync(turn.ConversationId, cancellationToken))
        {
            try
            {
                await RunAsync(context, 0, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                await errors.HandleAsync(context, ex, cancellationToken);
            }

            if (context.Replies.Count > 0 && context.Conversation is not null)
            {
                await outbound.SendAsync(context.Conversation, context.Replies, cancellationToken);
            }
        }

        return context;
    }

    private Task RunAsync(TurnContext context, int index, CancellationToken cancellationToken) =>
        index < _middlewares.Length
            ? _middlewares[index].InvokeAsync(context, () => RunAsync(context, index + 1, cancellationToken), cancellationToken)
            : Task.CompletedTask;
}
