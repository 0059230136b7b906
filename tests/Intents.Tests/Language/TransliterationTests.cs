using Intents.Language;

namespace Intents.Tests.Language;

public sealed class TransliterationTests
{
    [Theory]
    [InlineData("Как вывести деньги?", "kak vyvesti dengi?")]
    [InlineData("щётка, объём, жёлтый", "schetka, obem, zheltyy")]
    [InlineData("вывод на Skrill", "vyvod na skrill")]
    public void ToLatin_RussianText_InformalLatinSpelling(string text, string expected) =>
        Assert.Equal(expected, Transliteration.ToLatin(text));

    [Theory]
    [InlineData("где мой вывод", true)]
    [InlineData("gde moi vyvod", false)]
    public void HasCyrillic_Text_TrueOnlyWithCyrillicLetters(string text, bool expected) =>
        Assert.Equal(expected, Transliteration.HasCyrillic(text));
}
