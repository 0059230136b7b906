using BotHost.AgentConsole;
using BotHost.Hosting;
using BotHost.Knowledge;
using Handoff.Persistence;
using KnowledgeIndex.Indexing;
using Microsoft.Extensions.Options;

namespace BotHost.Dashboard;

/// <summary>
/// Teaching the bot from the dashboard (supervisors only): a message it could not answer becomes a training question
/// of an article, an out-of-scope example, or is dismissed. The edit goes to <c>data/faq</c> (see
/// <see cref="FaqEditor"/>), the model is retrained in the background, and every open copy of that message in that
/// language leaves the to-do list.
/// <c>POST /dashboard/api/unanswered/{id}/review</c> with <c>{"as":"article","articleId":"withdrawal_how"}</c>,
/// <c>{"as":"out_of_scope"}</c> or <c>{"as":"dismissed"}</c>; the articles to choose from are listed by
/// <see cref="KnowledgeEditingApi"/>.
/// </summary>
public static class UnansweredReviewApi
{
    public const string AsArticle = "article";
    public const string AsOutOfScope = "out_of_scope";
    public const string AsDismissed = "dismissed";

    /// <summary>How far back copies of the same message are looked for when one is reviewed.</summary>
    private static readonly TimeSpan _sameMessageWindow = TimeSpan.FromDays(366);
    private const int SameMessageScanLimit = 20_000;

    public static IEndpointRouteBuilder MapUnansweredReview(this IEndpointRouteBuilder app)
    {
        app.MapPost("/dashboard/api/unanswered/{id:long}/review", ReviewAsync).RequireSupervisor();
        return app;
    }

    private static async Task<IResult> ReviewAsync(
        long id, ReviewRequest request, HttpContext http, AgentDirectory agents, IHandoffStore store, IOptions<StorageOptions> storage,
        KnowledgeReloader reloader, TimeProvider clock, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var reviewedAs = request.As switch
        {
            AsArticle when !string.IsNullOrWhiteSpace(request.ArticleId) => $"{AsArticle}:{request.ArticleId}",
            AsOutOfScope or AsDismissed => request.As,
            _ => null,
        };
        if (reviewedAs is null)
        {
            return TypedResults.Problem(
                title: $"'as' must be '{AsArticle}' (with 'articleId'), '{AsOutOfScope}' or '{AsDismissed}'.", statusCode: StatusCodes.Status400BadRequest);
        }

        if (await store.GetUnansweredAsync(id, cancellationToken) is not { } message)
        {
            return TypedResults.Problem(title: $"No unanswered message {id}.", statusCode: StatusCodes.Status404NotFound);
        }

        if (message.ReviewedAs is not null)
        {
            return TypedResults.Problem(
                title: "Someone already reviewed this message.", detail: message.ReviewedAs, statusCode: StatusCodes.Status409Conflict);
        }

        var root = storage.Value.ResolveFaqDirectory();
        FaqEditOutcome? edit;
        try
        {
            edit = request.As switch
            {
                AsArticle => FaqEditor.AddQuestion(root, message.Language, request.ArticleId!, message.Text),
                AsOutOfScope => FaqEditor.AddOutOfScope(root, message.Language, message.Text),
                _ => null,
            };
        }
        catch (ArgumentException ex)
        {
            return TypedResults.Problem(title: "This message cannot be taught.", detail: ex.Message, statusCode: StatusCodes.Status400BadRequest);
        }
        catch (FaqFormatException ex)
        {
            return TypedResults.Problem(title: "The article cannot be edited automatically.", detail: ex.Message, statusCode: StatusCodes.Status422UnprocessableEntity);
        }

        if (edit is FaqEditOutcome.ArticleNotFound)
        {
            return TypedResults.Problem(
                title: $"No article '{request.ArticleId}' in language '{message.Language}'.", statusCode: StatusCodes.Status404NotFound);
        }

        var copies = (await store.ListUnansweredAsync(clock.GetUtcNow() - _sameMessageWindow, SameMessageScanLimit, cancellationToken))
            .Where(u => u.ReviewedAs is null && u.Language == message.Language && FaqEditor.SameText(u.Text, message.Text))
            .Select(u => u.Id)
            .Append(message.Id)
            .ToList();
        var agent = agents.FromPrincipal(http.User)!;
        // Not cancelled with the request: data/faq is already edited, so the review must be recorded too.
        var reviewed = await store.ReviewUnansweredAsync(copies, reviewedAs, agent.Id, CancellationToken.None);
        if (edit is FaqEditOutcome.Added)
        {
            reloader.Request();
        }

        Log.KnowledgeTaught(DashboardApi.Logger(loggers), agent.Id, message.Language, reviewedAs);
        return TypedResults.Ok(new ReviewResult(reviewed, reviewedAs, edit is FaqEditOutcome.Added));
    }

    /// <summary>The supervisor's decision: <c>as</c> is article, out_of_scope or dismissed.</summary>
    public sealed record ReviewRequest(string? As, string? ArticleId);

    /// <summary>How many copies of the message were marked, and whether data/faq changed (then the bot retrains in the background).</summary>
    public sealed record ReviewResult(int Reviewed, string ReviewedAs, bool Added);
}
