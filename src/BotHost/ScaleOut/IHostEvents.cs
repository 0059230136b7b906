namespace BotHost.ScaleOut;

/// <summary>
/// Carries what other hosts must learn about: a conversation's transcript grew (wake its Direct Line readers there), a
/// ticket changed or a message was added (push it to the agents connected there). The caller has already handled the
/// event on this host; an implementation only reaches the others. Calls never block and never throw: the store is the
/// truth, these are wake-ups, and each receiving host re-reads what it shows from the store.
/// </summary>
public interface IHostEvents
{
    /// <summary>Something was stored for the conversation: its readers on other hosts fetch from their watermark.</summary>
    void ConversationChanged(string conversationId);

    /// <summary>An activity that is never stored (typing), for the conversation's live readers on other hosts.</summary>
    void Ephemeral(string conversationId, string activityJson);

    /// <summary>The ticket was created or changed.</summary>
    void TicketChanged(long ticketId);

    /// <summary>Message <paramref name="seq"/> of the ticket's conversation was stored (player, agent, note).</summary>
    void Message(long ticketId, long seq);
}
