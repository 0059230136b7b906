namespace BotHost.Turns;

/// <summary>One cross-cutting step of a turn; calls <c>next</c> to continue or returns to stop the turn.</summary>
public interface ITurnMiddleware
{
    Task InvokeAsync(TurnContext context, Func<Task> next, CancellationToken cancellationToken);
}
