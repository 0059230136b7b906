using KnowledgeIndex.Indexing;
using KnowledgeIndex.Tests.Support;

namespace KnowledgeIndex.Tests.Indexing;

public sealed class FaqEditorTests : IDisposable
{
    private const string Article = """
        ---
        id: withdrawal_how
        intent: withdrawal_how
        language: en
        title: How to withdraw your winnings
        questions:
          - how do i withdraw my money
          - cash out winnings to my card?
        tags: [payments]
        ---
        Open **Cashier**, then *Withdraw*.
        """;

    private readonly TempDirectory _dir = new();

    [Fact]
    public void AddQuestion_PlainText_GoesAfterTheLastQuestionAndTheRestOfTheFileIsUntouched()
    {
        var path = _dir.Write("en/withdrawal_how.md", Article);

        var outcome = FaqEditor.AddQuestion(_dir.Path, "en", "withdrawal_how", "  how do I   get my winnings out ");

        Assert.Equal(FaqEditOutcome.Added, outcome);
        var expected = Article.Replace(
            "  - cash out winnings to my card?\n", "  - cash out winnings to my card?\n  - how do I get my winnings out\n", StringComparison.Ordinal);
        Assert.Equal(expected, File.ReadAllText(path));
        Assert.Equal("how do I get my winnings out", FaqSource.Load(_dir.Path).Single().Questions[^1]);
    }

    [Theory]
    [InlineData("withdrawal: how long?")]
    [InlineData("#1 question, how to withdraw")]
    [InlineData("- withdraw")]
    [InlineData("\"quoted\" withdraw \\ backslash")]
    [InlineData("yes")]
    [InlineData("как вывести: срочно")]
    public void AddQuestion_TextYamlWouldMisread_IsQuotedAndReadsBackExactly(string question)
    {
        _dir.Write("en/withdrawal_how.md", Article);

        FaqEditor.AddQuestion(_dir.Path, "en", "withdrawal_how", question);

        Assert.Equal(question, FaqSource.Load(_dir.Path).Single().Questions[^1]);
    }

    [Fact]
    public void AddQuestion_ArticleWithoutQuestions_AddsTheListAndCrLfIsKept()
    {
        var path = _dir.Write("en/support-hours.md", "---\r\nid: support-hours\r\nlanguage: en\r\ntitle: Hours\r\n---\r\nAlways open.\r\n");

        FaqEditor.AddQuestion(_dir.Path, "en", "support-hours", "are you open at night");

        Assert.Equal(["are you open at night"], FaqSource.Load(_dir.Path).Single().Questions);
        Assert.DoesNotContain("\n", File.ReadAllText(path).Replace("\r\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void AddQuestion_SameQuestionOtherCaseAndSpacing_IsAlreadyPresentAndNothingIsWritten()
    {
        var path = _dir.Write("en/withdrawal_how.md", Article);

        var outcome = FaqEditor.AddQuestion(_dir.Path, "en", "withdrawal_how", "How do I  withdraw my money");

        Assert.Equal(FaqEditOutcome.AlreadyPresent, outcome);
        Assert.Equal(Article, File.ReadAllText(path));
    }

    [Fact]
    public void AddQuestion_UnknownArticle_IsNotFound()
    {
        _dir.Write("en/withdrawal_how.md", Article);

        Assert.Equal(FaqEditOutcome.ArticleNotFound, FaqEditor.AddQuestion(_dir.Path, "en", "withdrawal_crypto", "btc?"));
        Assert.Equal(FaqEditOutcome.ArticleNotFound, FaqEditor.AddQuestion(_dir.Path, "ru", "withdrawal_how", "как вывести"));
    }

    [Theory]
    [InlineData("en", "../en/withdrawal_how", "question")]
    [InlineData("..", "withdrawal_how", "question")]
    [InlineData("en", "withdrawal_how", "two\nlines")]
    [InlineData("en", "withdrawal_how", "   ")]
    [InlineData("en", "withdrawal_how", "tab\u0007bell")]
    public void AddQuestion_BadPathOrText_ThrowsAndLeavesTheFile(string language, string id, string question)
    {
        var path = _dir.Write("en/withdrawal_how.md", Article);

        Assert.Throws<ArgumentException>(() => FaqEditor.AddQuestion(_dir.Path, language, id, question));
        Assert.Equal(Article, File.ReadAllText(path));
    }

    [Fact]
    public void AddQuestion_TooLong_Throws()
    {
        _dir.Write("en/withdrawal_how.md", Article);

        var error = Assert.Throws<ArgumentException>(() => FaqEditor.AddQuestion(_dir.Path, "en", "withdrawal_how", new string('a', FaqEditor.MaxTextLength + 1)));

        Assert.Contains("longer than", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddOutOfScope_NewAndRepeatedMessage_AppendsOnceAndTheClassifierSourceReadsIt()
    {
        var path = _dir.Write("ru/out-of-scope.txt", "# comment\nкто выиграет сегодня");

        var first = FaqEditor.AddOutOfScope(_dir.Path, "ru", "какая погода в Москве");
        var again = FaqEditor.AddOutOfScope(_dir.Path, "ru", "Какая  погода в москве");

        Assert.Equal((FaqEditOutcome.Added, FaqEditOutcome.AlreadyPresent), (first, again));
        Assert.Equal("# comment\nкто выиграет сегодня\nкакая погода в Москве\n", File.ReadAllText(path));
        Assert.Equal(["кто выиграет сегодня", "какая погода в Москве"], FaqSource.OutOfScopeMessages(_dir.Path).Select(m => m.Text));
    }

    [Fact]
    public void AddOutOfScope_NoFileYet_CreatesIt()
    {
        _dir.Write("pl/withdrawal_how.md", Article.Replace("language: en", "language: pl", StringComparison.Ordinal));

        FaqEditor.AddOutOfScope(_dir.Path, "pl", "kto wygra mecz");

        Assert.Equal(("pl", "kto wygra mecz"), Assert.Single(FaqSource.OutOfScopeMessages(_dir.Path)));
    }

    [Fact]
    public void AddOutOfScope_CommentOrUnknownLanguage_Throws()
    {
        _dir.Write("en/withdrawal_how.md", Article);

        Assert.Throws<ArgumentException>(() => FaqEditor.AddOutOfScope(_dir.Path, "en", "#hashtag"));
        Assert.Throws<ArgumentException>(() => FaqEditor.AddOutOfScope(_dir.Path, "de", "wer gewinnt"));
    }

    [Fact]
    public async Task AddOutOfScope_AnotherEditorHoldsTheFolderLock_WaitsForItThenAdds()
    {
        _dir.Write("en/out-of-scope.txt", "who wins tonight\n");
        Task<FaqEditOutcome> adding;
        using (new FileStream(_dir.File(FaqEditor.LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            adding = Task.Run(() => FaqEditor.AddOutOfScope(_dir.Path, "en", "what is the weather"));
            await Task.Delay(300);
            Assert.False(adding.IsCompleted);
        }

        Assert.Equal(FaqEditOutcome.Added, await adding);
        Assert.Equal(["who wins tonight", "what is the weather"], FaqSource.OutOfScopeMessages(_dir.Path).Select(m => m.Text));
    }

    public void Dispose() => _dir.Dispose();
}
