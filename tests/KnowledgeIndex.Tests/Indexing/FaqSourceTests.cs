using KnowledgeIndex.Indexing;
using KnowledgeIndex.Tests.Support;

namespace KnowledgeIndex.Tests.Indexing;

public sealed class FaqSourceTests : IDisposable
{
    private const string ValidArticle = TestArticles.WithdrawalHowFile;

    private readonly TempDirectory _dir = new();

    [Fact]
    public void Load_ValidFile_ReadsEveryField()
    {
        _dir.Write("en/withdrawal_how.md", ValidArticle);

        var articles = FaqSource.Load(_dir.Path);

        var article = Assert.Single(articles);
        Assert.Equal("withdrawal_how", article.Id);
        Assert.Equal("withdrawal_how", article.Intent);
        Assert.Equal("en", article.Language);
        Assert.Equal("How to withdraw your winnings", article.Title);
        Assert.Equal(["payments", "withdrawal"], article.Tags);
        Assert.Equal(["how do i withdraw my money", "cash out winnings to my card?"], article.Questions);
        Assert.Equal("Open **Cashier**, then *Withdraw*.", article.Body);
    }

    [Fact]
    public void Load_NoIntentCrlfAndBom_ReadsSearchOnlyArticle()
    {
        var text = "\uFEFF---\r\nid: void-bets\r\nlanguage: pl\r\ntitle: Zakłady anulowane\r\n---\r\nStawka wraca na saldo.\r\n";
        _dir.Write("pl/void-bets.md", text);

        var article = Assert.Single(FaqSource.Load(_dir.Path));

        Assert.Null(article.Intent);
        Assert.Empty(article.Questions);
        Assert.Equal("Stawka wraca na saldo.", article.Body);
    }

    [Theory]
    [InlineData("id: withdrawal_how\n", "", "'id'")]
    [InlineData("title: How to withdraw your winnings\n", "", "'title'")]
    [InlineData("language: en\n", "", "'language'")]
    [InlineData("id: withdrawal_how\n", "id: withdrawal\n", "does not match the file name")]
    [InlineData("language: en\n", "language: ru\n", "does not match the folder")]
    [InlineData("tags: [payments, withdrawal]\n", "tags: payments\n", "'tags' must be a list")]
    [InlineData("title: How to withdraw your winnings\n", "title: [unclosed\n", "invalid YAML")]
    public void Load_BadFrontMatter_ThrowsNamingFileAndProblem(string replace, string with, string problem)
    {
        var path = _dir.Write("en/withdrawal_how.md", ValidArticle.Replace(replace, with, StringComparison.Ordinal));

        var ex = Assert.Throws<FaqFormatException>(() => FaqSource.Load(_dir.Path));

        Assert.Equal(path, ex.FilePath);
        Assert.Contains("withdrawal_how.md", ex.Message, StringComparison.Ordinal);
        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no front matter at all\n")]
    [InlineData("---\nid: withdrawal_how\nlanguage: en\ntitle: t\n")]
    [InlineData("---\nid: withdrawal_how\nlanguage: en\ntitle: t\n---\n   \n")]
    public void Load_BrokenLayout_ThrowsFaqFormatException(string text)
    {
        _dir.Write("en/withdrawal_how.md", text);

        var ex = Assert.Throws<FaqFormatException>(() => FaqSource.Load(_dir.Path));

        Assert.Contains("withdrawal_how.md", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fingerprint_SameFiles_IsStable()
    {
        _dir.Write("en/withdrawal_how.md", ValidArticle);
        var first = FaqSource.Fingerprint(_dir.Path);

        var second = FaqSource.Fingerprint(_dir.Path);

        Assert.Equal(first, second);
        Assert.Equal(64, first.Length);
    }

    [Fact]
    public void OutOfScopeMessages_PerLanguageFile_ReadsLinesAndIsNoArticle()
    {
        _dir.Write("en/withdrawal_how.md", ValidArticle);
        _dir.Write("en/" + FaqSource.OutOfScopeFileName, "\uFEFFwho wins tonight?\n\n# gibberish\nasdfgh\n");
        _dir.Write("ru/" + FaqSource.OutOfScopeFileName, "какая погода завтра\r\n");

        var messages = FaqSource.OutOfScopeMessages(_dir.Path);

        Assert.Equal([("en", "who wins tonight?"), ("en", "asdfgh"), ("ru", "какая погода завтра")], messages);
        Assert.Equal("withdrawal_how", Assert.Single(FaqSource.Load(_dir.Path)).Id);
    }

    [Fact]
    public void Fingerprint_EditedOutOfScopeFile_Changes()
    {
        _dir.Write("en/withdrawal_how.md", ValidArticle);
        var path = _dir.Write("en/" + FaqSource.OutOfScopeFileName, "who wins tonight?\n");
        var before = FaqSource.Fingerprint(_dir.Path);

        File.AppendAllText(path, "asdfgh\n");

        Assert.NotEqual(before, FaqSource.Fingerprint(_dir.Path));
    }

    [Theory]
    [InlineData("edit")]
    [InlineData("add")]
    [InlineData("rename")]
    [InlineData("delete")]
    public void Fingerprint_ChangedKnowledgeBase_Changes(string change)
    {
        var path = _dir.Write("en/withdrawal_how.md", ValidArticle);
        _dir.Write("ru/withdrawal_how.md", ValidArticle);
        var before = FaqSource.Fingerprint(_dir.Path);

        switch (change)
        {
            case "edit": File.AppendAllText(path, "\nMore."); break;
            case "add": _dir.Write("pl/withdrawal_how.md", ValidArticle); break;
            case "rename": File.Move(path, _dir.File("en/withdrawal.md")); break;
            default: File.Delete(path); break;
        }

        Assert.NotEqual(before, FaqSource.Fingerprint(_dir.Path));
    }

    public void Dispose() => _dir.Dispose();
}
