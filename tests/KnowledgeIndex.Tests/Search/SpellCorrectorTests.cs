using KnowledgeIndex.Search;

namespace KnowledgeIndex.Tests.Search;

public sealed class SpellCorrectorTests
{
    [Theory]
    [InlineData("withdrawl", "withdrawal")]
    [InlineData("witdhrawal", "withdrawal")]
    [InlineData("depsoit", "deposit")]
    [InlineData("pasword", "password")]
    public void TryCorrect_Typo_ReturnsVocabularyWord(string typo, string expected)
    {
        var sut = CreateSut();

        var found = sut.TryCorrect(typo, out var corrected);

        Assert.True(found);
        Assert.Equal(expected, corrected);
    }

    [Theory]
    [InlineData("xyzzy")]
    [InlineData("dep")]
    [InlineData("2024")]
    public void TryCorrect_NothingClose_ReturnsFalse(string word)
    {
        var sut = CreateSut();

        var found = sut.TryCorrect(word, out _);

        Assert.False(found);
    }

    private static SpellCorrector CreateSut() => new(new Dictionary<string, int>
    {
        ["withdrawal"] = 5,
        ["withdraw"] = 3,
        ["deposit"] = 7,
        ["password"] = 2,
        ["passport"] = 1,
    });
}
