using Intents.Featurization;

namespace Intents.Tests.Featurization;

public sealed class VocabularyTests
{
    [Fact]
    public void TryGet_KnownAndUnknownKeys_ReturnsIndexAndIdfOrFalse()
    {
        ulong[] keys = [11, 27, 43, 75];
        var sut = Vocabulary.Build(keys, [1.5f, 2.5f, 3.5f, 4.5f]);

        var found = keys.Select(k => sut.TryGet(k, out var index, out var idf) ? (index, idf) : (-1, 0f)).ToList();
        var missing = sut.TryGet(12, out var missingIndex, out _);

        Assert.Equal([(0, 1.5f), (1, 2.5f), (2, 3.5f), (3, 4.5f)], found);
        Assert.False(missing);
        Assert.Equal(-1, missingIndex);
        Assert.Equal(2, sut.IndexOf(43));
    }
}
