using BotHost.Middleware;
using Intents;

namespace BotHost.Tests.Middleware;

public sealed class LanguageDetectionMiddlewareTests
{
    [Theory]
    [InlineData("kak vyvesti dengi na kartu", "pl", 0.64, "ru", "ru")]
    [InlineData("gdzie jest moja wyplata", "pl", 1.0, "en", "pl")]
    [InlineData("rut tien cua toi dau roi", "vi", 0.95, "en", "vi")]
    [InlineData("как вывести деньги", "ru", 0.7, "en", "ru")]
    [InlineData("wypłata nie doszła", "pl", 0.65, "en", "pl")]
    [InlineData("how do i deposit", "en", 0.65, "en", "en")]
    [InlineData("how do i deposit", "en", 0.5, "pl", "pl")]
    public void Choose_GuessAndConversation_AnswersInTheExpectedLanguage(string text, string guessed, double confidence, string conversation, string expected)
    {
        var actual = LanguageDetectionMiddleware.Choose(new LanguageGuess(guessed, confidence), text, conversation);

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Choose_UnknownLanguage_KeepsTheConversations()
    {
        Assert.Equal("vi", LanguageDetectionMiddleware.Choose(new LanguageGuess(LanguageGuess.Unknown, 1), "こんにちは", "vi"));
    }

    [Theory]
    [InlineData("acca", true)]
    [InlineData("  usdt ", true)]
    [InlineData("привет", false)]
    [InlineData("two words", false)]
    public void IsOnePlainWord_Text_TrueOnlyForOneAsciiWord(string text, bool expected) =>
        Assert.Equal(expected, LanguageDetectionMiddleware.IsOnePlainWord(text));
}
