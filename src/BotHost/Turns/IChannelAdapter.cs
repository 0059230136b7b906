using Handoff.Conversations;

namespace BotHost.Turns;

/// <summary>Delivers stored replies to the player on one channel (push channels send; Direct Line wakes its readers).</summary>
public interface IChannelAdapter
{
    string Channel { get; }

    Task DeliverAsync(ConversationRecord conversation, TranscriptMessage message, Reply reply, CancellationToken cancellationToken);

    Task SendTypingAsync(ConversationRecord conversation, CancellationToken cancellationToken);
}
