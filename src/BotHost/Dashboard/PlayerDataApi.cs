using System.Text.Json;
using BotHost.AgentConsole;
using Handoff.Persistence;
using Handoff.Tickets;

namespace BotHost.Dashboard;

/// <summary>
/// A player's data request (GDPR access, portability and erasure; the knowledge base's data-request article promises
/// them), supervisors only. Chats the player had without signing in are not linked to them and cannot be found by id.
/// <list type="bullet">
/// <item><c>GET /dashboard/api/players/{playerId}/export</c> downloads, as JSON, every conversation linked to that
/// verified player with its transcript as stored (personal data masked) and every ticket with its rating.</item>
/// <item><c>POST /dashboard/api/players/{playerId}/erase</c> with <c>{"confirm":"&lt;playerId&gt;"}</c> erases it
/// (<see cref="IHandoffStore.ErasePlayerAsync"/>); the id typed again guards against a slip.</item>
/// </list>
/// </summary>
public static class PlayerDataApi
{
    private const int ConversationLimit = 10_000;
    private const int MessagesPerConversation = 100_000;
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static IEndpointRouteBuilder MapPlayerData(this IEndpointRouteBuilder app)
    {
        app.MapGet("/dashboard/api/players/{playerId}/export", ExportAsync).RequireSupervisor();
        app.MapPost("/dashboard/api/players/{playerId}/erase", EraseAsync).RequireSupervisor();
        return app;
    }

    private static async Task<IResult> ExportAsync(
        string playerId, IHandoffStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var conversations = new List<ConversationExport>();
        foreach (var conversation in await store.ListConversationsOfPlayerAsync(playerId, ConversationLimit, cancellationToken))
        {
            var messages = await store.GetMessagesAsync(conversation.Id, 0, MessagesPerConversation, includeInternal: false, cancellationToken);
            conversations.Add(new ConversationExport(
                conversation.Id, conversation.Channel, conversation.Language, conversation.CreatedAt,
                [.. messages.Select(m => new MessageExport(m.At, m.Sender.ToString().ToLowerInvariant(), m.SenderName, m.Text))]));
        }

        var tickets = await store.ListTicketsAsync(new TicketQuery { PlayerId = playerId, Limit = ConversationLimit }, cancellationToken);
        var export = new PlayerExport(
            playerId,
            clock.GetUtcNow(),
            conversations,
            [.. tickets.OrderBy(t => t.Id).Select(t => new TicketExport(
                t.Id, t.ConversationId, t.Reason, t.Status.ToString(), t.CreatedAt, t.ClosedAt, t.CsatScore, t.CsatComment))]);
        return TypedResults.File(
            JsonSerializer.SerializeToUtf8Bytes(export, _json), "application/json", $"player-{SafeFileName(playerId)}.json");
    }

    private static async Task<IResult> EraseAsync(
        string playerId, EraseRequest request, HttpContext http, AgentDirectory agents, IHandoffStore store,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (!string.Equals(request.Confirm, playerId, StringComparison.Ordinal))
        {
            return TypedResults.Problem(
                title: "To erase a player's data, type their id again in 'confirm'.", statusCode: StatusCodes.Status400BadRequest);
        }

        // Not cancelled with the request: the erasure is one transaction that, once started, should finish.
        var erased = await store.ErasePlayerAsync(playerId, CancellationToken.None);
        Log.PlayerErased(DashboardApi.Logger(loggers), agents.FromPrincipal(http.User)!.Id, playerId, erased.Conversations, erased.Messages, erased.Tickets);
        return TypedResults.Ok(erased);
    }

    private static string SafeFileName(string playerId) =>
        new([.. playerId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_')]);

    /// <summary>The erasure's confirmation: the player id typed again.</summary>
    public sealed record EraseRequest(string? Confirm);

    /// <summary>What the player's export holds.</summary>
    public sealed record PlayerExport(string PlayerId, DateTimeOffset ExportedAt, IReadOnlyList<ConversationExport> Conversations, IReadOnlyList<TicketExport> Tickets);

    public sealed record ConversationExport(string Id, string Channel, string Language, DateTimeOffset StartedAt, IReadOnlyList<MessageExport> Messages);

    public sealed record MessageExport(DateTimeOffset At, string Sender, string? SenderName, string Text);

    public sealed record TicketExport(
        long Id, string ConversationId, string Reason, string Status, DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt, int? CsatScore, string? CsatComment);
}
