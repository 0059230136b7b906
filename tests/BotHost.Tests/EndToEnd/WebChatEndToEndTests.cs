using System.Text.RegularExpressions;
using BotHost.Tests.Infrastructure;

namespace BotHost.Tests.EndToEnd;

/// <summary>The player page with Microsoft's Web Chat in headless Chromium against the live host.</summary>
[Trait("Category", "EndToEnd")]
public sealed partial class WebChatEndToEndTests(EndToEndFixture fixture) : IClassFixture<EndToEndFixture>
{
    [ChromiumFact]
    public async Task PlayerPage_WithdrawalQuestionInEachLanguage_AnswersWithThatLanguagesArticle()
    {
        (string Locale, string Question)[] cases =
        [
            ("en-GB", "how do I withdraw my winnings"),
            ("ru-RU", "как вывести деньги"),
            ("pl-PL", "jak wypłacić pieniądze"),
            ("vi-VN", "làm sao để rút tiền"),
        ];

        foreach (var (locale, question) in cases)
        {
            var sut = new PlayerPage(await fixture.Browser.NewPageAsync());
            await sut.OpenAsync(fixture.Host.BaseUrl, locale);

            await sut.SendAsync(question);

            await sut.ExpectAsync(FirstBoldPhrase("withdrawal_how", locale[..2]));
            await sut.ScreenshotAsync($"webchat-withdrawal-{locale[..2]}");
            await sut.Page.Context.CloseAsync();
        }
    }

    [ChromiumFact]
    public async Task PlayerPage_SignedInPlayerAsksForWithdrawal_SeesTheirPendingWithdrawal()
    {
        var sut = new PlayerPage(await fixture.Browser.NewPageAsync());
        await sut.OpenAsync(fixture.Host.BaseUrl, "pl-PL", "p-1001");

        await sut.SendAsync("gdzie jest moja wypłata");

        await sut.ExpectAsync("Visa •••• 4242");
        await sut.ScreenshotAsync("webchat-account-pl");
    }

    [ChromiumFact]
    public async Task PlayerPage_GuestAsksForWithdrawal_IsToldToSignInAndSeesNoAccountData()
    {
        var sut = new PlayerPage(await fixture.Browser.NewPageAsync());
        await sut.OpenAsync(fixture.Host.BaseUrl, "en-GB");

        await sut.SendAsync("where is my withdrawal");

        await sut.ExpectAsync("sign in on our website");
        Assert.DoesNotContain("4242", await sut.Page.Locator("#webchat").InnerTextAsync());
    }

    [ChromiumFact]
    public async Task PlayerPage_OffTopicThenRealQuestion_DeclinesWithoutAnArticleThenAnswers()
    {
        var sut = new PlayerPage(await fixture.Browser.NewPageAsync());
        await sut.OpenAsync(fixture.Host.BaseUrl, "ru-RU");

        await sut.SendAsync("кто сегодня выиграет, зенит или спартак?");
        await sut.ExpectAsync(BotHost.Bot.BotTexts.Get("ru", "out_of_scope"));
        var afterOffTopic = await sut.Page.Locator("#webchat").InnerTextAsync();
        await sut.SendAsync("как вывести деньги");

        await sut.ExpectAsync(FirstBoldPhrase("withdrawal_how", "ru"));
        Assert.DoesNotContain(BotHost.Bot.BotTexts.Get("ru", "did_it_help"), afterOffTopic, StringComparison.Ordinal);
        await sut.ScreenshotAsync("webchat-off-topic-ru");
    }

    /// <summary>A phrase the answer must show: the first bold run of the article body, as Web Chat renders it.</summary>
    internal static string FirstBoldPhrase(string articleId, string language)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Faq, language, articleId + ".md"));
        var body = text[(text.IndexOf("\n---", 4, StringComparison.Ordinal) + 4)..];
        return Bold().Match(body).Groups[1].Value;
    }

    [GeneratedRegex(@"\*\*(.+?)\*\*")]
    private static partial Regex Bold();
}
