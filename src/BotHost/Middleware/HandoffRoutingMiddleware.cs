using BotHost.Bot;
using BotHost.Handoffs;
using BotHost.Turns;
using Handoff.Conversations;
using Handoff.Persistence;

namespace BotHost.Middleware;

/// <summary>
/// While a human holds the conversation or a ticket waits, the player's message goes to the agents and the bot stays
/// silent. Enforced from the stored conversation mode, whichever surface the human answers from. Also takes the
/// Bot Framework <c>handoff.status</c> event from an external agent hub.
/// </summary>
public sealed class HandoffRoutingMiddleware(
    IHandoffStore store, HandoffCoordinator coordinator, ConversationService conversations, TimeProvider clock) : ITurnMiddleware
{
    private static readonly TimeSpan WaitingNoticeInterval = TimeSpan.FromMinutes(5);

    public async Task InvokeAsync(TurnContext context, Func<Task> next, CancellationToken cancellationToken)
    {
        var conversation = context.Conversation;
        if (context.Turn.Kind == TurnKind.Event && context.Turn.EventName is "handoff.status")
        {
            await HandleStatusAsync(context, cancellationToken);
            return;
        }

        if (conversation.Mode == ConversationMode.Bot || conversation.ActiveTicketId is not { } ticketId || context.Stored is null)
        {
            await next();
            return;
        }

        var ticket = await store.GetTicketAsync(ticketId, cancellationToken);
        if (ticket is null)
        {
            await next();
            return;
        }

        await coordinator.NotifyMessageAsync(ticket, context.Stored, cancellationToken);
        var now = clock.GetUtcNow();
        if (conversation.Mode == ConversationMode.WaitingForAgent &&
            (context.State.LastWaitingNoticeAt is not { } last || now - last > WaitingNoticeInterval))
        {
            context.State.LastWaitingNoticeAt = now;
            context.Reply(new Reply { Text = BotTexts.Get(ticket.Language, "still_waiting") });
        }
    }

    /// <summary>
    /// <c>accepted</c>: an external agent holds the conversation; <c>failed</c>: back to the bot with the hub's message;
    /// <c>completed</c>: back to the bot, which asks for a rating.
    /// </summary>
    private async Task HandleStatusAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var value = context.Turn.EventValue;
        var state = value?.ValueKind == System.Text.Json.JsonValueKind.Object && value.Value.TryGetProperty("state", out var s)
            ? s.GetString()
            : null;
        var message = value?.ValueKind == System.Text.Json.JsonValueKind.Object && value.Value.TryGetProperty("message", out var m)
            ? m.GetString()
            : null;
        var ticket = context.Conversation.ActiveTicketId is { } id ? await store.GetTicketAsync(id, cancellationToken) : null;
        switch (state)
        {
            case "accepted":
                context.Conversation = await conversations.UpdateAsync(
                    context.Conversation.Id, c => c with { Mode = ConversationMode.WithAgent }, cancellationToken);
                break;
            case "failed":
                context.Conversation = await conversations.UpdateAsync(
                    context.Conversation.Id, c => c with { Mode = ConversationMode.Bot }, cancellationToken);
                context.Reply(new Reply { Text = BotTexts.Format(context.Language, "agent_unavailable_failed", message ?? "") });
                break;
            case "completed" when ticket is not null:
                await coordinator.ReturnToBotAsync(ticket, askRating: true, cancellationToken);
                context.Conversation = await conversations.GetAsync(context.Conversation.Id, cancellationToken) ?? context.Conversation;
                context.State = ConversationState.Parse(context.Conversation.StateJson);
                break;
            case "completed":
                context.Conversation = await conversations.UpdateAsync(
                    context.Conversation.Id, c => c with { Mode = ConversationMode.Bot }, cancellationToken);
                break;
            default:
                break;
        }
    }
}
