using BotHost.AgentConsole;
using BotHost.Handoffs;
using Handoff.Conversations;
using Handoff.Persistence;
using Handoff.Tickets;

namespace BotHost.Channels.Teams;

/// <summary>
/// Agents in Teams: a card for each new ticket in the agents' channel, status lines and the player's messages in the
/// card's thread. Failures are logged, never thrown: a Teams outage must not fail the player's turn; the cards it kept
/// from the channel are posted later by <see cref="TeamsCardSweep"/>.
/// </summary>
public sealed class TeamsAgentNotifier(
    TeamsAgentThreads threads, TeamsCardClaims claims, IHandoffStore store, AgentDirectory agents, ILogger<TeamsAgentNotifier> logger)
    : IAgentNotifier
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
            if (await threads.GetThreadAsync(ticket.Id, cancellationToken) is not { } root)
            {
                if (ticket.Status == TicketStatus.Waiting)
                {
                    await PostCardAsync(ticket, cancellationToken);
                }

                return;
            }

            await PostStatusAsync(ticket, root, cancellationToken);
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

    /// <summary>
    /// Posts the card of a waiting ticket that has no thread yet, under its claim (<see cref="TeamsCardClaims"/>), and
    /// links the thread: the one way a card is posted, right after the ticket changed and from <see cref="TeamsCardSweep"/>
    /// for cards Teams never got. True when this call posted it, false when another poster holds the claim. A Connector
    /// failure is thrown, with the claim released so that the next sweep retries.
    /// </summary>
    internal async Task<bool> PostCardAsync(Ticket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (await claims.TryClaimAsync(ticket.Id, cancellationToken) is not { } claim)
        {
            Log.TeamsCardClaimedElsewhere(logger, ticket.Id);
            return false;
        }

        string? root;
        var posted = false;
        try
        {
            var messages = await store.GetMessagesAsync(ticket.ConversationId, 0, 500, false, cancellationToken);
            var last = messages.Where(m => m.Sender == MessageSender.Player).TakeLast(CardMessages).ToList();
            root = await threads.PostAsync(TicketCard.Activity(ticket, last, threads.Channel), cancellationToken);
            posted = true;
        }
        finally
        {
            if (!posted)
            {
                await claims.ReleaseAsync(ticket.Id, claim, CancellationToken.None);
            }
        }

        if (root is null)
        {
            Log.TeamsCardWithoutId(logger, ticket.Id);
            await claims.MarkPostedWithoutThreadAsync(ticket.Id, claim, cancellationToken);
            return true;
        }

        await threads.LinkAsync(ticket.Id, root, cancellationToken);
        // Only if absent: a status change that saw the thread already may have written (and posted) a newer one.
        var status = Status(ticket);
        await store.TrySetCursorAsync(TeamsAgentThreads.StatusKey(ticket.Id), null, status, cancellationToken);
        Log.TeamsCardPosted(logger, ticket.Id, root);
        // A pick-up or transfer while the card was on its way found no thread and posted nothing: catch up with it now.
        if (await store.GetTicketAsync(ticket.Id, cancellationToken) is { } current && Status(current) != status)
        {
            await PostStatusAsync(current, root, cancellationToken);
        }

        return true;
    }

    /// <summary>The status line, unless the thread shows this status already (the stored status cursor).</summary>
    private async Task PostStatusAsync(Ticket ticket, string root, CancellationToken cancellationToken)
    {
        var key = TeamsAgentThreads.StatusKey(ticket.Id);
        var status = Status(ticket);
        if (await store.GetCursorAsync(key, cancellationToken) == status)
        {
            return;
        }

        await store.SetCursorAsync(key, status, cancellationToken);
        await threads.ReplyAsync(root, StatusLine(ticket), cancellationToken);
    }

    private static string Status(Ticket ticket) => $"{ticket.Status}|{ticket.AssigneeId}|{ticket.Queue}";

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
