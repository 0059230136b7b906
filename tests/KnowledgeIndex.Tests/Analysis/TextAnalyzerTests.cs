using KnowledgeIndex.Analysis;

namespace KnowledgeIndex.Tests.Analysis;

public sealed class TextAnalyzerTests
{
    [Theory]
    // English: case folding, stop words, light stemming
    [InlineData("en", "The Withdrawals are PENDING", "withdrawal pend")]
    [InlineData("en", "Closing my account", "clos account")]
    [InlineData("en", "I verified my identity", "verify identity")]
    [InlineData("en", "Café déjà-vu", "caf deja vu")]
    // Polish: ł and other letters folded before stemming, so text without Polish letters meets the same terms
    [InlineData("pl", "Wypłata środków", "wyplat srodk")]
    [InlineData("pl", "wyplaty srodkow", "wyplat srodk")]
    [InlineData("pl", "Zapomniałem hasła", "zapomn hasl")]
    [InlineData("pl", "Jak wpłacić pieniądze na konto", "wplac pienia kont")]
    // Russian: ё → е, stop words, suffix stripping
    [InlineData("ru", "Счёт заблокирован", "счет заблок")]
    [InlineData("ru", "Счет заблокирован", "счет заблок")]
    [InlineData("ru", "Как вывести деньги на карту?", "вывест деньг карт")]
    [InlineData("ru", "выводом средств", "вывод средст")]
    [InlineData("ru", "какой у вас вывод", "вывод")]
    // Vietnamese: tones and đ folded, stop syllables dropped, syllable bigrams added
    [InlineData("vi", "Rút tiền về thẻ", "rut rut_tien tien tien_ve ve ve_the the")]
    [InlineData("vi", "Tôi muốn nạp tiền", "muon muon_nap nap nap_tien tien")]
    [InlineData("vi", "Đăng ký tài khoản", "dang dang_ky ky ky_tai tai tai_khoan khoan")]
    [InlineData("vi", "nạp tiền. rút tiền", "nap nap_tien tien rut rut_tien tien")]
    public void Analyze_LanguageText_ReturnsExpectedTerms(string language, string text, string expected)
    {
        var sut = CreateSut(language);

        var terms = sut.Analyze(text);

        Assert.Equal(expected, string.Join(' ', terms));
    }

    [Theory]
    [InlineData("en", "what is the")]
    [InlineData("ru", "и в на")]
    [InlineData("pl", "i w na")]
    [InlineData("vi", "là và của")]
    [InlineData("en", "?!... --- \"\" ()")]
    [InlineData("en", "   ")]
    public void Analyze_StopWordsOrPunctuationOnly_ReturnsNoTerms(string language, string text)
    {
        var sut = CreateSut(language);

        var terms = sut.Analyze(text);

        Assert.Empty(terms);
    }

    [Fact]
    public void Analyze_VietnameseWithCombiningMarks_EqualsPrecomposed()
    {
        var sut = CreateSut("vi");
        var precomposed = "Rút tiền";
        var decomposed = precomposed.Normalize(System.Text.NormalizationForm.FormD);

        var fromDecomposed = sut.Analyze(decomposed);

        Assert.NotEqual(precomposed, decomposed);
        Assert.Equal(sut.Analyze(precomposed), fromDecomposed);
    }

    [Theory]
    [InlineData("ru", "счёт", "счет")]
    [InlineData("ru", "й", "й")]
    [InlineData("pl", "łŁżźćńśóąę", "llzzcnsoae")]
    [InlineData("vi", "đĐươỹ", "dduoy")]
    public void Fold_LanguageLetters_FoldsDiacriticsAndCase(string language, string word, string expected)
    {
        _ = language;

        var folded = TextFolding.Fold(word);

        Assert.Equal(expected, folded);
    }

    private static TextAnalyzer CreateSut(string language) => TextAnalyzer.For(language, AnalyzerSettings.Default);
}
