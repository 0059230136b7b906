using Intents.Featurization;

namespace Intents.Tests.Featurization;

public sealed class NgramFeaturizerTests
{
    [Theory]
    [InlineData("wypłata środków", "wyplata srodkow")]
    [InlineData("rút tiền về thẻ", "rut tien ve the")]
    public void Extract_TextWithoutDiacritics_SharesEveryKeyWithDiacriticText(string withDiacritics, string without)
    {
        var sut = CreateSut();

        var exact = TextVectorizer.Keys(sut, withDiacritics).ToHashSet();
        var folded = TextVectorizer.Keys(sut, without);

        Assert.All(folded, key => Assert.Contains(key, exact));
        Assert.True(exact.Count > folded.Distinct().Count(), "the exact text should add diacritic-bearing features");
    }

    [Fact]
    public void Extract_EnglishText_HasNoDuplicateExactView()
    {
        var sut = CreateSut();

        var keys = TextVectorizer.Keys(sut, "abc");

        // The word "abc", then the 2–4-grams of " abc ": " a", "ab", "bc", "c "; " ab", "abc", "bc "; " abc", "abc ".
        Assert.Equal(1 + 4 + 3 + 2, keys.Length);
    }

    [Fact]
    public void Extract_SkipBigrams_AddsOneKeyPerWordAfterTheSecond()
    {
        var plain = CreateSut();
        var sut = new NgramFeaturizer(FeaturizerSettings.Default with { SkipBigrams = true });

        var without = TextVectorizer.Keys(plain, "where is my card");
        var with = TextVectorizer.Keys(sut, "where is my card");

        Assert.Equal(without.Length + 2, with.Length);
        Assert.Subset(with.ToHashSet(), without.ToHashSet());
    }

    [Fact]
    public void Extract_SameText_ReturnsSameKeys()
    {
        var sut = CreateSut();

        var first = TextVectorizer.Keys(sut, "jak wypłacić pieniądze");
        var second = TextVectorizer.Keys(sut, "jak wypłacić pieniądze");

        Assert.Equal(first, second);
    }

    private static NgramFeaturizer CreateSut() => new(FeaturizerSettings.Default);
}
