using Microsoft.Playwright;

namespace BotHost.Tests.EndToEnd;

/// <summary>The agent console at <c>/agent</c>, driven as an agent would.</summary>
public sealed class AgentConsolePage(IPage page)
{
    public IPage Page { get; } = page;

    public async Task SignInAsync(string baseUrl, string id, string password)
    {
        await Page.GotoAsync(baseUrl + "/agent/");
        await Page.Locator("#login-id").FillAsync(id);
        await Page.Locator("#login-password").FillAsync(password);
        await Page.Locator("#login-password").PressAsync("Enter");
        await Assertions.Expect(Page.Locator("body[data-ready='true']")).ToBeAttachedAsync();
    }

    public ILocator Waiting(long ticketId) => Page.Locator($"#waiting li[data-ticket='{ticketId}']");

    public async Task OpenAsync(long ticketId)
    {
        var item = Page.Locator($"li[data-ticket='{ticketId}']");
        await item.FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Page.Locator(".context h1")).ToContainTextAsync($"#{ticketId}");
    }

    public async Task ClaimAsync()
    {
        await Page.Locator("#claim").ClickAsync();
        await Assertions.Expect(Page.Locator("#send")).ToBeEnabledAsync();
    }

    public async Task SendAsync(string text)
    {
        await Page.Locator("#reply").FillAsync(text);
        await Page.Locator("#reply").PressAsync("Enter");
        await ExpectTranscriptAsync(text);
    }

    public Task ExpectTranscriptAsync(string text) => Assertions.Expect(Page.Locator(".transcript")).ToContainTextAsync(text);

    public async Task TransferAsync(string queue, string note)
    {
        await Page.Locator("#transfer-queue").SelectOptionAsync(queue);
        await Page.Locator("#transfer-note").FillAsync(note);
        await Page.Locator("#transfer-form button").ClickAsync();
        await Assertions.Expect(Page.Locator("#transferred-note")).ToContainTextAsync(queue);
    }

    public async Task ResolveAsync()
    {
        await Page.Locator("#resolve").ClickAsync();
        await Assertions.Expect(Page.Locator("#resolved-note")).ToBeVisibleAsync();
    }

    public Task ScreenshotAsync(string name) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.ScreenshotDirectory, name + ".png") });
}
