using System.Globalization;
using Handoff.Persistence;
using Microsoft.Extensions.Options;

namespace BotHost.Channels.Teams;

/// <summary>
/// The agents' Teams channel: which thread (the ticket card's activity id) belongs to which ticket, kept in the store's
/// cursors so every host agrees, and posting into a ticket's thread.
/// </summary>
public sealed class TeamsAgentThreads(IOptions<TeamsOptions> options, IHandoffStore store, IServiceProvider services)
{
    private const string MessageIdMarker = ";messageid=";

    public bool IsEnabled => options.Value.AgentChannelEnabled;

    /// <summary>The configured channel, as a reference the mapper can address.</summary>
    public TeamsReference Channel => new()
    {
        ServiceUrl = options.Value.AgentServiceUrl!,
        ChannelId = TeamsMapper.ChannelId,
        ConversationId = options.Value.AgentChannel!,
    };

    /// <summary>True for the agents' channel and its threads (<c>{channel};messageid={root}</c>).</summary>
    public bool IsAgentConversation(string conversationId)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        if (!IsEnabled)
        {
            return false;
        }

        var marker = conversationId.IndexOf(MessageIdMarker, StringComparison.Ordinal);
        return string.Equals(marker < 0 ? conversationId : conversationId[..marker], options.Value.AgentChannel, StringComparison.Ordinal);
    }

    /// <summary>The thread root an activity in the agents' channel belongs to: from the conversation id, else replyToId.</summary>
    public static string? ThreadRoot(string conversationId, string? replyToId)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        var marker = conversationId.IndexOf(MessageIdMarker, StringComparison.Ordinal);
        return marker >= 0 ? conversationId[(marker + MessageIdMarker.Length)..] : replyToId;
    }

    public Task<string?> GetThreadAsync(long ticketId, CancellationToken cancellationToken) =>
        store.GetCursorAsync(ThreadKey(ticketId), cancellationToken);

    /// <summary>The tickets among <paramref name="ticketIds"/> that have a thread (in one store query per 500).</summary>
    public async Task<HashSet<long>> WithThreadsAsync(IReadOnlyCollection<long> ticketIds, CancellationToken cancellationToken)
    {
        var keys = ticketIds.ToDictionary(ThreadKey);
        var found = await store.GetCursorsAsync(keys.Keys, cancellationToken);
        return [.. found.Keys.Select(k => keys[k])];
    }

    public async Task<long?> GetTicketAsync(string threadRoot, CancellationToken cancellationToken) =>
        await store.GetCursorAsync(TicketKey(threadRoot), cancellationToken) is { } value &&
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    public async Task LinkAsync(long ticketId, string threadRoot, CancellationToken cancellationToken)
    {
        await store.SetCursorAsync(ThreadKey(ticketId), threadRoot, cancellationToken);
        await store.SetCursorAsync(TicketKey(threadRoot), ticketId.ToString(CultureInfo.InvariantCulture), cancellationToken);
    }

    /// <summary>Posts a new top-level message (the ticket card); returns its activity id, the thread root.</summary>
    public Task<string?> PostAsync(System.Text.Json.Nodes.JsonObject activity, CancellationToken cancellationToken) =>
        Client().SendAsync(options.Value.AgentServiceUrl!, options.Value.AgentChannel!, null, activity, cancellationToken);

    /// <summary>Posts Markdown text as a reply in a ticket's thread.</summary>
    public Task<string?> ReplyAsync(string threadRoot, string text, CancellationToken cancellationToken) =>
        Client().SendAsync(options.Value.AgentServiceUrl!, options.Value.AgentChannel!, threadRoot, TeamsMapper.Message(Channel, text), cancellationToken);

    internal static string ThreadKey(long ticketId) => "teams-thread:" + ticketId.ToString(CultureInfo.InvariantCulture);

    internal static string TicketKey(string threadRoot) => "teams-ticket:" + threadRoot;

    internal static string StatusKey(long ticketId) => "teams-status:" + ticketId.ToString(CultureInfo.InvariantCulture);

    private ConnectorClient Client() => services.GetRequiredService<ConnectorClient>();
}
