using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BotHost.AgentConsole;
using BotHost.Channels.Telegram;
using BotHost.Handoffs;
using Handoff.Conversations;
using Handoff.Persistence;

namespace BotHost.Tests.Channels.Telegram;

/// <summary>The channel in polling mode against the telegram-test-api emulator (behind the fix-up proxy).</summary>
public sealed class TelegramPollingTests(TelegramPollingFixture fixture) : IClassFixture<TelegramPollingFixture>
{
    private IHandoffStore Store => fixture.Host.Get<IHandoffStore>();

    [Fact]
    public async Task Poll_PolishQuestion_GetsPolishAnswerAsHtml()
    {
        var user = fixture.NewUser("pl");

        await user.SendTextAsync("jak anulować wypłatę?");

        var answer = await user.WaitForTextAsync("Wypłat", user.Mark);
        Assert.Equal("HTML", answer["parse_mode"]?.GetValue<string>());
        Assert.Contains("<b>", TelegramTestUser.Text(answer), StringComparison.Ordinal);
        Assert.DoesNotContain("**", TelegramTestUser.Text(answer), StringComparison.Ordinal);
        Assert.Contains(fixture.Proxy.CallsOf("sendChatAction"), c => c.Body["chat_id"]?.GetValue<long>() == user.ChatId);
        Assert.Equal("pl", (await Store.GetConversationAsync(user.ConversationId, default))!.Language);
    }

    [Fact]
    public async Task Poll_Start_GreetsInUserLanguage()
    {
        var user = fixture.NewUser("ru");

        await user.SendStartAsync();

        await user.WaitForTextAsync("Здравствуйте", user.Mark);
    }

    [Fact]
    public async Task Poll_InlineButtonPressed_AnswersCallbackAndHandlesButtonValue()
    {
        var user = fixture.NewUser("en");
        await user.SendTextAsync("how long does a card withdrawal take?");
        var withButtons = await user.WaitForAsync(m => TelegramTestUser.Buttons(m).Count > 0, user.Mark);
        var (title, data) = TelegramTestUser.Buttons(withButtons)[0];
        var mark = user.Mark;

        await user.PressAsync(withButtons, data);

        await user.WaitForTextAsync("glad it helped", mark);
        Assert.Equal("Yes", title);
        Assert.StartsWith("feedback:yes:", data, StringComparison.Ordinal);
        Assert.Contains(fixture.Proxy.CallsOf("answerCallbackQuery"), c => c.Body["callback_query_id"] is not null);
        var transcript = await Store.GetMessagesAsync(user.ConversationId, 0, 100, false, default);
        Assert.Contains(transcript, m => m.Sender == MessageSender.Player && m.Text == title);
    }

    [Fact]
    public async Task Poll_PlayerAsksForPerson_AgentAnswerReachesTelegram()
    {
        var user = fixture.NewUser("pl");
        await user.SendTextAsync("chcę rozmawiać z konsultantem");
        await user.WaitForTextAsync("#", user.Mark);
        var conversation = await Store.GetConversationAsync(user.ConversationId, default);
        var ticket = await Store.GetTicketAsync(conversation!.ActiveTicketId!.Value, default);
        var coordinator = fixture.Host.Get<HandoffCoordinator>();
        var alice = fixture.Host.Get<AgentDirectory>().Find("alice")!;
        var mark = user.Mark;

        var claim = await coordinator.ClaimAsync(ticket!.Id, alice, default);
        await coordinator.SendAgentMessageAsync(claim.Ticket!, alice, "Dzień dobry, sprawdzam Twoje konto <teraz> & zaraz wracam.", default);

        await user.WaitForTextAsync("Alice", mark);
        var agentMessage = await user.WaitForTextAsync("sprawdzam Twoje konto", mark);
        Assert.Equal("<b>Alice</b>\nDzień dobry, sprawdzam Twoje konto &lt;teraz&gt; &amp; zaraz wracam.", TelegramTestUser.Text(agentMessage));
        Assert.DoesNotContain(user.Messages, m => TelegramTestUser.Text(m).Contains("handoff.initiate", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Poll_UpdateDeliveredTwice_IsHandledOnce()
    {
        var user = fixture.NewUser("pl");
        await user.SendTextAsync("ile trwa wypłata przelewem");
        await user.WaitForAsync(_ => true, user.Mark);
        await user.SettleAsync(TimeSpan.FromMilliseconds(500));
        var mark = user.Mark;

        await fixture.Proxy.RedeliverLastConfirmedAsync().WaitAsync(TimeSpan.FromSeconds(15));
        await user.SettleAsync(TimeSpan.FromSeconds(2));

        Assert.Equal(mark, user.Mark);
        var transcript = await Store.GetMessagesAsync(user.ConversationId, 0, 100, false, default);
        Assert.Single(transcript, m => m.Sender == MessageSender.Player);
    }

    [Fact]
    public async Task Poll_Photo_RepliesUnsupportedMediaInUserLanguage()
    {
        var user = fixture.NewUser("ru");

        await user.SendPhotoAsync();

        await user.WaitForTextAsync("Я понимаю только текстовые сообщения", user.Mark);
        Assert.Null(await Store.GetConversationAsync(user.ConversationId, default));
    }

    [Fact]
    public async Task Poll_TooManyRequests_RetriesAfterRetryAfter()
    {
        var user = fixture.NewUser("en");
        fixture.Proxy.InjectFault("sendMessage", 429,
            """{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 1","parameters":{"retry_after":1}}""");

        await user.SendTextAsync("how do I cancel a withdrawal?");

        await user.WaitForAsync(_ => true, user.Mark);
        var sends = fixture.Proxy.CallsOf("sendMessage").Where(c => c.Body["chat_id"]?.GetValue<long>() == user.ChatId).ToList();
        Assert.True(sends.Count >= 2);
        Assert.True(Stopwatch.GetElapsedTime(sends[0].Timestamp, sends[1].Timestamp) >= TimeSpan.FromMilliseconds(950));
    }

    [Fact]
    public async Task Poll_ServerErrorOnSend_IsRetried()
    {
        var user = fixture.NewUser("en");
        fixture.Proxy.InjectFault("sendMessage", 502, "<html>Bad Gateway</html>");

        await user.SendTextAsync("how do I reset my password?");

        await user.WaitForAsync(_ => true, user.Mark);
        Assert.True(fixture.Proxy.CallsOf("sendMessage").Count(c => c.Body["chat_id"]?.GetValue<long>() == user.ChatId) >= 2);
    }

    [Fact]
    public async Task Poll_StartWithLinkCode_LinksAccountOnce()
    {
        using var site = fixture.Host.CreateClient();
        var response = await site.PostAsJsonAsync("/demo/link-code", new { playerId = "p-1001" });
        var link = await response.Content.ReadFromJsonAsync<JsonObject>();
        var code = link!["code"]!.GetValue<string>();
        var user = fixture.NewUser("pl");
        var stranger = fixture.NewUser("pl");

        await user.SendStartAsync("link-" + code);
        await user.WaitForTextAsync("połączone", user.Mark);
        await stranger.SendStartAsync("link-" + code);
        await stranger.WaitForTextAsync("wygasł", stranger.Mark);

        var compact = code.Replace("-", "", StringComparison.Ordinal);
        Assert.Equal($"https://t.me/support_bot?start=link-{compact}", link["telegramUrl"]!.GetValue<string>());
        Assert.Equal($"link {code}", link["teamsCommand"]!.GetValue<string>());
        Assert.Equal("p-1001", (await Store.GetConversationAsync(user.ConversationId, default))!.PlayerId);
        Assert.Null((await Store.GetConversationAsync(stranger.ConversationId, default))!.PlayerId);
        foreach (var chat in new[] { user, stranger })
        {
            var transcript = await Store.GetMessagesAsync(chat.ConversationId, 0, 100, true, default);
            Assert.All(transcript, m => Assert.DoesNotContain(compact, m.Text + m.PayloadJson, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task Poll_LinkCommandTyped_LinksAndMasksTheCode()
    {
        using var site = fixture.Host.CreateClient();
        var response = await site.PostAsJsonAsync("/demo/link-code", new { playerId = "p-1002" });
        var code = (await response.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>();
        var user = fixture.NewUser("ru");

        await user.SendTextAsync("привязать " + code.ToLowerInvariant());

        await user.WaitForTextAsync("привязан к этому чату", user.Mark);
        Assert.Equal("p-1002", (await Store.GetConversationAsync(user.ConversationId, default))!.PlayerId);
        var transcript = await Store.GetMessagesAsync(user.ConversationId, 0, 100, true, default);
        var stored = Assert.Single(transcript, m => m.Sender == MessageSender.Player);
        Assert.Equal("привязать ****-****", stored.Text);
        Assert.DoesNotContain(code[..4], stored.PayloadJson!, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Poll_Offset_IsStoredAfterEachUpdate()
    {
        var user = fixture.NewUser("en");
        await user.SendTextAsync("hello");
        await user.WaitForAsync(_ => true, user.Mark);

        var offset = await Eventually.ValueAsync(async () =>
            long.TryParse(await Store.GetCursorAsync(TelegramReceiver.OffsetCursor, default), out var value)
            && fixture.Proxy.CallsOf("getUpdates").Any(c => c.Body["offset"]?.GetValue<long>() == value) ? value : (long?)null);

        var lastUpdate = fixture.Proxy.CallsOf("getUpdates").Max(c => c.Body["offset"]?.GetValue<long>() ?? 0);
        Assert.Equal(lastUpdate, offset);
    }
}
