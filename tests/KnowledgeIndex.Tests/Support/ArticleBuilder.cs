using KnowledgeIndex.Indexing;

namespace KnowledgeIndex.Tests.Support;

/// <summary>Builds test articles: <c>new ArticleBuilder("withdrawal_how", "en").Title("...").Questions(...).Build()</c>.</summary>
internal sealed class ArticleBuilder(string id, string language)
{
    private string? _intent;
    private string? _title;
    private string[] _tags = [];
    private string[] _questions = [];
    private string _body = "Answer.";

    public ArticleBuilder Intent(string intent)
    {
        _intent = intent;
        return this;
    }

    public ArticleBuilder Title(string title)
    {
        _title = title;
        return this;
    }

    public ArticleBuilder Tags(params string[] tags)
    {
        _tags = tags;
        return this;
    }

    public ArticleBuilder Questions(params string[] questions)
    {
        _questions = questions;
        return this;
    }

    public ArticleBuilder Body(string body)
    {
        _body = body;
        return this;
    }

    public FaqArticle Build() => new()
    {
        Id = id,
        Intent = _intent,
        Language = language,
        Title = _title ?? id,
        Tags = _tags,
        Questions = _questions,
        Body = _body,
    };
}
