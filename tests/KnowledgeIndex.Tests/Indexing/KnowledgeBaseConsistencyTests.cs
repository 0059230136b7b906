using KnowledgeIndex.Indexing;
using KnowledgeIndex.Tests.Support;

namespace KnowledgeIndex.Tests.Indexing;

/// <summary>The real knowledge base in data/faq: every file parses, and every language holds the same articles.</summary>
public sealed class KnowledgeBaseConsistencyTests
{
    private const int MinQuestionsPerIntent = 20;
    private const int MinOutOfScopeMessages = 200;
    private static readonly string[] Languages = ["en", "ru", "pl", "vi"];

    [Fact]
    public void Load_RealKnowledgeBase_EveryFileParsesInItsLanguageFolder()
    {
        var root = RepoPaths.Faq;

        var articles = FaqSource.Load(root);

        var files = Directory.EnumerateDirectories(root).Sum(d => Directory.EnumerateFiles(d, "*.md").Count());
        Assert.Equal(files, articles.Count);
        Assert.All(articles, a => Assert.Contains(a.Language, Languages));
    }

    [Fact]
    public void Load_RealKnowledgeBase_EveryLanguageHasTheSameArticleIds()
    {
        var articles = FaqSource.Load(RepoPaths.Faq);

        var idsByLanguage = Languages.ToDictionary(l => l, l => articles.Where(a => a.Language == l).Select(a => a.Id).ToHashSet());

        var allIds = idsByLanguage.Values.SelectMany(ids => ids).ToHashSet();
        var missing = Languages
            .SelectMany(l => allIds.Except(idsByLanguage[l]).Select(id => $"{l}/{id}.md"))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(allIds);
        Assert.True(missing.Count == 0, "missing articles: " + string.Join(", ", missing));
    }

    [Fact]
    public void OutOfScopeMessages_RealKnowledgeBase_EveryLanguageHasEnough()
    {
        var messages = FaqSource.OutOfScopeMessages(RepoPaths.Faq);

        var thin = Languages
            .Select(l => (Language: l, Count: messages.Count(m => m.Language == l)))
            .Where(l => l.Count < MinOutOfScopeMessages)
            .Select(l => $"{l.Language}/{FaqSource.OutOfScopeFileName} ({l.Count})")
            .ToList();

        Assert.True(thin.Count == 0, $"out-of-scope files with fewer than {MinOutOfScopeMessages} messages: " + string.Join(", ", thin));
    }

    [Fact]
    public void Load_RealKnowledgeBase_EveryIntentArticleHasEnoughQuestions()
    {
        var articles = FaqSource.Load(RepoPaths.Faq);

        var thin = articles
            .Where(a => a.Intent is not null && a.Questions.Count < MinQuestionsPerIntent)
            .Select(a => $"{a.Language}/{a.Id}.md ({a.Questions.Count})")
            .ToList();

        Assert.Contains(articles, a => a.Intent is not null);
        Assert.True(thin.Count == 0, $"intent articles with fewer than {MinQuestionsPerIntent} questions: " + string.Join(", ", thin));
    }

    [Fact]
    public void Load_RealKnowledgeBase_IntentArticlesAreNamedAfterTheirIntent()
    {
        var articles = FaqSource.Load(RepoPaths.Faq);

        var misnamed = articles.Where(a => a.Intent is not null && a.Intent != a.Id).Select(a => $"{a.Language}/{a.Id}.md").ToList();

        Assert.True(misnamed.Count == 0, "intent differs from id: " + string.Join(", ", misnamed));
    }
}
