namespace BotHost.ScaleOut;

/// <summary>
/// One host (the SQLite default): the direct in-process calls (ConversationFeed, SignalR hub) already reached every
/// reader and agent there is, so there is no other host to tell.
/// </summary>
internal sealed class InProcessHostEvents : IHostEvents
{
    public void ConversationChanged(string conversationId)
    {
    }

    public void Ephemeral(string conversationId, string activityJson)
    {
    }

    public void TicketChanged(long ticketId)
    {
    }

    public void Message(long ticketId, long seq)
    {
    }
}
