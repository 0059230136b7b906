using KnowledgeIndex.Indexing;
using KnowledgeIndex.Search;
using KnowledgeIndex.Tests.Support;

namespace KnowledgeIndex.Tests.Indexing;

public sealed class IndexBuilderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public void Build_ExistingFile_ReplacesItAndLeavesNoTemporaryFiles()
    {
        var path = _dir.File("index.db");
        File.WriteAllText(path, "an old, broken index");

        IndexBuilder.Build(TestArticles.All, path);

        using var searcher = KnowledgeSearcher.Open(path);
        Assert.Equal(["en", "pl", "ru", "vi"], searcher.Languages.Order(StringComparer.Ordinal));
        Assert.Equal([path], Directory.GetFiles(_dir.Path));
    }

    [Fact]
    public void Build_WhileSearcherIsOpen_OldSearcherKeepsWorking()
    {
        var path = _dir.File("index.db");
        IndexBuilder.Build(TestArticles.All, path);
        using var before = KnowledgeSearcher.Open(path);

        IndexBuilder.Build(TestArticles.All.Where(a => a.Language == "en"), path);

        using var after = KnowledgeSearcher.Open(path);
        Assert.Equal("withdrawal_how", before.Search("rut tien", "vi").Top?.ArticleId);
        Assert.Empty(after.Search("rut tien", "vi").Hits);
    }

    [Fact]
    public void Build_DuplicateArticle_Throws()
    {
        var article = new ArticleBuilder("greeting", "en").Build();

        var ex = Assert.Throws<ArgumentException>(() => IndexBuilder.Build([article, article], _dir.File("index.db")));

        Assert.Contains("greeting", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en; DROP TABLE articles")]
    [InlineData("")]
    [InlineData("e")]
    public void Build_InvalidLanguageTag_Throws(string language)
    {
        var article = new ArticleBuilder("greeting", language).Build();

        Assert.Throws<ArgumentException>(() => IndexBuilder.Build([article], _dir.File("index.db")));
    }

    public void Dispose() => _dir.Dispose();
}
