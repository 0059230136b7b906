using System.Globalization;
using System.Security.Claims;
using BotHost.Handoffs;
using BotHost.Knowledge;
using Handoff.Persistence;
using Handoff.Queues;
using Handoff.Tickets;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace BotHost.AgentConsole;

/// <summary>The agent console's HTTP API under <c>/agent/api</c> (cookie sign-in) and its SignalR hub at <c>/agent/hub</c>.</summary>
public static class AgentConsoleApi
{
    public const string Scheme = CookieAuthenticationDefaults.AuthenticationScheme;

    public sealed record LoginRequest(string? Id, string? Password);

    public sealed record TextRequest(string? Text);

    public sealed record TransferRequest(string? Queue, string? AgentId, string? Note);

    public sealed record ResolveRequest(string? ResolutionCode);

    public sealed record ArticleRequest(string? ArticleId);

    public sealed record PresenceRequest(PresenceStatus Status);

    public static IEndpointRouteBuilder MapAgentConsole(this IEndpointRouteBuilder app)
    {
        app.MapHub<AgentHub>("/agent/hub");
        var api = app.MapGroup("/agent/api");
        api.MapPost("/login", LoginAsync);
        api.MapPost("/logout", async (HttpContext http) =>
        {
            await http.SignOutAsync(Scheme);
            return TypedResults.NoContent();
        });
        var secured = api.MapGroup("").RequireAuthorization(p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
        secured.MapGet("/me", (HttpContext http, AgentDirectory agents, QueueRouter router) =>
            agents.FromPrincipal(http.User) is { } a
                ? Results.Ok(new { a.Id, a.DisplayName, a.Role, Queues = a.IsSupervisor ? router.QueueNames.ToList() : a.Queues, a.Languages, a.Capacity })
                : Results.Unauthorized());
        secured.MapGet("/queues", (QueueRouter router, IOptions<Handoff.HandoffOptions> options) =>
            TypedResults.Ok(options.Value.Queues.Select(q => new { name = q.Key, q.Value.DisplayName, q.Value.Tier, q.Value.SlaMinutes })));
        secured.MapGet("/tickets", ListTicketsAsync);
        secured.MapGet("/tickets/{id:long}", GetTicketAsync);
        secured.MapPost("/tickets/{id:long}/claim", ClaimAsync);
        secured.MapPost("/tickets/{id:long}/messages", SendAsync);
        secured.MapPost("/tickets/{id:long}/notes", NoteAsync);
        secured.MapPost("/tickets/{id:long}/typing", TypingAsync);
        secured.MapPost("/tickets/{id:long}/transfer", TransferAsync);
        secured.MapPost("/tickets/{id:long}/resolve", ResolveAsync);
        secured.MapPost("/tickets/{id:long}/article", SendArticleAsync);
        secured.MapGet("/canned", (string? language, IOptions<AgentConsoleOptions> options) =>
            TypedResults.Ok(options.Value.CannedResponses.TryGetValue(language ?? "en", out var list) ? list : []));
        secured.MapGet("/kb", (string? q, string? language, KnowledgeRuntime knowledge) =>
            TypedResults.Ok(string.IsNullOrWhiteSpace(q) ? [] : knowledge.Searcher.Search(q, language ?? "en", 8).Hits));
        secured.MapPost("/retrain", (HttpContext http, AgentDirectory agents, KnowledgeRuntime knowledge) =>
        {
            if (agents.FromPrincipal(http.User) is not { IsSupervisor: true })
            {
                return Results.Problem(title: "Only supervisors can retrain.", statusCode: StatusCodes.Status403Forbidden);
            }

            var watch = System.Diagnostics.Stopwatch.StartNew();
            var reloaded = knowledge.EnsureLoaded();
            return Results.Ok(new { reloaded, intents = knowledge.Classifier.Intents.Count, elapsedMs = watch.ElapsedMilliseconds });
        });
        secured.MapPost("/presence", (HttpContext http, PresenceRequest request, AgentDirectory agents, AgentPresence presence) =>
        {
            var agent = agents.FromPrincipal(http.User)!;
            presence.Set(agent.Id, request.Status);
            return TypedResults.Ok(new { status = presence.StatusOf(agent.Id).ToString() });
        });
        return app;
    }

    private static async Task<IResult> LoginAsync(HttpContext http, LoginRequest request, AgentDirectory agents, LoginThrottle throttle)
    {
        var id = request.Id ?? string.Empty;
        var address = http.Connection.RemoteIpAddress;
        if (throttle.RetryAfter(id, address) is { } wait)
        {
            var minutes = (int)Math.Ceiling(wait.TotalMinutes);
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem(
                title: $"Too many failed sign-ins. Try again in {minutes} minute{(minutes == 1 ? "" : "s")}.",
                statusCode: StatusCodes.Status429TooManyRequests);
        }

        if (string.IsNullOrWhiteSpace(request.Id) || string.IsNullOrEmpty(request.Password) ||
            agents.Authenticate(request.Id, request.Password) is not { } agent)
        {
            throttle.Failed(id, address);
            return TypedResults.Problem(title: "Wrong agent id or password.", statusCode: StatusCodes.Status401Unauthorized);
        }

        throttle.Succeeded(id);

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, agent.Id), new Claim(ClaimTypes.Name, agent.DisplayName), new Claim(ClaimTypes.Role, agent.Role)],
            Scheme);
        await http.SignInAsync(Scheme, new ClaimsPrincipal(identity));
        return TypedResults.Ok(new { agent.Id, agent.DisplayName, agent.Role });
    }

    private static async Task<IResult> ListTicketsAsync(HttpContext http, string? status, AgentDirectory agents, IHandoffStore store, CancellationToken cancellationToken)
    {
        var agent = agents.FromPrincipal(http.User)!;
        var statuses = (status ?? "Waiting,Assigned").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => Enum.TryParse<TicketStatus>(s, ignoreCase: true, out var parsed) ? parsed : (TicketStatus?)null)
            .OfType<TicketStatus>().ToList();
        var tickets = await store.ListTicketsAsync(new TicketQuery { Statuses = statuses, Limit = 500 }, cancellationToken);
        return TypedResults.Ok(tickets.Where(t => agent.CanTake(t.Queue, t.Language) || t.AssigneeId == agent.Id).Select(TicketView.From));
    }

    private static async Task<IResult> GetTicketAsync(long id, HttpContext http, AgentDirectory agents, IHandoffStore store, CancellationToken cancellationToken)
    {
        var (ticket, failure) = await VisibleTicketAsync(id, http, agents, store, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        var messages = await store.GetMessagesAsync(ticket!.ConversationId, 0, 1000, includeInternal: true, cancellationToken);
        return TypedResults.Ok(new
        {
            ticket = TicketView.From(ticket),
            transcript = messages.Where(m => m.Sender != Handoff.Conversations.MessageSender.System || m.Internal).Select(MessageView.From),
        });
    }

    private static async Task<IResult> ClaimAsync(long id, HttpContext http, AgentDirectory agents, IHandoffStore store, HandoffCoordinator coordinator, CancellationToken cancellationToken)
    {
        var (ticket, failure) = await VisibleTicketAsync(id, http, agents, store, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        var agent = agents.FromPrincipal(http.User)!;
        var holding = await store.ListTicketsAsync(
            new TicketQuery { Statuses = [TicketStatus.Assigned], AssigneeId = agent.Id, Limit = agent.Capacity + 1 }, cancellationToken);
        if (holding.Count >= agent.Capacity)
        {
            return TypedResults.Problem(
                title: $"You already hold {holding.Count} chats (your capacity is {agent.Capacity}); resolve or transfer one first.",
                statusCode: StatusCodes.Status409Conflict);
        }

        var result = await coordinator.ClaimAsync(ticket!.Id, agent, cancellationToken);
        return result.IsApplied
            ? TypedResults.Ok(TicketView.From(result.Ticket!))
            : TypedResults.Problem(
                title: result.Ticket?.AssigneeId is { } holder ? $"Ticket #{id} was already claimed by {holder}." : $"Ticket #{id} can no longer be claimed.",
                statusCode: StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> SendAsync(long id, TextRequest request, HttpContext http, AgentDirectory agents, IHandoffStore store, HandoffCoordinator coordinator, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Text))
        {
            return TypedResults.Problem(title: "The message is empty.", statusCode: StatusCodes.Status400BadRequest);
        }

        var (ticket, failure) = await HeldTicketAsync(id, http, agents, store, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        var message = await coordinator.SendAgentMessageAsync(ticket!, agents.FromPrincipal(http.User)!, request.Text, cancellationToken);
        return TypedResults.Ok(MessageView.From(message));
    }

    private static async Task<IResult> SendArticleAsync(long id, ArticleRequest request, HttpContext http, AgentDirectory agents, IHandoffStore store, HandoffCoordinator coordinator, KnowledgeRuntime knowledge, CancellationToken cancellationToken)
    {
        var (ticket, failure) = await HeldTicketAsync(id, http, agents, store, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        var article = request.ArticleId is null ? null : knowledge.Searcher.FindArticle(request.ArticleId, ticket!.Language) ?? knowledge.Searcher.FindArticle(request.ArticleId, "en");
        if (article is null)
        {
            return TypedResults.Problem(title: "No such article.", statusCode: StatusCodes.Status404NotFound);
        }

        var message = await coordinator.SendAgentMessageAsync(ticket!, agents.FromPrincipal(http.User)!, $"**{article.Title}**\n\n{article.Body.Trim()}", cancellationToken);
        return TypedResults.Ok(MessageView.From(message));
    }

    private static async Task<IResult> TypingAsync(long id, HttpContext http, AgentDirectory agents, IHandoffStore store, HandoffCoordinator coordinator, CancellationToken cancellationToken)
    {
        var (ticket, failure) = await HeldTicketAsync(id, http, agents, store, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        await coordinator.AgentTypingAsync(ticket!, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> NoteAsync(long id, TextRequest request, HttpContext http, AgentDirectory agents, IHandoffStore store, HandoffCoordinator coordinator, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Text))
        {
            return TypedResults.Problem(title: "The note is empty.", statusCode: StatusCodes.Status400BadRequest);
        }

        var (ticket, failure) = await VisibleTicketAsync(id, http, agents, store, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        var message = await coordinator.AddNoteAsync(ticket!, agents.FromPrincipal(http.User)!, request.Text, cancellationToken);
        return TypedResults.Ok(MessageView.From(message));
    }

    private static async Task<IResult> TransferAsync(long id, TransferRequest request, HttpContext http, AgentDirectory agents, IHandoffStore store, QueueRouter router, HandoffCoordinator coordinator, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Queue) || !router.HasQueue(request.Queue))
        {
            return TypedResults.Problem(title: $"Unknown queue '{request.Queue}'.", statusCode: StatusCodes.Status400BadRequest);
        }

        var (ticket, failure) = await HeldTicketAsync(id, http, agents, store, cancellationToken, allowSupervisor: true);
        if (failure is not null)
        {
            return failure;
        }

        var result = await coordinator.TransferAsync(ticket!, agents.FromPrincipal(http.User)!, request.Queue, request.AgentId, request.Note ?? "", cancellationToken);
        return result.IsApplied
            ? TypedResults.Ok(TicketView.From(result.Ticket!))
            : TypedResults.Problem(title: "The ticket changed meanwhile; reload and try again.", statusCode: StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> ResolveAsync(long id, ResolveRequest request, HttpContext http, AgentDirectory agents, IHandoffStore store, HandoffCoordinator coordinator, CancellationToken cancellationToken)
    {
        var (ticket, failure) = await HeldTicketAsync(id, http, agents, store, cancellationToken, allowSupervisor: true);
        if (failure is not null)
        {
            return failure;
        }

        var result = await coordinator.ResolveAsync(ticket!, agents.FromPrincipal(http.User)!.Id, request.ResolutionCode ?? "answered", cancellationToken);
        return result.IsApplied
            ? TypedResults.Ok(TicketView.From(result.Ticket!))
            : TypedResults.Problem(title: "The ticket changed meanwhile; reload and try again.", statusCode: StatusCodes.Status409Conflict);
    }

    private static async Task<(Ticket?, IResult?)> VisibleTicketAsync(long id, HttpContext http, AgentDirectory agents, IHandoffStore store, CancellationToken cancellationToken)
    {
        var agent = agents.FromPrincipal(http.User);
        if (agent is null)
        {
            return (null, TypedResults.Unauthorized());
        }

        var ticket = await store.GetTicketAsync(id, cancellationToken);
        if (ticket is null || !(agent.CanTake(ticket.Queue, ticket.Language) || ticket.AssigneeId == agent.Id))
        {
            return (null, TypedResults.Problem(title: $"Ticket #{id} not found.", statusCode: StatusCodes.Status404NotFound));
        }

        return (ticket, null);
    }

    private static async Task<(Ticket?, IResult?)> HeldTicketAsync(long id, HttpContext http, AgentDirectory agents, IHandoffStore store, CancellationToken cancellationToken, bool allowSupervisor = false)
    {
        var (ticket, failure) = await VisibleTicketAsync(id, http, agents, store, cancellationToken);
        if (failure is not null)
        {
            return (null, failure);
        }

        var agent = agents.FromPrincipal(http.User)!;
        var holds = ticket!.Status == TicketStatus.Assigned && (ticket.AssigneeId == agent.Id || allowSupervisor && agent.IsSupervisor);
        return holds
            ? (ticket, null)
            : (null, TypedResults.Problem(title: $"Claim ticket #{id} first (it is {ticket.Status}{(ticket.AssigneeId is { } a ? ", held by " + a : "")}).", statusCode: StatusCodes.Status409Conflict));
    }
}
