using BotHost.Identity;
using BotHost.Turns;

namespace BotHost.Middleware;

/// <summary>
/// Redeems the one-time code a channel found in the turn (<see cref="Turn.LinkCode"/>): the conversation is then
/// verified as that player, and the transcript middleware keeps the player id for every later turn. A code sent in a
/// group chat or channel is spent and refused, so a verified account is never attached to a shared conversation.
/// The link message gets only the linking answer (a Telegram deep-link start also gets the greeting before it).
/// </summary>
public sealed class AccountLinkingMiddleware(
    AccountLinking linking, ConversationService conversations, ILogger<AccountLinkingMiddleware> logger) : ITurnMiddleware
{
    public async Task InvokeAsync(TurnContext context, Func<Task> next, CancellationToken cancellationToken)
    {
        var turn = context.Turn;
        if (turn.LinkCode is not { } code)
        {
            await next();
            return;
        }

        // Before language detection, which cannot read "link ****-****": the chat's language, or that of the verb.
        context.Language = Bot.BotTexts.Supported(LinkCode.VerbLanguage(turn.Text) ?? context.Conversation.Language);
        string answer;
        if (turn.SharedConversation)
        {
            // Everyone in the chat has seen the code: it must not work anywhere else either.
            await linking.TryRedeemAsync(code, cancellationToken);
            Log.LinkRefusedShared(logger, turn.ConversationId, turn.Channel);
            answer = LinkingTexts.SharedRefused(context.Language);
        }
        else if (await linking.TryRedeemAsync(code, cancellationToken) is { } playerId)
        {
            context.Conversation = await conversations.UpdateAsync(context.Conversation, c => c with { PlayerId = playerId }, cancellationToken);
            Log.AccountLinked(logger, turn.ConversationId, turn.Channel);
            answer = LinkingTexts.Linked(context.Language);
        }
        else
        {
            Log.LinkCodeRejected(logger, turn.ConversationId, turn.Channel);
            answer = LinkingTexts.Failed(context.Language);
        }

        if (turn.Kind == TurnKind.ConversationStart)
        {
            await next();
        }

        context.Reply(new Reply { Text = answer, ChannelData = ReplyData.For(null, 0, context.Language) });
    }
}
