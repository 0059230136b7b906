using BotHost.Knowledge;
using BotHost.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BotHost.Tests.EndToEnd;

/// <summary>A supervisor changes what the bot knows in the browser; a Web Chat player sees the difference.</summary>
[Trait("Category", "EndToEnd")]
public sealed class TeachEndToEndTests(EndToEndFixture fixture) : IClassFixture<EndToEndFixture>
{
    [ChromiumFact]
    public async Task Supervisor_TeachesADeclinedQuestionToAnArticle_ThePlayerGetsThatArticleNextTime()
    {
        const string question = "refer a friend reward?";
        var player = new PlayerPage(await fixture.Browser.NewPageAsync());
        await player.OpenAsync(fixture.Host.BaseUrl, "en-GB");
        await player.SendAsync(question);
        await player.ExpectAsync("outside what I can help with here");

        var sam = new AgentConsolePage(await fixture.Browser.NewPageAsync());
        await sam.SignInAsync(fixture.Host.BaseUrl, "sam", "sam-demo");
        await sam.Page.GotoAsync(fixture.Host.BaseUrl + "/dashboard");
        var row = sam.Page.Locator("#to-review tr", new() { HasText = question });
        await row.Locator("select").SelectOptionAsync("article:bonus-types");
        await sam.ScreenshotAsync("dashboard-to-review");
        await row.GetByRole(AriaRole.Button, new() { Name = "Teach" }).ClickAsync();
        await Assertions.Expect(sam.Page.Locator("#review-status")).ToContainTextAsync("Added “" + question + "” to the article");
        await Assertions.Expect(row).ToHaveCountAsync(0);
        await sam.ScreenshotAsync("dashboard-taught");

        await fixture.Host.Services.GetRequiredService<KnowledgeRuntime>().UntilTrainedOnAsync(fixture.Host.FaqDirectory);
        await player.SendAsync(question);
        await player.ExpectAsync(WebChatEndToEndTests.FirstBoldPhrase("bonus-types", "en"));
        await player.ScreenshotAsync("webchat-taught-en");
    }

    [ChromiumFact]
    public async Task Supervisor_EditsARussianAnswerInTheBrowser_ThePlayerGetsTheNewText()
    {
        const string edited = "До встречи! Мы на связи круглосуточно (правка из браузера).";
        var sam = new AgentConsolePage(await fixture.Browser.NewPageAsync());
        await sam.SignInAsync(fixture.Host.BaseUrl, "sam", "sam-demo");
        await sam.Page.GotoAsync(fixture.Host.BaseUrl + "/dashboard/articles");
        await sam.Page.Locator("#language").SelectOptionAsync("ru");
        await sam.Page.Locator("#articles button[data-id='goodbye']").ClickAsync();
        await sam.Page.Locator("#body").FillAsync(edited);
        // A double click saves once, without a "someone changed this article" error.
        await sam.Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).DblClickAsync();
        await Assertions.Expect(sam.Page.Locator("#status")).ToContainTextAsync("Saved");
        await Task.Delay(500);
        await Assertions.Expect(sam.Page.Locator("#status")).ToHaveClassAsync("saved");
        await sam.ScreenshotAsync("knowledge-base-editor");

        await fixture.Host.Services.GetRequiredService<KnowledgeRuntime>().UntilTrainedOnAsync(fixture.Host.FaqDirectory);
        var player = new PlayerPage(await fixture.Browser.NewPageAsync());
        await player.OpenAsync(fixture.Host.BaseUrl, "ru-RU");
        await player.SendAsync("пока, спасибо, это всё");
        await player.ExpectAsync("правка из браузера");
    }
}
