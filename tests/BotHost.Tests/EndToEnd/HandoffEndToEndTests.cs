using Handoff.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace BotHost.Tests.EndToEnd;

/// <summary>The player's Web Chat and the agent console in two browser contexts, from handoff to rating and the dashboard.</summary>
[Trait("Category", "EndToEnd")]
public sealed class HandoffEndToEndTests(EndToEndFixture fixture) : IClassFixture<EndToEndFixture>
{
    [ChromiumFact]
    public async Task RussianPlayer_AsksForHuman_AgentAnswersTransfersToPayments_SecondAgentResolves_PlayerRates()
    {
        var player = new PlayerPage(await fixture.Browser.NewPageAsync());
        var alice = new AgentConsolePage(await fixture.Browser.NewPageAsync());
        var boris = new AgentConsolePage(await fixture.Browser.NewPageAsync());
        await alice.SignInAsync(fixture.Host.BaseUrl, "alice", "alice-demo");
        await boris.SignInAsync(fixture.Host.BaseUrl, "boris", "boris-demo");
        await player.OpenAsync(fixture.Host.BaseUrl, "ru-RU");

        // Off topic first: declined, and listed on the dashboard below.
        await player.SendAsync("кто сегодня выиграет, зенит или спартак?");
        await player.ExpectAsync(BotHost.Bot.BotTexts.Get("ru", "out_of_scope"));
        await player.SendAsync("мне нужен живой человек, не бот");
        var ticketId = await player.AnnouncedTicketAsync();

        // The ticket appears in the console without a reload, with the Russian transcript and the reason.
        await Microsoft.Playwright.Assertions.Expect(alice.Waiting(ticketId)).ToBeVisibleAsync();
        await alice.OpenAsync(ticketId);
        await alice.ExpectTranscriptAsync("мне нужен живой человек");
        await Microsoft.Playwright.Assertions.Expect(alice.Page.Locator("#ctx-reason")).ToHaveTextAsync("human_request");
        await alice.ScreenshotAsync("console-ticket-waiting");
        await alice.ClaimAsync();
        await player.ExpectAsync("Alice");

        await alice.SendAsync("Здравствуйте! Я Алиса, чем могу помочь?");
        await player.ExpectAsync("Я Алиса, чем могу помочь?");
        await player.SendAsync("Мой вывод на карту не пришёл уже неделю");
        await alice.ExpectTranscriptAsync("Мой вывод на карту не пришёл");
        await alice.ScreenshotAsync("console-ticket-live");

        await alice.TransferAsync("l2_payments", "Вывод на карту задерживается, проверьте платёж");
        await player.ExpectAsync("профильной команде");
        await Microsoft.Playwright.Assertions.Expect(boris.Waiting(ticketId)).ToBeVisibleAsync();
        await boris.OpenAsync(ticketId);
        await boris.ExpectTranscriptAsync("Вывод на карту задерживается");
        await boris.ClaimAsync();
        await boris.SendAsync("Платёж отправлен повторно, деньги придут сегодня.");
        await player.ExpectAsync("деньги придут сегодня");
        await boris.ScreenshotAsync("console-ticket-transferred");
        await boris.ResolveAsync();

        await player.ExpectAsync("Оцените, пожалуйста");
        await player.ClickSuggestedAsync("★★★★★");
        await player.ExpectAsync("Спасибо за оценку");
        await player.ScreenshotAsync("webchat-handoff-ru");

        // The supervisor sees the conversation in the dashboard's figures.
        var sam = new AgentConsolePage(await fixture.Browser.NewPageAsync());
        await sam.SignInAsync(fixture.Host.BaseUrl, "sam", "sam-demo");
        await sam.Page.GotoAsync(fixture.Host.BaseUrl + "/dashboard");
        await Microsoft.Playwright.Assertions.Expect(sam.Page.Locator("#reasons")).ToContainTextAsync("human_request");
        await Microsoft.Playwright.Assertions.Expect(sam.Page.Locator("#to-review")).ToContainTextAsync("зенит или спартак");
        await sam.ScreenshotAsync("dashboard");

        var store = fixture.Host.Services.GetRequiredService<IHandoffStore>();
        var ticket = await store.GetTicketAsync(ticketId, CancellationToken.None);
        Assert.NotNull(ticket);
        Assert.Equal(Handoff.Tickets.TicketStatus.Resolved, ticket.Status);
        Assert.Equal("l2_payments", ticket.Queue);
        Assert.Equal("boris", ticket.AssigneeId);
        Assert.Equal(5, ticket.CsatScore);
    }
}
