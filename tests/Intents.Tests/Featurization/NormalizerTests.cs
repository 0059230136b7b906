using Intents.Featurization;

namespace Intents.Tests.Featurization;

public sealed class NormalizerTests
{
    [Theory]
    [InlineData("en", "How do I WITHDRAW my money?!", "how do i withdraw my money")]
    [InlineData("en", "Heeeeelp meee", "heelp mee")]
    [InlineData("en", "I don't have $50 or 1,250.75 EUR", "i dont have #cur #num or #num eur")]
    [InlineData("en", "see https://example.com/x?y=1 now", "see #url now")]
    [InlineData("en", "mail john.doe@example.com please", "mail #email please")]
    [InlineData("en", "ＷＩＴＨＤＲＡＷ ２０", "withdraw #num")]
    [InlineData("en", "ﬁnal", "final")]
    [InlineData("ru", "Где мой ВЫВОД? Ещё жду!", "где мой вывод еще жду")]
    [InlineData("ru", "Всё ок, 500₽", "все ок #num #cur")]
    [InlineData("pl", "Wypłata 100 zł – kiedy?", "wypłata #num zł kiedy")]
    [InlineData("pl", "ŁÓDŹ", "łódź")]
    [InlineData("vi", "Rút tiền 200.000đ", "rút tiền #num đ")]
    [InlineData("vi", "ĐỔI MẬT KHẨU", "đổi mật khẩu")]
    public void Tokenize_Text_ReturnsGoldenTokens(string language, string text, string expected)
    {
        _ = language;

        var tokens = Tokenizer.Tokenize(text);

        Assert.Equal(expected, string.Join(' ', tokens));
    }

    [Theory]
    [InlineData("pl", "Wypłata środków", "wyplata srodkow")]
    [InlineData("pl", "zażółć gęślą jaźń", "zazolc gesla jazn")]
    [InlineData("vi", "Rút tiền về thẻ", "rut tien ve the")]
    [InlineData("vi", "đổi mật khẩu", "doi mat khau")]
    [InlineData("ru", "вывод и пополнение", "вывод и пополнение")]
    [InlineData("ru", "мой", "мой")]
    public void TokenizeFolded_Text_ReturnsDiacriticFreeTokens(string language, string text, string expected)
    {
        _ = language;

        var tokens = Tokenizer.TokenizeFolded(text);

        Assert.Equal(expected, string.Join(' ', tokens));
    }

    [Fact]
    public void Normalize_WhitespaceOnly_ReturnsEmpty()
    {
        var normalized = Normalizer.Normalize(" \t\n ");

        Assert.Equal(string.Empty, normalized);
    }
}
