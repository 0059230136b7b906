using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace BotHost.Tests.EndToEnd;

/// <summary>The demo operator page at <c>/</c> with Microsoft's Web Chat, driven as a player would.</summary>
public sealed partial class PlayerPage(IPage page)
{
    public IPage Page { get; } = page;

    private ILocator Transcript => Page.Locator("#webchat");

    public async Task OpenAsync(string baseUrl, string locale, string? playerId = null)
    {
        var query = $"?locale={Uri.EscapeDataString(locale)}" + (playerId is null ? "" : $"&player={Uri.EscapeDataString(playerId)}");
        await Page.GotoAsync(baseUrl + "/" + query);
        await Assertions.Expect(Transcript).ToContainTextAsync(WelcomeFor(locale));
    }

    public async Task SendAsync(string text)
    {
        var input = Page.Locator("[data-id='webchat-sendbox-input']");
        await input.FillAsync(text);
        await input.PressAsync("Enter");
        await Assertions.Expect(Transcript).ToContainTextAsync(text);
    }

    public Task ExpectAsync(string text) => Assertions.Expect(Transcript).ToContainTextAsync(text);

    public Task ClickSuggestedAsync(string title) =>
        Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = title, Exact = true }).Last.ClickAsync();

    /// <summary>The ticket number the bot announced ("… ticket is #12 …").</summary>
    public async Task<long> AnnouncedTicketAsync()
    {
        await Assertions.Expect(Transcript).ToContainTextAsync(TicketNumber());
        var match = TicketNumber().Match(await Transcript.InnerTextAsync());
        return long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    public Task ScreenshotAsync(string name) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.ScreenshotDirectory, name + ".png") });

    private static string WelcomeFor(string locale) => locale[..2] switch
    {
        "ru" => "Здравствуйте",
        "pl" => "Cześć",
        "vi" => "Xin chào",
        _ => "Hi!",
    };

    [GeneratedRegex(@"#(\d+)")]
    private static partial Regex TicketNumber();
}
