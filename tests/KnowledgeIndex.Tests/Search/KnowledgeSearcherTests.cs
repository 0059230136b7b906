using KnowledgeIndex.Indexing;
using KnowledgeIndex.Search;
using KnowledgeIndex.Tests.Support;
using Microsoft.Data.Sqlite;

namespace KnowledgeIndex.Tests.Search;

public sealed class KnowledgeSearcherTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Theory]
    [InlineData("en", "how do I withdraw my winnings", "withdrawal_how")]
    [InlineData("en", "which deposit methods", "deposit_methods")]
    // without diacritics
    [InlineData("pl", "jak wyplacic wygrana", "withdrawal_how")]
    [InlineData("vi", "lam sao rut tien", "withdrawal_how")]
    [InlineData("vi", "nap tien bang vi dien tu", "deposit_methods")]
    [InlineData("ru", "как пополнить счет", "deposit_methods")]
    // inflected forms
    [InlineData("ru", "выводом средств", "withdrawal_how")]
    [InlineData("ru", "пополнения баланса", "deposit_methods")]
    [InlineData("pl", "wypłaty środków", "withdrawal_how")]
    [InlineData("pl", "wpłatę", "deposit_methods")]
    // typos
    [InlineData("en", "withdrawl", "withdrawal_how")]
    [InlineData("en", "forgoten pasword", "password_reset")]
    [InlineData("ru", "пополнитть", "deposit_methods")]
    public void Search_TrickySpelling_FindsArticle(string language, string query, string expectedId)
    {
        using var sut = CreateSut();

        var result = sut.Search(query, language);

        Assert.NotNull(result.Top);
        Assert.Equal(expectedId, result.Top.ArticleId);
        Assert.Equal(language, result.Top.Language);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("?!... ---")]
    [InlineData("what is the")]
    [InlineData("the and of to")]
    public void Search_NoSearchableWords_ReturnsEmpty(string query)
    {
        using var sut = CreateSut();

        var result = sut.Search(query, "en");

        Assert.Empty(result.Hits);
        Assert.Null(result.Top);
    }

    [Theory]
    [InlineData("\"withdraw")]
    [InlineData("withdraw*")]
    [InlineData("-withdraw")]
    [InlineData("withdraw OR deposit")]
    [InlineData("NEAR(withdraw deposit)")]
    [InlineData("(withdraw")]
    [InlineData("title:withdraw")]
    [InlineData("^withdraw AND NOT deposit")]
    [InlineData("withdraw + {title body}: \"\"")]
    public void Search_FtsSyntaxCharacters_AreSearchedAsText(string query)
    {
        using var sut = CreateSut();

        var result = sut.Search(query, "en");

        Assert.Equal("withdrawal_how", result.Top?.ArticleId);
    }

    [Fact]
    public void Search_OnlyFtsOperators_ReturnsEmpty()
    {
        using var sut = CreateSut();

        var result = sut.Search("\" * - ( ) : ^ NEAR", "pl");

        Assert.Empty(result.Hits);
    }

    [Fact]
    public void Search_Hits_AreOrderedWithPlainTextSnippets()
    {
        using var sut = CreateSut();

        var result = sut.Search("withdraw money", "en", limit: 3);

        Assert.True(result.Hits.Count >= 2);
        Assert.True(result.Hits.Zip(result.Hits.Skip(1)).All(p => p.First.Score >= p.Second.Score));
        Assert.Contains("Withdraw", result.Hits[0].Snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("**", result.Hits[0].Snippet, StringComparison.Ordinal);
        Assert.Equal("How to withdraw your winnings", result.Hits[0].Title);
    }

    [Fact]
    public void Search_Limit_CapsHitCount()
    {
        using var sut = CreateSut();

        var result = sut.Search("how do i withdraw deposit password money", "en", limit: 1);

        Assert.Single(result.Hits);
    }

    [Fact]
    public void Search_ExactQuestion_TopHitIsStrong()
    {
        using var sut = CreateSut();

        var result = sut.Search("I forgot my password, the reset link does not arrive", "en");

        Assert.Equal("password_reset", result.Top?.ArticleId);
        Assert.True(result.Top!.IsStrong);
        Assert.All(result.Hits.Skip(1), h => Assert.False(h.IsStrong));
    }

    [Fact]
    public void Search_MostWordsUnknown_TopHitIsNotStrong()
    {
        using var sut = CreateSut();

        var result = sut.Search("my grandmother's parrot speaks latin about money", "en");

        Assert.NotNull(result.Top);
        Assert.False(result.Top.IsStrong);
    }

    [Theory]
    [InlineData("de")]
    [InlineData("xx-YY")]
    public void Search_LanguageNotInIndex_ReturnsEmpty(string language)
    {
        using var sut = CreateSut();

        var result = sut.Search("withdraw", language);

        Assert.Empty(result.Hits);
    }

    [Fact]
    public void Search_RegionalLanguageTag_UsesPrimaryLanguage()
    {
        using var sut = CreateSut();

        var result = sut.Search("вывести деньги", "ru-RU");

        Assert.Equal("withdrawal_how", result.Top?.ArticleId);
        Assert.Equal("ru", result.Top?.Language);
    }

    [Fact]
    public void Search_ConcurrentCallers_GetTheSameResultsAsOneCaller()
    {
        using var sut = CreateSut();
        var queries = new[] { ("withdraw", "en"), ("вывод", "ru"), ("wpłata", "pl"), ("nap tien", "vi"), ("password", "en") };
        var expected = queries.Select(q => sut.Search(q.Item1, q.Item2).Top?.ArticleId).ToArray();

        var actual = new string?[200];
        Parallel.For(0, actual.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var (text, language) = queries[i % queries.Length];
            actual[i] = sut.Search(text, language).Top?.ArticleId;
        });

        Assert.All(actual.Select((id, i) => (id, i)), x => Assert.Equal(expected[x.i % queries.Length], x.id));
    }

    [Fact]
    public void FindArticle_ExistingId_ReturnsFullArticle()
    {
        using var sut = CreateSut();
        var source = TestArticles.All.Single(a => a.Id == "withdrawal_how" && a.Language == "pl");

        var article = sut.FindArticle("withdrawal_how", "pl");

        Assert.NotNull(article);
        Assert.Equal(source.Title, article.Title);
        Assert.Equal(source.Intent, article.Intent);
        Assert.Equal(source.Body, article.Body);
        Assert.Equal(source.Tags, article.Tags);
        Assert.Equal(source.Questions, article.Questions);
    }

    [Theory]
    [InlineData("nope", "en")]
    [InlineData("withdrawal_how", "de")]
    public void FindArticle_Unknown_ReturnsNull(string id, string language)
    {
        using var sut = CreateSut();

        var article = sut.FindArticle(id, language);

        Assert.Null(article);
    }

    [Fact]
    public void FindByIntent_KnownIntent_ReturnsArticleInThatLanguage()
    {
        using var sut = CreateSut();

        var article = sut.FindByIntent("deposit_methods", "vi");

        Assert.Equal("Cách nạp tiền", article?.Title);
        Assert.Null(sut.FindByIntent("self_exclusion", "vi"));
    }

    [Fact]
    public void Open_IndexFromAnotherAnalyzerVersion_Throws()
    {
        var path = BuildIndex();
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE meta SET value = 'ki0;old' WHERE key = 'analyzer_version';";
            Assert.Equal(1, command.ExecuteNonQuery());
        }

        var ex = Assert.Throws<IndexVersionException>(() => KnowledgeSearcher.Open(path));

        Assert.Equal("ki0;old", ex.FoundVersion);
        Assert.Contains("Rebuild", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_SqliteFileThatIsNoIndex_Throws()
    {
        var path = _dir.File("other.db");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE t(x);";
            command.ExecuteNonQuery();
        }

        var ex = Assert.Throws<IndexVersionException>(() => KnowledgeSearcher.Open(path));

        Assert.Null(ex.FoundVersion);
    }

    [Fact]
    public void Search_AfterDispose_Throws()
    {
        var sut = CreateSut();
        sut.Dispose();

        Assert.Throws<ObjectDisposedException>(() => sut.Search("withdraw", "en"));
    }

    public void Dispose() => _dir.Dispose();

    private string BuildIndex()
    {
        var path = _dir.File("index.db");
        IndexBuilder.Build(TestArticles.All, path);
        return path;
    }

    private KnowledgeSearcher CreateSut() => KnowledgeSearcher.Open(BuildIndex());
}
