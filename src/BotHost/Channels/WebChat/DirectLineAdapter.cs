using BotHost.Turns;
using Handoff.Conversations;

namespace BotHost.Channels.WebChat;

/// <summary>Direct Line is pull-based: delivering means waking the conversation's stream readers.</summary>
public sealed class DirectLineAdapter(ConversationFeed feed) : IChannelAdapter
{
    public string Channel => DirectLineMapper.ChannelId;

    public Task DeliverAsync(ConversationRecord conversation, TranscriptMessage message, Reply reply, CancellationToken cancellationToken)
    {
        feed.Changed(conversation.Id);
        return Task.CompletedTask;
    }

    public Task SendTypingAsync(ConversationRecord conversation, CancellationToken cancellationToken)
    {
        feed.Ephemeral(conversation.Id, $$"""{"type":"typing","from":{"id":"{{ActivityJson.BotId}}","name":"{{ActivityJson.BotName}}","role":"bot"},"conversation":{"id":"{{conversation.Id}}"},"channelId":"directline"}""");
        return Task.CompletedTask;
    }
}
