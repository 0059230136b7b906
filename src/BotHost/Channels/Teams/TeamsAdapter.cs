using BotHost.Turns;
using Handoff.Conversations;

namespace BotHost.Channels.Teams;

/// <summary>
/// Delivers replies to Bot Framework conversations through the Connector: bot answers as replies to the player's last
/// activity, agent messages (proactive) to the conversation. Only the service URL that came with a validated activity
/// is ever called.
/// </summary>
public sealed class TeamsAdapter(IServiceProvider services) : IChannelAdapter
{
    public string Channel => TeamsMapper.ChannelId;

    public async Task DeliverAsync(ConversationRecord conversation, TranscriptMessage message, Reply reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(reply);
        if (reply.Kind != ReplyKind.Message || TeamsReference.Parse(conversation.ReferenceJson) is not { } reference)
        {
            // Events (handoff.initiate) are for agent hubs, not for the Teams client.
            return;
        }

        var activity = TeamsMapper.ToActivity(reply, reference, conversation.Language);
        await Client().SendAsync(reference.ServiceUrl, reference.ConversationId, reply.AgentId is null ? reference.ActivityId : null, activity, cancellationToken);
    }

    public async Task SendTypingAsync(ConversationRecord conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        if (TeamsReference.Parse(conversation.ReferenceJson) is not { } reference)
        {
            return;
        }

        try
        {
            await Client().SendAsync(reference.ServiceUrl, reference.ConversationId, null, TeamsMapper.Bare(reference, "typing"), cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // A lost typing indicator is not worth failing the turn.
        }
    }

    // Typed clients are transient (their handlers rotate); a singleton resolves one per call.
    private ConnectorClient Client() => services.GetRequiredService<ConnectorClient>();
}
