using BotHost.Turns;

namespace BotHost.Tests.Infrastructure;

/// <summary>Builds turns for tests without long initialisers.</summary>
public sealed class TurnBuilder
{
    private Turn _turn = new() { ConversationId = "test:" + Guid.NewGuid().ToString("N"), Channel = TestChannelAdapter.ChannelName };

    public TurnBuilder InConversation(string conversationId)
    {
        _turn = _turn with { ConversationId = conversationId };
        return this;
    }

    public TurnBuilder WithText(string text)
    {
        _turn = _turn with { Text = text, ActivityId = Guid.NewGuid().ToString("N") };
        return this;
    }

    public TurnBuilder WithLocale(string? locale)
    {
        _turn = _turn with { Locale = locale };
        return this;
    }

    public TurnBuilder AsVerifiedPlayer(string playerId)
    {
        _turn = _turn with { VerifiedPlayerId = playerId };
        return this;
    }

    public Turn Build() => _turn;
}
