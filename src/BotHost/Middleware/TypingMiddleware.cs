using BotHost.Turns;

namespace BotHost.Middleware;

/// <summary>Shows the player that the bot is working (typing indicator / chat action) while the turn runs.</summary>
public sealed class TypingMiddleware(IEnumerable<IChannelAdapter> adapters) : ITurnMiddleware
{
    private readonly Dictionary<string, IChannelAdapter> _adapters = adapters.ToDictionary(a => a.Channel, StringComparer.Ordinal);

    public async Task InvokeAsync(TurnContext context, Func<Task> next, CancellationToken cancellationToken)
    {
        if (context.Turn.Kind == TurnKind.Message && _adapters.TryGetValue(context.Conversation.Channel, out var adapter))
        {
            await adapter.SendTypingAsync(context.Conversation, cancellationToken);
        }

        await next();
    }
}
