using BotHost.Turns;
using Handoff.Conversations;
using Handoff.Persistence;

namespace BotHost.Middleware;

/// <summary>
/// First step of every turn: the message is stored before anything else happens, idempotent on the channel's
/// activity id, so a retry is not a second message and a crash later in the turn loses nothing.
/// </summary>
public sealed class TranscriptMiddleware(IHandoffStore store, ConversationService conversations, TimeProvider clock) : ITurnMiddleware
{
    public async Task InvokeAsync(TurnContext context, Func<Task> next, CancellationToken cancellationToken)
    {
        var turn = context.Turn;
        var conversation = await conversations.GetOrCreateAsync(
            turn.ConversationId, turn.Channel, turn.ReferenceJson, Bot.BotTexts.Supported(turn.Locale), cancellationToken);
        context.Conversation = conversation;
        context.Language = conversation.Language;

        if (turn.Kind == TurnKind.ConversationStart)
        {
            await next();
            return;
        }

        var appended = await store.AppendMessageAsync(new NewMessage(
            turn.ConversationId, turn.ActivityId, MessageSender.Player, turn.UserName ?? turn.UserId,
            turn.Kind == TurnKind.Event ? $"[{turn.EventName}]" : turn.Text, turn.PayloadJson), cancellationToken);
        context.Stored = appended.Message;
        if (appended.Duplicate)
        {
            return;
        }

        var now = clock.GetUtcNow();
        context.Conversation = await conversations.UpdateAsync(conversation, c => c with
        {
            LastPlayerActivityAt = now,
            PlayerId = turn.VerifiedPlayerId ?? c.PlayerId,
            ReferenceJson = turn.ReferenceJson ?? c.ReferenceJson,
        }, cancellationToken);
        context.State = ConversationState.Parse(context.Conversation.StateJson);
        await next();
        var state = context.State.ToJson();
        var language = context.Language;
        context.Conversation = await conversations.UpdateAsync(context.Conversation, c => c with { StateJson = state, Language = language }, cancellationToken);
    }
}
