namespace Intents.Tests.Language;

public sealed class LanguageDetectorTests
{
    [Theory]
    [InlineData("how do i withdraw money from my account", "en")]
    [InlineData("withdraw money", "en")]
    [InlineData("forgot password", "en")]
    [InlineData("как вывести деньги", "ru")]
    [InlineData("забыл пароль", "ru")]
    [InlineData("kak vyvesti dengi", "ru")]
    [InlineData("zabyl parol", "ru")]
    [InlineData("jak wypłacić pieniądze", "pl")]
    [InlineData("jak wyplacic pieniadze", "pl")]
    [InlineData("zapomniałem hasła", "pl")]
    [InlineData("nie pamietam hasla", "pl")]
    [InlineData("rút tiền thế nào", "vi")]
    [InlineData("rut tien the nao", "vi")]
    [InlineData("quên mật khẩu", "vi")]
    [InlineData("quen mat khau", "vi")]
    public void DetectLanguage_ShortMessage_ReturnsLanguage(string text, string expected)
    {
        var sut = CreateSut();

        var guess = sut.DetectLanguage(text);

        Assert.Equal(expected, guess.Language);
        Assert.InRange(guess.Confidence, 0.0, 1.0);
    }

    [Theory]
    [InlineData("12345 !!!")]
    [InlineData("")]
    [InlineData("你好，我想取款")]
    [InlineData("مرحبا كيف حالك")]
    public void DetectLanguage_NoKnownScript_ReturnsUnknown(string text)
    {
        var sut = CreateSut();

        var guess = sut.DetectLanguage(text);

        Assert.Equal(LanguageGuess.Unknown, guess.Language);
    }

    [Fact]
    public void Predict_NoHint_UsesDetectedLanguage()
    {
        var sut = CreateSut();

        var prediction = sut.Predict("jak wyplacic pieniadze");

        Assert.Equal("pl", prediction.Language);
    }

    private static IntentClassifier CreateSut() => TrainedModel.Classifier;
}
