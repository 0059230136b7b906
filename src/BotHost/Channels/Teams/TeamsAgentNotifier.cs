using BotHost.AgentConsole;
using BotHost.Handoffs;
using Handoff.Conversations;
using Handoff.Persistence;
using Handoff.Tickets;

namespace BotHost.Channels.Teams;

/// <summary>
/// Agents in Teams: a card for each new ticket in the agents' channel, status lines and the player's messages in the
/// card's thread. Failures are logged, never thrown: a Teams outage must not fail the player's turn.
/// </summary>
public sealed class TeamsAgentNotifier(
    TeamsAgentThreads threads, IHandoffStore store, AgentDirectory agents, ILogger<TeamsAgentNotifier> logger) : IAgentNotifier
{
    private const int CardMessages = 5;

    public async Task TicketChangedAsync(Ticket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (!threads.IsEnabled)
        {
            return;
        }

        try
        {
            var status = $"{ticket.Status}|{ticket.AssigneeId}|{ticket.Queue}";
            if (await threads.GetThreadAsync(ticket.Id, cancellationToken) is not { } root)
            {
                if (ticket.Status == TicketStatus.Waiting)
                {
                    await PostCardAsync(ticket, status, cancellationToken);
                }

                return;
            }

            var key = TeamsAgentThreads.StatusKey(ticket.Id);
            if (await store.GetCursorAsync(key, cancellationToken) == status)
            {
                return;
            }

            await store.SetCursorAsync(key, status, cancellationToken);
            await threads.ReplyAsync(root, StatusLine(ticket), cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            Log.TeamsAgentPostFailed(logger, ticket.Id, ex);
        }
    }

    public async Task MessageAsync(Ticket ticket, TranscriptMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(message);
        // The player's messages, and what an agent wrote from the console, so the thread reads like the conversation;
        // an agent's reply written in this thread (external id "teams:…") is there already.
        var line = message switch
        {
            { Internal: true } => null,
            { Sender: MessageSender.Player } => $"**{message.SenderName ?? "Player"}:** {message.Text}",
            { Sender: MessageSender.Agent } when message.ExternalId?.StartsWith(TeamsAgentActions.ExternalIdPrefix, StringComparison.Ordinal) != true =>
                $"**{Name(message.SenderName)}** (console): {message.Text}",
            _ => null,
        };
        if (!threads.IsEnabled || line is null)
        {
            return;
        }

        try
        {
            if (await threads.GetThreadAsync(ticket.Id, cancellationToken) is { } root)
            {
                await threads.ReplyAsync(root, line, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            Log.TeamsAgentPostFailed(logger, ticket.Id, ex);
        }
    }

    private async Task PostCardAsync(Ticket ticket, string status, CancellationToken cancellationToken)
    {
        var messages = await store.GetMessagesAsync(ticket.ConversationId, 0, 500, false, cancellationToken);
        var last = messages.Where(m => m.Sender == MessageSender.Player).TakeLast(CardMessages).ToList();
        var root = await threads.PostAsync(TicketCard.Activity(ticket, last, threads.Channel), cancellationToken);
        if (root is null)
        {
            Log.TeamsCardWithoutId(logger, ticket.Id);
            return;
        }

        await threads.LinkAsync(ticket.Id, root, cancellationToken);
        await store.SetCursorAsync(TeamsAgentThreads.StatusKey(ticket.Id), status, cancellationToken);
        Log.TeamsCardPosted(logger, ticket.Id, root);
    }

    private string StatusLine(Ticket ticket) => ticket.Status switch
    {
        TicketStatus.Assigned => $"Picked up by **{Name(ticket.AssigneeId)}**. Reply in this thread to answer the player.",
        TicketStatus.Waiting => $"Back in queue **{ticket.Queue}**, waiting for an agent.",
        TicketStatus.Resolved => $"Resolved by **{Name(ticket.AssigneeId)}** ({ticket.ResolutionCode ?? "done"}).",
        TicketStatus.Abandoned => "The player left before an agent answered.",
        _ => ticket.Status.ToString(),
    };

    private string Name(string? agentId) => agentId is null ? "—" : agents.Find(agentId)?.DisplayName ?? agentId;
}
