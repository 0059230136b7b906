using KnowledgeIndex.Indexing;
using KnowledgeIndex.Tests.Support;

namespace KnowledgeIndex.Tests.Indexing;

public sealed class FaqEditorArticleTests : IDisposable
{
    private const string Article = TestArticles.WithdrawalHowFile;

    private readonly TempDirectory _dir = new();

    [Fact]
    public void Save_NewTitleQuestionsAndAnswer_ReadsBackAsWrittenWithIdIntentAndTagsKept()
    {
        _dir.Write("en/withdrawal_how.md", Article);
        var read = FaqEditor.Read(_dir.Path, "en", "withdrawal_how")!;
        string[] questions = ["how do i withdraw my money", "  ", "How do I  withdraw my money", "withdrawal: how long?", "#1 way to cash out", "yes"];

        var outcome = FaqEditor.Save(
            _dir.Path, "en", "withdrawal_how", "Withdrawals: how to", questions, "Go to **Cashier**.\r\n\r\n---\r\n\r\nAsk us: anytime #1", read.Version, out var version);

        Assert.Equal(FaqSaveOutcome.Saved, outcome);
        var saved = Assert.Single(FaqSource.Load(_dir.Path));
        Assert.Equal(("withdrawal_how", "withdrawal_how", "Withdrawals: how to"), (saved.Id, saved.Intent, saved.Title));
        Assert.Equal(["payments", "withdrawal"], saved.Tags);
        Assert.Equal(["how do i withdraw my money", "withdrawal: how long?", "#1 way to cash out", "yes"], saved.Questions);
        Assert.Equal("Go to **Cashier**.\n\n---\n\nAsk us: anytime #1", saved.Body);
        Assert.Equal(FaqEditor.Read(_dir.Path, "en", "withdrawal_how")!.Version, version);
        Assert.NotEqual(read.Version, version);
    }

    [Fact]
    public void Save_FileChangedSinceRead_IsAConflictAndNothingIsWritten()
    {
        var path = _dir.Write("en/withdrawal_how.md", Article);
        var read = FaqEditor.Read(_dir.Path, "en", "withdrawal_how")!;
        FaqEditor.AddQuestion(_dir.Path, "en", "withdrawal_how", "payout please");
        var changed = File.ReadAllText(path);

        var outcome = FaqEditor.Save(_dir.Path, "en", "withdrawal_how", "New", ["q"], "Body", read.Version, out var version);

        Assert.Equal(FaqSaveOutcome.Conflict, outcome);
        Assert.Null(version);
        Assert.Equal(changed, File.ReadAllText(path));
    }

    [Fact]
    public void ReadAndSave_UnknownArticle_NullAndNotFound()
    {
        _dir.Write("en/withdrawal_how.md", Article);

        Assert.Null(FaqEditor.Read(_dir.Path, "en", "bonus_terms"));
        Assert.Equal(FaqSaveOutcome.ArticleNotFound, FaqEditor.Save(_dir.Path, "en", "bonus_terms", "T", [], "B", "0", out _));
    }

    [Theory]
    [InlineData("", "body")]
    [InlineData("two\nlines", "body")]
    [InlineData("Title", "   ")]
    public void Save_EmptyOrMultiLineTitleOrEmptyAnswer_ThrowsAndLeavesTheFile(string title, string body)
    {
        var path = _dir.Write("en/withdrawal_how.md", Article);
        var read = FaqEditor.Read(_dir.Path, "en", "withdrawal_how")!;

        Assert.Throws<ArgumentException>(() => FaqEditor.Save(_dir.Path, "en", "withdrawal_how", title, ["q"], body, read.Version, out _));
        Assert.Equal(Article, File.ReadAllText(path));
    }

    [Fact]
    public void Save_QuestionOnTwoLines_Throws()
    {
        _dir.Write("en/withdrawal_how.md", Article);
        var read = FaqEditor.Read(_dir.Path, "en", "withdrawal_how")!;

        Assert.Throws<ArgumentException>(() => FaqEditor.Save(_dir.Path, "en", "withdrawal_how", "T", ["one\ntwo"], "B", read.Version, out _));
    }

    [Fact]
    public void Save_EveryRealArticleUnchanged_ReadsBackTheSame()
    {
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Faq, "*.md", SearchOption.AllDirectories))
        {
            _dir.Write(Path.GetRelativePath(RepoPaths.Faq, file), File.ReadAllText(file));
        }

        var before = FaqSource.Load(_dir.Path);
        foreach (var a in before)
        {
            var outcome = FaqEditor.Save(_dir.Path, a.Language, a.Id, a.Title, a.Questions, a.Body, FaqEditor.Read(_dir.Path, a.Language, a.Id)!.Version, out _);
            Assert.Equal(FaqSaveOutcome.Saved, outcome);
        }

        Assert.Equal(before.Count, FaqSource.Load(_dir.Path).Count);
        Assert.All(FaqSource.Load(_dir.Path).Zip(before), pair =>
        {
            var (after, original) = pair;
            Assert.Equal((original.Id, original.Intent, original.Title, original.Body), (after.Id, after.Intent, after.Title, after.Body));
            Assert.Equal(original.Questions.DistinctBy(FaqEditor.TextKey), after.Questions);
            Assert.Equal(original.Tags, after.Tags);
        });
    }

    public void Dispose() => _dir.Dispose();
}
