using System.Text.Json;
using BotHost.Accounts;
using BotHost.AgentConsole;
using BotHost.Bot;
using BotHost.Turns;
using Handoff;
using Handoff.Conversations;
using Handoff.Persistence;
using Handoff.Queues;
using Handoff.Tickets;

namespace BotHost.Handoffs;

/// <summary>
/// Moves a conversation between the bot and humans: opens tickets with the collected context, lets agents claim,
/// answer, transfer and resolve, and keeps the conversation's mode (who answers) in step with the ticket.
/// </summary>
public sealed class HandoffCoordinator(
    HandoffService handoff,
    IHandoffStore store,
    QueueRouter router,
    ConversationService conversations,
    OutboundDispatcher outbound,
    IEnumerable<IAgentNotifier> notifiers,
    IAccountDirectory accounts,
    AgentDirectory agents,
    AgentPresence presence,
    TimeProvider clock,
    ILogger<HandoffCoordinator> logger)
{
    public static readonly IReadOnlySet<string> SensitiveIntents =
        new HashSet<string>(["self_exclusion", "gambling_problem", "account_hacked", "complaint"]);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Opens a ticket for the turn's conversation and tells the player; replies go into the turn.</summary>
    public async Task<Ticket> StartAsync(TurnContext context, string reason, string? intent, CancellationToken cancellationToken)
    {
        var conversation = context.Conversation;
        AccountSummary? account = null;
        if (conversation.PlayerId is { } playerId)
        {
            try
            {
                account = await accounts.FindAsync(playerId, cancellationToken);
            }
            catch (AccountDirectoryUnavailableException)
            {
                // The ticket still opens; the agent looks the account up.
            }
        }

        var candidates = context.Prediction?.Candidates.Take(3).Select(c => new IntentCandidate(c.Intent, Math.Round(c.Probability, 4))).ToList()
            ?? [];
        var ticket = await handoff.CreateTicketAsync(new NewTicket
        {
            ConversationId = conversation.Id,
            Channel = conversation.Channel,
            Language = context.Language,
            PlayerId = conversation.PlayerId,
            IsVip = account?.IsVip ?? false,
            AccountSnapshotJson = account is null ? null : JsonSerializer.Serialize(account, Json),
            Reason = reason,
            Intent = intent,
            IsSensitive = intent is not null && SensitiveIntents.Contains(intent),
            TopIntents = candidates,
            ArticlesShown = context.State.ArticlesShown.ToList(),
        }, cancellationToken);

        context.Conversation = await conversations.UpdateAsync(conversation.Id, c => c with
        {
            Mode = ConversationMode.WaitingForAgent,
            ActiveTicketId = ticket.Id,
        }, cancellationToken);
        context.State.Misses = 0;
        Log.HandoffStarted(logger, conversation.Id, ticket.Id, reason, ticket.Queue);

        var now = clock.GetUtcNow();
        // Nobody on duty: outside the queue's working hours, or no agent who takes this queue is online.
        var open = router.IsOpen(ticket.Queue, now) && presence.AnyOnline(agents.All, ticket.Queue, ticket.Language);
        var text = open
            ? BotTexts.Format(context.Language, "handoff_started", ticket.Id, Math.Max(1, (int)Math.Ceiling((ticket.SlaDueAt - now).TotalMinutes)))
            : BotTexts.Format(context.Language, "handoff_closed", ticket.Id,
                ((router.IsOpen(ticket.Queue, now) ? null : router.NextOpening(ticket.Queue, now)) ?? ticket.SlaDueAt)
                    .ToString("g", BotTexts.Culture(context.Language)) + " UTC");
        var data = ReplyData.For(intent, context.Prediction?.Confidence ?? 0, context.Language);
        data["handoff"] = new Dictionary<string, object?> { ["ticketId"] = ticket.Id, ["reason"] = reason, ["queue"] = ticket.Queue };
        context.Reply(new Reply { Text = text, ChannelData = data });
        context.Reply(InitiateEvent(ticket, await TranscriptAsync(conversation.Id, cancellationToken)));
        await NotifyTicketAsync(ticket, cancellationToken);
        return ticket;
    }

    /// <summary>The documented Bot Framework <c>handoff.initiate</c> event, so an external agent hub can take over.</summary>
    private static Reply InitiateEvent(Ticket ticket, object transcript) => new()
    {
        Kind = ReplyKind.Event,
        EventName = "handoff.initiate",
        EventValue = new
        {
            ticketId = ticket.Id,
            queue = ticket.Queue,
            priority = ticket.Priority,
            language = ticket.Language,
            playerId = ticket.PlayerId,
            reason = ticket.Reason,
            topIntents = ticket.TopIntents,
        },
        Attachments = [new ReplyAttachment("application/json", "Transcript", transcript)],
    };

    /// <summary>Fills the Transcript attachment of a handoff.initiate event with the stored (masked) transcript.</summary>
    public async Task<object> TranscriptAsync(string conversationId, CancellationToken cancellationToken)
    {
        var messages = await store.GetMessagesAsync(conversationId, 0, 500, false, cancellationToken);
        return new
        {
            activities = messages.Where(m => m.Sender != MessageSender.System).Select(m => new
            {
                type = "message",
                from = new { role = m.Sender == MessageSender.Player ? "user" : "bot", name = m.SenderName },
                text = m.Text,
                timestamp = m.At,
            }),
        };
    }

    public async Task<TicketUpdateResult> ClaimAsync(long ticketId, AgentAccount agent, CancellationToken cancellationToken)
    {
        var result = await handoff.ClaimAsync(ticketId, agent.Id, cancellationToken);
        if (!result.IsApplied || result.Ticket is null)
        {
            return result;
        }

        var ticket = result.Ticket;
        var conversation = await conversations.UpdateAsync(ticket.ConversationId, c => c with
        {
            Mode = ConversationMode.WithAgent,
            ActiveTicketId = ticket.Id,
        }, cancellationToken);
        await outbound.SendAsync(conversation,
            [new Reply { Text = BotTexts.Format(ticket.Language, "agent_joined", agent.DisplayName), ChannelData = SystemData(ticket) }],
            cancellationToken);
        await NotifyTicketAsync(ticket, cancellationToken);
        return result;
    }

    public Task<TranscriptMessage> SendAgentMessageAsync(Ticket ticket, AgentAccount agent, string text, CancellationToken cancellationToken) =>
        SendAgentMessageAsync(ticket, agent, text, null, cancellationToken);

    /// <summary>Sends an agent's message; <paramref name="externalId"/> (the agent surface's message id) makes a retry a no-op.</summary>
    public async Task<TranscriptMessage> SendAgentMessageAsync(
        Ticket ticket, AgentAccount agent, string text, string? externalId, CancellationToken cancellationToken)
    {
        var conversation = await conversations.GetAsync(ticket.ConversationId, cancellationToken)
            ?? throw new InvalidOperationException($"Conversation '{ticket.ConversationId}' of ticket {ticket.Id} is missing.");
        var reply = new Reply { Text = text, AgentId = agent.Id, AgentName = agent.DisplayName, ChannelData = SystemData(ticket) };
        var appended = await handoff.RecordAgentMessageAsync(
            ticket.Id, agent.Id, text, externalId, Channels.ActivityJson.FromReply(reply, conversation.Language), cancellationToken);
        if (appended.Duplicate)
        {
            return appended.Message;
        }

        await outbound.DeliverAsync(conversation, appended.Message, reply, cancellationToken);
        var current = await store.GetTicketAsync(ticket.Id, cancellationToken) ?? ticket;
        await NotifyMessageAsync(current, appended.Message, cancellationToken);
        return appended.Message;
    }

    /// <summary>Shows the player that the agent is typing, where the player's channel has an indicator.</summary>
    public async Task AgentTypingAsync(Ticket ticket, CancellationToken cancellationToken)
    {
        if (await conversations.GetAsync(ticket.ConversationId, cancellationToken) is { } conversation)
        {
            await outbound.SendAsync(conversation, [new Reply { Kind = ReplyKind.Typing }], cancellationToken);
        }
    }

    public async Task<TranscriptMessage> AddNoteAsync(Ticket ticket, AgentAccount agent, string text, CancellationToken cancellationToken)
    {
        var appended = await handoff.AddNoteAsync(ticket.Id, agent.Id, text, cancellationToken);
        await NotifyMessageAsync(ticket, appended.Message, cancellationToken);
        return appended.Message;
    }

    public async Task<TicketUpdateResult> TransferAsync(
        Ticket ticket, AgentAccount agent, string toQueue, string? toAgent, string note, CancellationToken cancellationToken)
    {
        var result = await handoff.TransferAsync(ticket.Id, ticket.Version, toQueue, toAgent, note, agent.Id, cancellationToken);
        if (result is { IsApplied: true, Ticket: { } moved })
        {
            var conversation = await conversations.UpdateAsync(moved.ConversationId, c => c with
            {
                Mode = moved.Status == TicketStatus.Assigned ? ConversationMode.WithAgent : ConversationMode.WaitingForAgent,
            }, cancellationToken);
            await outbound.SendAsync(conversation,
                [new Reply { Text = BotTexts.Get(moved.Language, "transferred"), ChannelData = SystemData(moved) }], cancellationToken);
            await NotifyTicketAsync(moved, cancellationToken);
        }

        return result;
    }

    /// <summary>Closes the ticket, gives the conversation back to the bot and asks the player for a rating.</summary>
    public async Task<TicketUpdateResult> ResolveAsync(Ticket ticket, string agentId, string resolutionCode, CancellationToken cancellationToken)
    {
        var result = await handoff.ResolveAsync(ticket.Id, agentId, resolutionCode, cancellationToken);
        if (result is { IsApplied: true, Ticket: { } resolved })
        {
            await ReturnToBotAsync(resolved, askRating: true, cancellationToken);
        }

        return result;
    }

    public async Task ReturnToBotAsync(Ticket ticket, bool askRating, CancellationToken cancellationToken)
    {
        var conversation = await conversations.UpdateAsync(ticket.ConversationId, c =>
        {
            var state = ConversationState.Parse(c.StateJson);
            state.RatingTicketId = askRating ? ticket.Id : null;
            state.Misses = 0;
            return c with { Mode = ConversationMode.Bot, ActiveTicketId = askRating ? ticket.Id : null, StateJson = state.ToJson() };
        }, cancellationToken);
        if (askRating)
        {
            await outbound.SendAsync(conversation, [new Reply
            {
                Text = BotTexts.Get(ticket.Language, "resolved_rate"),
                Actions = [.. Enumerable.Range(1, 5).Select(i => new SuggestedAction(new string('★', i), $"rate:{i}"))],
                ChannelData = SystemData(ticket),
            }], cancellationToken);
        }

        await NotifyTicketAsync(ticket, cancellationToken);
    }

    public async Task NotifyTicketAsync(Ticket ticket, CancellationToken cancellationToken)
    {
        foreach (var notifier in notifiers)
        {
            await notifier.TicketChangedAsync(ticket, cancellationToken);
        }
    }

    public async Task NotifyMessageAsync(Ticket ticket, TranscriptMessage message, CancellationToken cancellationToken)
    {
        foreach (var notifier in notifiers)
        {
            await notifier.MessageAsync(ticket, message, cancellationToken);
        }
    }

    private static Dictionary<string, object?> SystemData(Ticket ticket) => new()
    {
        ["ticketId"] = ticket.Id,
        ["language"] = ticket.Language,
    };
}
