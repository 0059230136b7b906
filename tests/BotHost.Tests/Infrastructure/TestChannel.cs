using BotHost.Turns;
using Handoff.Conversations;
using Handoff.Persistence;
using Handoff.Tickets;
using Microsoft.Extensions.DependencyInjection;

namespace BotHost.Tests.Infrastructure;

/// <summary>
/// One player's conversation on the "test" channel, run through the real TurnPipeline: send a line, get the bot's
/// message replies back (typing and events left out).
/// </summary>
public sealed class TestChannel(IServiceProvider services, TestChannelAdapter adapter, string? locale, string? verifiedPlayerId)
{
    private readonly TurnPipeline _pipeline = services.GetRequiredService<TurnPipeline>();
    private readonly IHandoffStore _store = services.GetRequiredService<IHandoffStore>();

    public string ConversationId { get; } = TestChannelAdapter.ChannelName + ":" + Guid.NewGuid().ToString("N");

    /// <summary>Everything the host delivered to this conversation so far, from any source (bot, agents, resolve).</summary>
    public IReadOnlyList<Reply> Delivered => adapter.DeliveredTo(ConversationId);

    public async Task<IReadOnlyList<Reply>> SendAsync(string text, string? value = null, string? activityId = null)
    {
        var context = await _pipeline.ProcessAsync(NewTurn() with
        {
            Text = text,
            Value = value,
            ActivityId = activityId ?? Guid.NewGuid().ToString("N"),
        }, CancellationToken.None);
        return context.Replies.Where(r => r.Kind == ReplyKind.Message).ToList();
    }

    public async Task<string> AskAsync(string text) => string.Join("\n", (await SendAsync(text)).Select(r => r.Text));

    public async Task<IReadOnlyList<Reply>> StartAsync()
    {
        var context = await _pipeline.ProcessAsync(NewTurn() with { Kind = TurnKind.ConversationStart }, CancellationToken.None);
        return context.Replies.Where(r => r.Kind == ReplyKind.Message).ToList();
    }

    public Task<ConversationRecord?> ConversationAsync() => _store.GetConversationAsync(ConversationId, CancellationToken.None);

    public async Task<ConversationState> StateAsync() => ConversationState.Parse((await ConversationAsync())?.StateJson);

    public async Task<Ticket?> TicketAsync() =>
        (await ConversationAsync())?.ActiveTicketId is { } id ? await _store.GetTicketAsync(id, CancellationToken.None) : null;

    public Task<IReadOnlyList<TranscriptMessage>> TranscriptAsync(bool includeInternal = false) =>
        _store.GetMessagesAsync(ConversationId, 0, 1000, includeInternal, CancellationToken.None);

    private Turn NewTurn() => new()
    {
        ConversationId = ConversationId,
        Channel = TestChannelAdapter.ChannelName,
        UserId = "u-" + ConversationId[^8..],
        UserName = "Player",
        Locale = locale,
        VerifiedPlayerId = verifiedPlayerId,
    };
}
