using System.Globalization;
using BotHost.AgentConsole;
using BotHost.Hosting;
using BotHost.Knowledge;
using KnowledgeIndex.Indexing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace BotHost.Dashboard;

/// <summary>
/// Editing the knowledge base in the browser (supervisors only), for operators who do not work in the repository:
/// <list type="bullet">
/// <item><c>GET /dashboard/api/articles?language=ru</c>: the language's articles, by title.</item>
/// <item><c>GET /dashboard/api/articles/{language}/{id}</c>: one article with its version.</item>
/// <item><c>PUT /dashboard/api/articles/{language}/{id}</c> with <c>{"title","questions":[…],"body","version"}</c>:
/// saves it (409 when someone saved in between) and retrains the bot in the background.</item>
/// </list>
/// The page is <c>/dashboard/articles</c>. Edits are written to <c>data/faq</c> through <see cref="FaqEditor"/>.
/// </summary>
public static class KnowledgeEditingApi
{
    public static IEndpointRouteBuilder MapKnowledgeEditing(this IEndpointRouteBuilder app)
    {
        app.MapGet("/dashboard/api/articles", List).RequireSupervisor();
        app.MapGet("/dashboard/api/articles/{language}/{id}", Get).RequireSupervisor();
        app.MapPut("/dashboard/api/articles/{language}/{id}", Save).RequireSupervisor();
        return app;
    }

    private static IResult List(string? language, IOptions<StorageOptions> storage)
    {
        if (string.IsNullOrWhiteSpace(language))
        {
            return TypedResults.Problem(title: "language is required.", statusCode: StatusCodes.Status400BadRequest);
        }

        try
        {
            var culture = CultureInfo.GetCultureInfo(language);
            var articles = FaqSource.Load(storage.Value.ResolveFaqDirectory())
                .Where(a => a.Language == language)
                .OrderBy(a => a.Title, StringComparer.Create(culture, ignoreCase: true))
                .Select(a => new ArticleChoice(a.Id, a.Title, a.Intent))
                .ToList();
            return TypedResults.Ok(articles);
        }
        catch (FaqFormatException ex)
        {
            return Unparsable(ex);
        }
        catch (CultureNotFoundException)
        {
            return TypedResults.Problem(title: $"Unknown language '{language}'.", statusCode: StatusCodes.Status400BadRequest);
        }
    }

    private static IResult Get(string language, string id, IOptions<StorageOptions> storage)
    {
        try
        {
            return FaqEditor.Read(storage.Value.ResolveFaqDirectory(), language, id) is { } document
                ? TypedResults.Ok(new ArticleEdit(document.Article.Title, document.Article.Questions, document.Article.Body, document.Version)
                {
                    Id = document.Article.Id,
                    Language = document.Article.Language,
                    Intent = document.Article.Intent,
                })
                : NotFound(language, id);
        }
        catch (ArgumentException)
        {
            return NotFound(language, id);
        }
        catch (FaqFormatException ex)
        {
            return Unparsable(ex);
        }
    }

    private static IResult Save(
        string language, string id, ArticleEdit edit, HttpContext http, AgentDirectory agents, IOptions<StorageOptions> storage,
        KnowledgeReloader reloader, ILoggerFactory loggers)
    {
        if (edit.Title is null || edit.Questions is null || edit.Body is null || edit.Version is null)
        {
            return TypedResults.Problem(title: "title, questions, body and version are required.", statusCode: StatusCodes.Status400BadRequest);
        }

        FaqSaveOutcome outcome;
        string? version;
        try
        {
            outcome = FaqEditor.Save(storage.Value.ResolveFaqDirectory(), language, id, edit.Title, edit.Questions, edit.Body, edit.Version, out version);
        }
        catch (ArgumentException ex)
        {
            return TypedResults.Problem(title: "The article was not saved.", detail: ex.Message, statusCode: StatusCodes.Status400BadRequest);
        }
        catch (FaqFormatException ex)
        {
            return Unparsable(ex);
        }

        switch (outcome)
        {
            case FaqSaveOutcome.ArticleNotFound:
                return NotFound(language, id);
            case FaqSaveOutcome.Conflict:
                return TypedResults.Problem(
                    title: "Someone changed this article since you opened it. Reload it and make your change again.",
                    statusCode: StatusCodes.Status409Conflict);
            default:
                reloader.Request();
                Log.ArticleEdited(DashboardApi.Logger(loggers), agents.FromPrincipal(http.User)!.Id, language, id);
                return TypedResults.Ok(new { version });
        }
    }

    private static ProblemHttpResult NotFound(string language, string id) =>
        TypedResults.Problem(title: $"No article '{id}' in language '{language}'.", statusCode: StatusCodes.Status404NotFound);

    private static ProblemHttpResult Unparsable(FaqFormatException ex) =>
        TypedResults.Problem(title: "The knowledge base does not parse.", detail: ex.Message, statusCode: StatusCodes.Status422UnprocessableEntity);

    /// <summary>An article in the list.</summary>
    public sealed record ArticleChoice(string Id, string Title, string? Intent);

    /// <summary>An article as the editor shows and saves it (id, language and intent are shown, never changed).</summary>
    public sealed record ArticleEdit(string? Title, IReadOnlyList<string>? Questions, string? Body, string? Version)
    {
        public string? Id { get; init; }

        public string? Language { get; init; }

        public string? Intent { get; init; }
    }
}
