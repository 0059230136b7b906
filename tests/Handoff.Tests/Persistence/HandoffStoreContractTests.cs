using Handoff.Conversations;
using Handoff.Persistence;
using Handoff.Tests.Support;
using Handoff.Tickets;

namespace Handoff.Tests.Persistence;

/// <summary>The behaviour every <see cref="IHandoffStore"/> must have; each engine's test class inherits all cases.</summary>
public abstract class HandoffStoreContractTests : IAsyncLifetime
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    protected FakeTimeProvider Clock { get; } = new();

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A new store instance on this test's own database (the same database on every call).</summary>
    protected abstract IHandoffStore CreateStore();

    [StoreFact]
    public async Task InitializeAsync_CalledTwice_IsIdempotent()
    {
        var sut = await CreateSutAsync();

        await sut.InitializeAsync(Ct);
        await CreateStore().InitializeAsync(Ct);

        Assert.NotNull(await sut.GetOrCreateConversationAsync(Conversation("c1"), Ct));
    }

    [StoreFact]
    public async Task GetConversationAsync_UnknownId_ReturnsNull()
    {
        var sut = await CreateSutAsync();

        var found = await sut.GetConversationAsync("nope", Ct);

        Assert.Null(found);
    }

    [StoreFact]
    public async Task GetOrCreateConversationAsync_NewId_StoresSeed()
    {
        var sut = await CreateSutAsync();
        var seed = Conversation("c1") with { PlayerId = "p-42", Language = "pt-BR", ReferenceJson = """{"chatId":7}""" };

        var created = await sut.GetOrCreateConversationAsync(seed, Ct);
        var read = await sut.GetConversationAsync("c1", Ct);

        Assert.Equal(seed, created);
        Assert.Equal(seed, read);
    }

    [StoreFact]
    public async Task GetOrCreateConversationAsync_ExistingId_ReturnsStoredRecord()
    {
        var sut = await CreateSutAsync();
        await sut.GetOrCreateConversationAsync(Conversation("c1") with { Language = "fr" }, Ct);

        var second = await sut.GetOrCreateConversationAsync(Conversation("c1") with { Language = "de" }, Ct);

        Assert.Equal("fr", second.Language);
    }

    [StoreFact]
    public async Task TryUpdateConversationAsync_CurrentVersion_StoresAndIncrementsVersion()
    {
        var sut = await CreateSutAsync();
        var stored = await sut.GetOrCreateConversationAsync(Conversation("c1"), Ct);

        var updated = await sut.TryUpdateConversationAsync(
            stored with { Mode = ConversationMode.WaitingForAgent, ActiveTicketId = 9, StateJson = """{"misses":2}""" }, Ct);

        Assert.NotNull(updated);
        Assert.Equal(stored.Version + 1, updated.Version);
        Assert.Equal(ConversationMode.WaitingForAgent, updated.Mode);
        Assert.Equal(updated, await sut.GetConversationAsync("c1", Ct));
    }

    [StoreFact]
    public async Task TryUpdateConversationAsync_StaleVersion_ReturnsNullAndKeepsWinner()
    {
        var sut = await CreateSutAsync();
        var stored = await sut.GetOrCreateConversationAsync(Conversation("c1"), Ct);
        await sut.TryUpdateConversationAsync(stored with { Language = "es" }, Ct);

        var loser = await sut.TryUpdateConversationAsync(stored with { Language = "it" }, Ct);

        Assert.Null(loser);
        Assert.Equal("es", (await sut.GetConversationAsync("c1", Ct))!.Language);
    }

    [StoreFact]
    public async Task AppendMessageAsync_SameExternalIdTwice_ReturnsDuplicateWithFirstSeq()
    {
        var sut = await CreateSutAsync();
        var first = await sut.AppendMessageAsync(PlayerMessage("c1", "hello", "act-1"), Ct);

        var retry = await sut.AppendMessageAsync(PlayerMessage("c1", "hello again", "act-1"), Ct);
        var all = await sut.GetMessagesAsync("c1", 0, 100, includeInternal: true, Ct);

        Assert.False(first.Duplicate);
        Assert.True(retry.Duplicate);
        Assert.Equal(first.Message, retry.Message);
        Assert.Single(all);
    }

    [StoreFact]
    public async Task AppendMessageAsync_AfterDuplicate_NextSeqHasNoGap()
    {
        var sut = await CreateSutAsync();
        await sut.AppendMessageAsync(PlayerMessage("c1", "one", "act-1"), Ct);
        await sut.AppendMessageAsync(PlayerMessage("c1", "one", "act-1"), Ct);

        var next = await sut.AppendMessageAsync(PlayerMessage("c1", "two", "act-2"), Ct);

        Assert.Equal(2, next.Message.Seq);
    }

    [StoreFact]
    public async Task AppendMessageAsync_TenConcurrentRetriesOfOneActivity_StoresItOnce()
    {
        var sut = await CreateSutAsync();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var retries = Enumerable.Range(0, 10)
            .Select(_ => Task.Run(async () =>
            {
                await gate.Task;
                return await sut.AppendMessageAsync(PlayerMessage("c1", "deposit missing", "act-1"), Ct);
            }))
            .ToArray();

        gate.SetResult();
        var results = await Task.WhenAll(retries);

        Assert.Single(results, r => !r.Duplicate);
        Assert.All(results, r => Assert.Equal(1, r.Message.Seq));
        Assert.Single(await sut.GetMessagesAsync("c1", 0, 100, includeInternal: true, Ct));
    }

    [StoreFact]
    public async Task AppendMessageAsync_SameExternalIdInOtherConversation_IsNotDuplicate()
    {
        var sut = await CreateSutAsync();
        await sut.AppendMessageAsync(PlayerMessage("c1", "hello", "act-1"), Ct);

        var other = await sut.AppendMessageAsync(PlayerMessage("c2", "hello", "act-1"), Ct);

        Assert.False(other.Duplicate);
        Assert.Equal(1, other.Message.Seq);
    }

    [StoreFact]
    public async Task AppendMessageAsync_TwentyConcurrentAppends_AssignsSeqOneToTwenty()
    {
        var sut = await CreateSutAsync();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var appends = Enumerable.Range(0, 20)
            .Select(i => Task.Run(async () =>
            {
                await gate.Task;
                return await sut.AppendMessageAsync(PlayerMessage("c1", $"message {i}", $"act-{i}"), Ct);
            }))
            .ToArray();

        gate.SetResult();
        var results = await Task.WhenAll(appends);
        var stored = await sut.GetMessagesAsync("c1", 0, 100, includeInternal: true, Ct);

        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), results.Select(r => r.Message.Seq).Order());
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), stored.Select(m => m.Seq));
    }

    [StoreFact]
    public async Task GetMessagesAsync_WithoutInternal_FiltersNotesAndHonoursWatermark()
    {
        var sut = await CreateSutAsync();
        await sut.AppendMessageAsync(PlayerMessage("c1", "one", null), Ct);
        await sut.AppendMessageAsync(new NewMessage("c1", null, MessageSender.Agent, "agent-7", "note", Internal: true), Ct);
        await sut.AppendMessageAsync(PlayerMessage("c1", "three", null), Ct);
        await sut.AppendMessageAsync(PlayerMessage("c1", "four", null), Ct);

        var forPlayer = await sut.GetMessagesAsync("c1", 0, 100, includeInternal: false, Ct);
        var forAgent = await sut.GetMessagesAsync("c1", 0, 100, includeInternal: true, Ct);
        var afterWatermark = await sut.GetMessagesAsync("c1", 2, 1, includeInternal: false, Ct);

        Assert.Equal(["one", "three", "four"], forPlayer.Select(m => m.Text));
        Assert.Equal(4, forAgent.Count);
        Assert.True(forAgent[1].Internal);
        Assert.Equal("three", Assert.Single(afterWatermark).Text);
    }

    [StoreFact]
    public async Task AppendMessageAsync_TextWithPersonalData_StoresMaskedTextAndClockTime()
    {
        var sut = await CreateSutAsync();
        Clock.Advance(TimeSpan.FromSeconds(1.5));

        var appended = await sut.AppendMessageAsync(
            PlayerMessage("c1", "card 4111 1111 1111 1111, mail john.doe@example.com", null), Ct);
        var stored = Assert.Single(await sut.GetMessagesAsync("c1", 0, 10, includeInternal: true, Ct));

        Assert.Equal("card **** **** **** 1111, mail j***@example.com", stored.Text);
        Assert.Equal(appended.Message, stored);
        Assert.Equal(Clock.GetUtcNow(), stored.At);
    }

    [StoreFact]
    public async Task AppendMessageAsync_PlayerPayloadWithCardNumber_MasksThePayloadTextToo()
    {
        var sut = await CreateSutAsync();
        const string payload = """{"type":"message","text":"my card 4111 1111 1111 1111","channelData":{"clientActivityID":"a1"}}""";

        await sut.AppendMessageAsync(new NewMessage("c1", "a1", MessageSender.Player, "p", "my card 4111 1111 1111 1111", payload), Ct);
        var stored = Assert.Single(await sut.GetMessagesAsync("c1", 0, 10, includeInternal: true, Ct));

        Assert.DoesNotContain("4111 1111 1111 1111", stored.PayloadJson, StringComparison.Ordinal);
        Assert.Contains("**** **** **** 1111", stored.PayloadJson, StringComparison.Ordinal);
        Assert.Contains("clientActivityID", stored.PayloadJson, StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task AppendMessageAsync_NestedTelegramAndTeamsHtmlPayloads_MasksTheTextWhereverItIs()
    {
        var sut = await CreateSutAsync();
        const string Card = "4111 1111 1111 1111";
        const string telegram = """{"update_id":7,"message":{"message_id":3,"chat":{"id":42},"text":"my card 4111 1111 1111 1111"}}""";
        const string teams = """{"type":"message","id":"1700000000000","text":"my card 4111 1111 1111 1111","attachments":[{"contentType":"text/html","content":"<p>my card 4111 1111 1111 1111</p>"}],"from":{"id":"29:1a2b3c"}}""";

        await sut.AppendMessageAsync(new NewMessage("c1", "t1", MessageSender.Player, "p", "my card " + Card, telegram), Ct);
        await sut.AppendMessageAsync(new NewMessage("c1", "t2", MessageSender.Player, "p", "my card " + Card, teams), Ct);
        var stored = await sut.GetMessagesAsync("c1", 0, 10, includeInternal: true, Ct);

        Assert.All(stored, m => Assert.DoesNotContain(Card, m.PayloadJson, StringComparison.Ordinal));
        Assert.Contains("\"update_id\":7", stored[0].PayloadJson, StringComparison.Ordinal);
        Assert.Contains("<p>my card **** **** **** 1111</p>", stored[1].PayloadJson, StringComparison.Ordinal);
        Assert.Contains("\"id\":\"1700000000000\"", stored[1].PayloadJson, StringComparison.Ordinal);
        Assert.Contains("29:1a2b3c", stored[1].PayloadJson, StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task AppendMessageAsync_BotAnswerWithSupportAddress_KeepsItAsPublished()
    {
        var sut = await CreateSutAsync();

        await sut.AppendMessageAsync(new NewMessage("c1", null, MessageSender.Bot, "bot", "Write to support@example-casino.com"), Ct);
        var stored = Assert.Single(await sut.GetMessagesAsync("c1", 0, 10, includeInternal: true, Ct));

        Assert.Equal("Write to support@example-casino.com", stored.Text);
    }

    [StoreFact]
    public async Task CreateTicketAsync_FullTicket_RoundTripsEveryField()
    {
        var sut = await CreateSutAsync();
        var ticket = new TicketBuilder().With(t => t with
        {
            PlayerId = "p-1",
            AccountSnapshotJson = """{"balance":12.5}""",
            Priority = 30,
            TopIntents = [new IntentCandidate("withdrawal_pending", 0.61), new IntentCandidate("deposit_missing", 0.2)],
            ArticlesShown = ["faq-12", "faq-40"],
            Tags = ["urgent"],
        }).Build();

        var created = await sut.CreateTicketAsync(ticket, Ct);
        var read = await sut.GetTicketAsync(created.Id, Ct);

        Assert.True(created.Id > 0);
        Assert.Equal(ticket with { Id = created.Id }, created, TicketComparer.Instance);
        Assert.Equal(created, read, TicketComparer.Instance);
        Assert.Equal([new IntentCandidate("withdrawal_pending", 0.61), new IntentCandidate("deposit_missing", 0.2)], read!.TopIntents);
    }

    [StoreFact]
    public async Task ListTicketsAsync_WaitingTickets_OrdersByPriorityDescThenAge()
    {
        var sut = await CreateSutAsync();
        var start = FakeTimeProvider.DefaultStart;
        var lowOld = await sut.CreateTicketAsync(new TicketBuilder().WithPriority(0).CreatedAt(start).Build(), Ct);
        var highNew = await sut.CreateTicketAsync(new TicketBuilder().WithPriority(20).CreatedAt(start.AddMinutes(3)).Build(), Ct);
        var highOld = await sut.CreateTicketAsync(new TicketBuilder().WithPriority(20).CreatedAt(start.AddMinutes(1)).Build(), Ct);
        var lowNew = await sut.CreateTicketAsync(new TicketBuilder().WithPriority(0).CreatedAt(start.AddMinutes(2)).Build(), Ct);
        await sut.TryClaimAsync(lowNew.Id, "agent-1", Ct);

        var waiting = await sut.ListTicketsAsync(new TicketQuery { Statuses = [TicketStatus.Waiting] }, Ct);

        Assert.Equal([highOld.Id, highNew.Id, lowOld.Id], waiting.Select(t => t.Id));
    }

    [StoreFact]
    public async Task ListTicketsAsync_QueueAssigneeAndLimit_FiltersRows()
    {
        var sut = await CreateSutAsync();
        var payments = await sut.CreateTicketAsync(new TicketBuilder().WithQueue("l2_payments").Build(), Ct);
        await sut.CreateTicketAsync(new TicketBuilder().WithQueue("l2_payments").Build(), Ct);
        await sut.CreateTicketAsync(new TicketBuilder().WithQueue("l1_general").Build(), Ct);
        await sut.TryClaimAsync(payments.Id, "agent-9", Ct);

        var inPayments = await sut.ListTicketsAsync(new TicketQuery { Queues = ["l2_payments"] }, Ct);
        var mine = await sut.ListTicketsAsync(new TicketQuery { AssigneeId = "agent-9" }, Ct);
        var limited = await sut.ListTicketsAsync(new TicketQuery { Limit = 1 }, Ct);

        Assert.Equal(2, inPayments.Count);
        Assert.All(inPayments, t => Assert.Equal("l2_payments", t.Queue));
        Assert.Equal(payments.Id, Assert.Single(mine).Id);
        Assert.Single(limited);
    }

    [StoreFact]
    public async Task TryClaimAsync_FiftyConcurrentAgents_ExactlyOneApplied()
    {
        var sut = await CreateSutAsync();
        var ticket = await sut.CreateTicketAsync(new TicketBuilder().Build(), Ct);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var claims = Enumerable.Range(0, 50)
            .Select(i => Task.Run(async () =>
            {
                await gate.Task;
                return await sut.TryClaimAsync(ticket.Id, $"agent-{i}", Ct);
            }))
            .ToArray();

        gate.SetResult();
        var results = await Task.WhenAll(claims);
        var winner = Assert.Single(results, r => r.IsApplied);
        var stored = await sut.GetTicketAsync(ticket.Id, Ct);

        Assert.Equal(49, results.Count(r => r.Outcome == UpdateOutcome.Conflict));
        Assert.Equal(TicketStatus.Assigned, stored!.Status);
        Assert.Equal(winner.Ticket!.AssigneeId, stored.AssigneeId);
        Assert.Equal(ticket.Version + 1, stored.Version);
    }

    [StoreFact]
    public async Task TryClaimAsync_UnknownTicket_ReturnsNotFound()
    {
        var sut = await CreateSutAsync();

        var result = await sut.TryClaimAsync(12345, "agent-1", Ct);

        Assert.Equal(UpdateOutcome.NotFound, result.Outcome);
        Assert.Null(result.Ticket);
    }

    [StoreFact]
    public async Task TryUpdateTicketAsync_CurrentVersion_AppliesChangeAndIncrementsVersion()
    {
        var sut = await CreateSutAsync();
        var ticket = await sut.CreateTicketAsync(new TicketBuilder().Build(), Ct);

        var result = await sut.TryUpdateTicketAsync(ticket.Id, ticket.Version, t => t with { Tags = ["kyc"], Priority = 7 }, Ct);

        Assert.Equal(UpdateOutcome.Applied, result.Outcome);
        Assert.Equal(ticket.Version + 1, result.Ticket!.Version);
        Assert.Equal(["kyc"], (await sut.GetTicketAsync(ticket.Id, Ct))!.Tags);
        Assert.Equal(7, result.Ticket.Priority);
    }

    [StoreFact]
    public async Task TryUpdateTicketAsync_StaleVersion_ReturnsConflictWithoutCallingChange()
    {
        var sut = await CreateSutAsync();
        var ticket = await sut.CreateTicketAsync(new TicketBuilder().Build(), Ct);
        await sut.TryClaimAsync(ticket.Id, "agent-1", Ct);
        var called = false;

        var result = await sut.TryUpdateTicketAsync(ticket.Id, ticket.Version, t =>
        {
            called = true;
            return t with { Priority = 99 };
        }, Ct);

        Assert.Equal(UpdateOutcome.Conflict, result.Outcome);
        Assert.False(called);
        Assert.Equal("agent-1", result.Ticket!.AssigneeId);
    }

    [StoreFact]
    public async Task ListUnansweredAsync_Recorded_NewestFirstSinceTheGivenTimeWithPersonalDataMasked()
    {
        var sut = await CreateSutAsync();
        await sut.RecordUnansweredAsync("c-1", "en", "old one", "not_understood", Ct);
        Clock.Advance(TimeSpan.FromHours(2));
        var since = Clock.GetUtcNow();
        await sut.RecordUnansweredAsync("c-2", "ru", "какая погода", "declined", Ct);
        Clock.Advance(TimeSpan.FromSeconds(1));
        await sut.RecordUnansweredAsync("c-3", "pl", "moja karta 4111 1111 1111 1111 nie działa", "clarified", Ct);

        var recent = await sut.ListUnansweredAsync(since, 10, Ct);
        var limited = await sut.ListUnansweredAsync(DateTimeOffset.MinValue, 1, Ct);

        Assert.Equal(["c-3", "c-2"], recent.Select(u => u.ConversationId));
        Assert.Equal(("ru", "какая погода", "declined"), (recent[1].Language, recent[1].Text, recent[1].Outcome));
        Assert.Equal(since, recent[1].At);
        Assert.DoesNotContain("4111 1111", recent[0].Text, StringComparison.Ordinal);
        Assert.Equal("c-3", Assert.Single(limited).ConversationId);
    }

    [StoreFact]
    public async Task ReviewUnansweredAsync_TwoSupervisors_FirstReviewWinsAndTheRowKeepsItsText()
    {
        var sut = await CreateSutAsync();
        await sut.RecordUnansweredAsync("c-1", "en", "who wins tonight?", "declined", Ct);
        await sut.RecordUnansweredAsync("c-2", "en", "who wins tonight", "declined", Ct);
        await sut.RecordUnansweredAsync("c-3", "en", "how do i get crypto back", "clarified", Ct);
        var rows = await sut.ListUnansweredAsync(DateTimeOffset.MinValue, 10, Ct);
        var tonight = rows.Where(u => u.Text.StartsWith("who wins", StringComparison.Ordinal)).Select(u => u.Id).ToList();

        var first = await sut.ReviewUnansweredAsync(tonight, "out_of_scope", "sam", Ct);
        var second = await sut.ReviewUnansweredAsync([.. tonight, tonight[0]], "dismissed", "sue", Ct);
        var one = await sut.GetUnansweredAsync(tonight[0], Ct);
        var open = await sut.GetUnansweredAsync(rows.Single(u => u.ConversationId == "c-3").Id, Ct);

        Assert.Equal((2, 0), (first, second));
        Assert.Equal(("out_of_scope", "declined"), (one!.ReviewedAs, one.Outcome));
        Assert.StartsWith("who wins", one.Text, StringComparison.Ordinal);
        Assert.Null(open!.ReviewedAs);
        Assert.Null(await sut.GetUnansweredAsync(-1, Ct));
        Assert.Equal(3, (await sut.ListUnansweredAsync(DateTimeOffset.MinValue, 10, Ct)).Count);
    }

    [StoreFact]
    public async Task CountConversationsByDayAsync_ConversationsOverThreeDays_CountedPerUtcDaySinceTheGivenTime()
    {
        var sut = await CreateSutAsync();
        var start = Clock.GetUtcNow();
        await sut.GetOrCreateConversationAsync(Conversation("c-old"), Ct);
        Clock.Advance(TimeSpan.FromHours(1));
        var since = Clock.GetUtcNow();
        await sut.GetOrCreateConversationAsync(Conversation("c-1"), Ct);
        await sut.GetOrCreateConversationAsync(Conversation("c-2"), Ct);
        Clock.Advance(TimeSpan.FromDays(2));
        await sut.GetOrCreateConversationAsync(Conversation("c-3"), Ct);

        var counts = await sut.CountConversationsByDayAsync(since, Ct);

        var firstDay = DateOnly.FromDateTime(since.UtcDateTime);
        var expected = new Dictionary<DateOnly, long> { [firstDay] = 2, [DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime)] = 1 };
        Assert.Equal(expected, counts);
        Assert.Equal(4, (await sut.CountConversationsByDayAsync(start, Ct)).Values.Sum());
    }

    [StoreFact]
    public async Task ListConversationsOfPlayerAsync_AndTicketsOfPlayer_OnlyThatVerifiedPlayersOldestFirst()
    {
        var sut = await CreateSutAsync();
        await sut.GetOrCreateConversationAsync(Conversation("c-1") with { PlayerId = "p-1001" }, Ct);
        Clock.Advance(TimeSpan.FromMinutes(1));
        await sut.GetOrCreateConversationAsync(Conversation("c-2") with { PlayerId = "p-1002" }, Ct);
        await sut.GetOrCreateConversationAsync(Conversation("c-3"), Ct);
        Clock.Advance(TimeSpan.FromMinutes(1));
        await sut.GetOrCreateConversationAsync(Conversation("c-4") with { PlayerId = "p-1001" }, Ct);
        var mine = await sut.CreateTicketAsync(new TicketBuilder().WithConversation("c-4").With(t => t with { PlayerId = "p-1001" }).Build(), Ct);
        await sut.CreateTicketAsync(new TicketBuilder().WithConversation("c-2").With(t => t with { PlayerId = "p-1002" }).Build(), Ct);

        var conversations = await sut.ListConversationsOfPlayerAsync("p-1001", 10, Ct);
        var tickets = await sut.ListTicketsAsync(new TicketQuery { PlayerId = "p-1001" }, Ct);
        var limited = await sut.ListConversationsOfPlayerAsync("p-1001", 1, Ct);

        Assert.Equal(["c-1", "c-4"], conversations.Select(c => c.Id));
        Assert.Equal(mine.Id, Assert.Single(tickets).Id);
        Assert.Equal("c-1", Assert.Single(limited).Id);
        Assert.Empty(await sut.ListConversationsOfPlayerAsync("p-9999", 10, Ct));
    }

    [StoreFact]
    public async Task ErasePlayerAsync_PlayerWithChatTicketAndUnanswered_TheirTextsAndLinksGoOthersStay()
    {
        var sut = await CreateSutAsync();
        await sut.GetOrCreateConversationAsync(Conversation("c-1") with { PlayerId = "p-1001" }, Ct);
        await sut.GetOrCreateConversationAsync(Conversation("c-2") with { PlayerId = "p-1002" }, Ct);
        await sut.AppendMessageAsync(new NewMessage("c-1", "a-1", MessageSender.Player, "Anna", "my iban is DE89 3704 0044 0532 0130 00", "{\"x\":1}"), Ct);
        await sut.AppendMessageAsync(new NewMessage("c-1", null, MessageSender.Agent, "alice", "Thanks Anna, checking"), Ct);
        await sut.AppendMessageAsync(new NewMessage("c-1", null, MessageSender.System, "alice", "VIP, angry", Internal: true), Ct);
        await sut.AppendMessageAsync(PlayerMessage("c-2", "other player's words", "b-1"), Ct);
        await sut.RecordUnansweredAsync("c-1", "en", "who wins tonight, Anna asks", "declined", Ct);
        var ticket = await sut.CreateTicketAsync(new TicketBuilder().WithConversation("c-1")
            .With(t => t with { PlayerId = "p-1001", AccountSnapshotJson = "{\"balance\":12}", CsatScore = 4, CsatComment = "Anna says thanks" }).Build(), Ct);

        var erased = await sut.ErasePlayerAsync("p-1001", Ct);

        Assert.Equal(new PlayerErasure(1, 3, 1), erased);
        var mine = await sut.GetMessagesAsync("c-1", 0, 10, includeInternal: true, Ct);
        Assert.Equal([1L, 2L, 3L], mine.Select(m => m.Seq));
        Assert.All(mine, m => Assert.Equal(PlayerErasure.ErasedText, m.Text));
        Assert.Null(mine[0].SenderName);
        Assert.Null(mine[0].PayloadJson);
        Assert.Equal("alice", mine[1].SenderName);
        Assert.Equal("other player's words", Assert.Single(await sut.GetMessagesAsync("c-2", 0, 10, includeInternal: true, Ct)).Text);
        Assert.Equal(PlayerErasure.ErasedText, Assert.Single(await sut.ListUnansweredAsync(DateTimeOffset.MinValue, 10, Ct)).Text);
        var stored = (await sut.GetTicketAsync(ticket.Id, Ct))!;
        Assert.Equal((null, null, null, 4), (stored.PlayerId, stored.AccountSnapshotJson, stored.CsatComment, stored.CsatScore));
        Assert.Null((await sut.GetConversationAsync("c-1", Ct))!.PlayerId);
        Assert.Empty(await sut.ListConversationsOfPlayerAsync("p-1001", 10, Ct));
        Assert.Equal("p-1002", (await sut.GetConversationAsync("c-2", Ct))!.PlayerId);
        Assert.Equal(new PlayerErasure(0, 0, 0), await sut.ErasePlayerAsync("p-1001", Ct));
    }

    [StoreFact]
    public async Task CursorAsync_SetTwice_ReturnsLatestAndNullForUnknown()
    {
        var sut = await CreateSutAsync();

        await sut.SetCursorAsync("telegram:offset", "100", Ct);
        await sut.SetCursorAsync("telegram:offset", "101", Ct);

        Assert.Equal("101", await sut.GetCursorAsync("telegram:offset", Ct));
        Assert.Null(await sut.GetCursorAsync("other", Ct));
    }

    [StoreFact]
    public async Task GetCursorsAsync_ManyNames_ReturnsTheExistingOnesAcrossBatches()
    {
        var sut = await CreateSutAsync();
        var names = Enumerable.Range(0, 1200).Select(i => $"teams-thread:{i}").ToList();
        foreach (var i in new[] { 0, 499, 500, 1199 })
        {
            await sut.SetCursorAsync(names[i], $"root-{i}", Ct);
        }

        await sut.SetCursorAsync("other", "x", Ct);

        var found = await sut.GetCursorsAsync([.. names, names[0]], Ct);

        Assert.Equal(["root-0", "root-1199", "root-499", "root-500"], found.Values.Order(StringComparer.Ordinal));
        Assert.Equal("root-500", found["teams-thread:500"]);
        Assert.Empty(await sut.GetCursorsAsync([], Ct));
    }

    [StoreFact]
    public async Task TrySetCursorAsync_ExpectedValue_WritesOnlyWhileItHoldsThatValue()
    {
        var sut = await CreateSutAsync();

        var created = await sut.TrySetCursorAsync("link-code:x", null, "live", Ct);
        var createdAgain = await sut.TrySetCursorAsync("link-code:x", null, "other", Ct);
        var spent = await sut.TrySetCursorAsync("link-code:x", "live", "", Ct);
        var spentAgain = await sut.TrySetCursorAsync("link-code:x", "live", "", Ct);
        var unknown = await sut.TrySetCursorAsync("link-code:y", "live", "", Ct);

        Assert.Equal((true, false, true, false, false), (created, createdAgain, spent, spentAgain, unknown));
        Assert.Equal("", await sut.GetCursorAsync("link-code:x", Ct));
        Assert.Null(await sut.GetCursorAsync("link-code:y", Ct));
    }

    [StoreFact]
    public async Task TrySetCursorAsync_TwentyConcurrentSpends_ExactlyOneWrites()
    {
        var sut = await CreateSutAsync();
        await sut.SetCursorAsync("link-code:x", "live", Ct);

        var spends = Enumerable.Range(0, 20).Select(i => Task.Run(() => sut.TrySetCursorAsync("link-code:x", "live", $"spent-{i}", Ct)));
        var results = await Task.WhenAll(spends);

        Assert.Single(results, r => r);
        Assert.StartsWith("spent-", await sut.GetCursorAsync("link-code:x", Ct), StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task NewStoreInstance_SameDatabase_SeesEarlierData()
    {
        var first = await CreateSutAsync();
        var conversation = await first.GetOrCreateConversationAsync(Conversation("c1"), Ct);
        await first.AppendMessageAsync(PlayerMessage("c1", "hi", "a1"), Ct);
        var ticket = await first.CreateTicketAsync(new TicketBuilder().Build(), Ct);
        await first.SetCursorAsync("telegram:offset", "77", Ct);

        var sut = await CreateSutAsync();
        var next = await sut.AppendMessageAsync(PlayerMessage("c1", "again", "a2"), Ct);

        Assert.Equal(conversation, await sut.GetConversationAsync("c1", Ct));
        Assert.Equal(ticket, await sut.GetTicketAsync(ticket.Id, Ct), TicketComparer.Instance);
        Assert.Equal("77", await sut.GetCursorAsync("telegram:offset", Ct));
        Assert.Equal(2, next.Message.Seq);
    }

    private async Task<IHandoffStore> CreateSutAsync()
    {
        var store = CreateStore();
        await store.InitializeAsync(Ct);
        return store;
    }

    private ConversationRecord Conversation(string id) => new()
    {
        Id = id,
        Channel = "webchat",
        CreatedAt = Clock.GetUtcNow(),
        LastPlayerActivityAt = Clock.GetUtcNow(),
    };

    private static NewMessage PlayerMessage(string conversationId, string text, string? externalId) =>
        new(conversationId, externalId, MessageSender.Player, "player", text);
}
