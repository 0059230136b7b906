using Handoff.Conversations;
using Handoff.Persistence.Sqlite;
using Handoff.Queues;
using Handoff.Tests.Support;
using Handoff.Tickets;

namespace Handoff.Tests;

public sealed class HandoffServiceTests : IAsyncLifetime
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    // Wednesday 12:00 UTC: every default queue is open.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private readonly TempSqliteDatabase _database = new();
    private SqliteHandoffStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = new SqliteHandoffStore(_database.ConnectionString, _clock);
        await _store.InitializeAsync(Ct);
    }

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task CreateTicketAsync_PaymentIntent_StoresWaitingTicketRoutedWithSla()
    {
        var sut = CreateSut();

        var ticket = await sut.CreateTicketAsync(NewTicket("c1", "withdrawal_pending"), Ct);

        Assert.Equal(TicketStatus.Waiting, ticket.Status);
        Assert.Equal("l2_payments", ticket.Queue);
        Assert.Equal(_clock.GetUtcNow(), ticket.CreatedAt);
        Assert.Equal(_clock.GetUtcNow().AddMinutes(15), ticket.SlaDueAt);
        Assert.Equal(["faq-1"], ticket.ArticlesShown);
    }

    [Fact]
    public async Task ClaimAsync_SecondAgent_GetsConflict()
    {
        var sut = CreateSut();
        var ticket = await sut.CreateTicketAsync(NewTicket("c1", null), Ct);

        var first = await sut.ClaimAsync(ticket.Id, "agent-1", Ct);
        var second = await sut.ClaimAsync(ticket.Id, "agent-2", Ct);

        Assert.Equal(UpdateOutcome.Applied, first.Outcome);
        Assert.Equal(UpdateOutcome.Conflict, second.Outcome);
        Assert.Equal("agent-1", second.Ticket!.AssigneeId);
    }

    [Fact]
    public async Task TransferAsync_ToQueue_ReturnsToWaitingAndAppendsInternalNote()
    {
        var sut = CreateSut();
        var ticket = await ClaimedTicketAsync(sut, "agent-1");

        var result = await sut.TransferAsync(ticket.Id, ticket.Version, "l2_technical", null, "app crashes on login", "agent-1", Ct);
        var forAgents = await _store.GetMessagesAsync("c1", 0, 10, includeInternal: true, Ct);
        var forPlayer = await _store.GetMessagesAsync("c1", 0, 10, includeInternal: false, Ct);

        Assert.Equal(UpdateOutcome.Applied, result.Outcome);
        Assert.Equal((TicketStatus.Waiting, "l2_technical", (string?)null), (result.Ticket!.Status, result.Ticket.Queue, result.Ticket.AssigneeId));
        var note = Assert.Single(forAgents);
        Assert.True(note.Internal);
        Assert.Contains("l1_general", note.Text, StringComparison.Ordinal);
        Assert.Contains("app crashes on login", note.Text, StringComparison.Ordinal);
        Assert.Empty(forPlayer);
    }

    [Fact]
    public async Task TransferAsync_ToNamedAgent_AssignsThatAgent()
    {
        var sut = CreateSut();
        var ticket = await ClaimedTicketAsync(sut, "agent-1");

        var result = await sut.TransferAsync(ticket.Id, null, "l3_supervisors", "supervisor-5", "angry player", "agent-1", Ct);

        Assert.Equal((TicketStatus.Assigned, "l3_supervisors", "supervisor-5"), (result.Ticket!.Status, result.Ticket.Queue, result.Ticket.AssigneeId));
    }

    [Fact]
    public async Task TransferAsync_StaleVersion_ReturnsConflictWithoutNote()
    {
        var sut = CreateSut();
        var ticket = await sut.CreateTicketAsync(NewTicket("c1", null), Ct);
        await sut.ClaimAsync(ticket.Id, "agent-1", Ct);

        var result = await sut.TransferAsync(ticket.Id, ticket.Version, "l2_payments", null, "", "agent-2", Ct);

        Assert.Equal(UpdateOutcome.Conflict, result.Outcome);
        Assert.Empty(await _store.GetMessagesAsync("c1", 0, 10, includeInternal: true, Ct));
    }

    [Fact]
    public async Task TransferAsync_ResolvedTicket_ThrowsWithFromAndToStates()
    {
        var sut = CreateSut();
        var ticket = await ClaimedTicketAsync(sut, "agent-1");
        await sut.ResolveAsync(ticket.Id, "agent-1", "answered", Ct);

        var error = await Assert.ThrowsAsync<TicketTransitionException>(
            () => sut.TransferAsync(ticket.Id, null, "l1_general", null, "", "agent-1", Ct));

        Assert.Equal((TicketStatus.Resolved, TicketStatus.Waiting), (error.From, error.To));
        Assert.Contains("Resolved", error.Message, StringComparison.Ordinal);
        Assert.Contains("Waiting", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TransferAsync_UnknownQueue_Throws()
    {
        var sut = CreateSut();
        var ticket = await ClaimedTicketAsync(sut, "agent-1");

        await Assert.ThrowsAsync<ArgumentException>(() => sut.TransferAsync(ticket.Id, null, "l9_nowhere", null, "", "agent-1", Ct));
    }

    [Fact]
    public async Task ResolveAsync_AssignedTicket_ClosesWithCode()
    {
        var sut = CreateSut();
        var ticket = await ClaimedTicketAsync(sut, "agent-1");
        _clock.Advance(TimeSpan.FromMinutes(7));

        var result = await sut.ResolveAsync(ticket.Id, "agent-1", "refund_issued", Ct);

        Assert.Equal(TicketStatus.Resolved, result.Ticket!.Status);
        Assert.Equal("refund_issued", result.Ticket.ResolutionCode);
        Assert.Equal(_clock.GetUtcNow(), result.Ticket.ClosedAt);
    }

    [Fact]
    public async Task ResolveAsync_WaitingTicket_ThrowsTransitionException()
    {
        var sut = CreateSut();
        var ticket = await sut.CreateTicketAsync(NewTicket("c1", null), Ct);

        var error = await Assert.ThrowsAsync<TicketTransitionException>(() => sut.ResolveAsync(ticket.Id, "agent-1", "answered", Ct));

        Assert.Equal((TicketStatus.Waiting, TicketStatus.Resolved), (error.From, error.To));
        Assert.Equal(TicketStatus.Waiting, (await _store.GetTicketAsync(ticket.Id, Ct))!.Status);
    }

    [Fact]
    public async Task RecordAgentMessageAsync_TwoMessages_SetsFirstResponseOnce()
    {
        var sut = CreateSut();
        var ticket = await ClaimedTicketAsync(sut, "agent-1");
        _clock.Advance(TimeSpan.FromMinutes(2));
        var firstAt = _clock.GetUtcNow();

        await sut.RecordAgentMessageAsync(ticket.Id, "agent-1", "Hi, I am Ana.", "m1", null, Ct);
        _clock.Advance(TimeSpan.FromMinutes(1));
        await sut.RecordAgentMessageAsync(ticket.Id, "agent-1", "Checking your withdrawal.", "m2", null, Ct);
        var stored = await _store.GetTicketAsync(ticket.Id, Ct);
        var visible = await _store.GetMessagesAsync("c1", 0, 10, includeInternal: false, Ct);

        Assert.Equal(firstAt, stored!.FirstResponseAt);
        Assert.Equal([MessageSender.Agent, MessageSender.Agent], visible.Select(m => m.Sender));
    }

    [Fact]
    public async Task AddNoteAsync_Note_IsInternalAndMasked()
    {
        var sut = CreateSut();
        var ticket = await sut.CreateTicketAsync(NewTicket("c1", null), Ct);

        var note = await sut.AddNoteAsync(ticket.Id, "agent-1", "player mail is jane@example.com", Ct);

        Assert.True(note.Message.Internal);
        Assert.Equal("player mail is j***@example.com", note.Message.Text);
        Assert.Empty(await _store.GetMessagesAsync("c1", 0, 10, includeInternal: false, Ct));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public async Task RecordCsatAsync_ScoreOutsideOneToFive_Throws(int score)
    {
        var sut = CreateSut();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => sut.RecordCsatAsync(1, score, null, Ct));
    }

    [Fact]
    public async Task RecordCsatAsync_ResolvedTicket_StoresScoreAndComment()
    {
        var sut = CreateSut();
        var ticket = await ClaimedTicketAsync(sut, "agent-1");
        await sut.ResolveAsync(ticket.Id, "agent-1", "answered", Ct);

        var result = await sut.RecordCsatAsync(ticket.Id, 4, "quick, thanks", Ct);

        Assert.Equal((4, "quick, thanks"), (result.Ticket!.CsatScore!.Value, result.Ticket.CsatComment!));
    }

    [Fact]
    public async Task RecordCsatAsync_OpenTicket_Throws()
    {
        var sut = CreateSut();
        var ticket = await ClaimedTicketAsync(sut, "agent-1");

        await Assert.ThrowsAsync<InvalidOperationException>(() => sut.RecordCsatAsync(ticket.Id, 5, null, Ct));
    }

    [Fact]
    public async Task AbandonStaleAsync_SilentWaitingPlayer_AbandonsOnlyThatTicket()
    {
        var sut = CreateSut();
        var stale = await TicketForConversationAsync(sut, "c-stale");
        var claimed = await TicketForConversationAsync(sut, "c-claimed");
        await sut.ClaimAsync(claimed.Id, "agent-1", Ct);
        _clock.Advance(TimeSpan.FromMinutes(20));
        var active = await TicketForConversationAsync(sut, "c-active");
        _clock.Advance(TimeSpan.FromMinutes(11));

        var abandoned = await sut.AbandonStaleAsync(TimeSpan.FromMinutes(30), Ct);

        var ticket = Assert.Single(abandoned);
        Assert.Equal(stale.Id, ticket.Id);
        Assert.Equal((TicketStatus.Abandoned, (DateTimeOffset?)_clock.GetUtcNow()), (ticket.Status, ticket.ClosedAt));
        Assert.Equal(TicketStatus.Waiting, (await _store.GetTicketAsync(active.Id, Ct))!.Status);
        Assert.Equal(TicketStatus.Assigned, (await _store.GetTicketAsync(claimed.Id, Ct))!.Status);
    }

    [Theory]
    [InlineData(TicketStatus.Waiting, TicketStatus.Assigned, true)]
    [InlineData(TicketStatus.Waiting, TicketStatus.Abandoned, true)]
    [InlineData(TicketStatus.Assigned, TicketStatus.Waiting, true)]
    [InlineData(TicketStatus.Assigned, TicketStatus.Resolved, true)]
    [InlineData(TicketStatus.Waiting, TicketStatus.Resolved, false)]
    [InlineData(TicketStatus.Assigned, TicketStatus.Abandoned, false)]
    [InlineData(TicketStatus.Resolved, TicketStatus.Assigned, false)]
    [InlineData(TicketStatus.Abandoned, TicketStatus.Waiting, false)]
    public void IsAllowed_Transition_FollowsLifecycle(TicketStatus from, TicketStatus to, bool expected)
    {
        var allowed = TicketTransitions.IsAllowed(from, to);

        Assert.Equal(expected, allowed);
    }

    private HandoffService CreateSut() => new(_store, new QueueRouter(new HandoffOptions()), _clock);

    private static async Task<Ticket> ClaimedTicketAsync(HandoffService sut, string agentId)
    {
        var ticket = await sut.CreateTicketAsync(NewTicket("c1", null), Ct);
        return (await sut.ClaimAsync(ticket.Id, agentId, Ct)).Ticket!;
    }

    private async Task<Ticket> TicketForConversationAsync(HandoffService sut, string conversationId)
    {
        await _store.GetOrCreateConversationAsync(new ConversationRecord
        {
            Id = conversationId,
            Channel = "telegram",
            CreatedAt = _clock.GetUtcNow(),
            LastPlayerActivityAt = _clock.GetUtcNow(),
        }, Ct);
        return await sut.CreateTicketAsync(NewTicket(conversationId, null), Ct);
    }

    private static NewTicket NewTicket(string conversationId, string? intent) => new()
    {
        ConversationId = conversationId,
        Channel = "telegram",
        Language = "de",
        Reason = "human_request",
        Intent = intent,
        ArticlesShown = ["faq-1"],
    };
}
