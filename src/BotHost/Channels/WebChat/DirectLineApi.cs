using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using BotHost.Identity;
using BotHost.Turns;
using Handoff.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace BotHost.Channels.WebChat;

/// <summary>
/// The Direct Line 3.0 API as Microsoft documents it, so Web Chat and botframework-directlinejs work unchanged:
/// tokens, conversations, activities with watermarks and the WebSocket stream.
/// </summary>
public static class DirectLineApi
{
    public const string CorsPolicy = "directline";
    private const int PageSize = 100;

    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v3/directline").RequireCors(CorsPolicy);
        group.MapPost("/tokens/generate", GenerateTokenAsync);
        group.MapPost("/tokens/refresh", RefreshToken);
        group.MapPost("/conversations", StartConversationAsync);
        group.MapGet("/conversations/{conversationId}", ReconnectAsync);
        group.MapPost("/conversations/{conversationId}/activities", PostActivityAsync);
        group.MapGet("/conversations/{conversationId}/activities", GetActivitiesAsync);
        group.MapGet("/conversations/{conversationId}/stream", DirectLineStream.AcceptAsync);
        return app;
    }

    /// <summary>Body of <c>tokens/generate</c>: the documented <c>user</c>, plus the operator's signed player token.</summary>
    public sealed record GenerateRequest(GenerateUser? User, string? PlayerToken, string? Locale);

    public sealed record GenerateUser(string? Id, string? Name);

    private static async Task<IResult> GenerateTokenAsync(
        HttpContext http, DirectLineTokens tokens, PlayerTokenValidator players, CancellationToken cancellationToken)
    {
        if (Credential(http) is not { } credential || !tokens.IsSecret(credential))
        {
            return Error(StatusCodes.Status401Unauthorized, "Unauthorized", "tokens/generate needs the site's secret as a Bearer credential.");
        }

        GenerateRequest? request = null;
        if (http.Request.ContentLength is > 0 || http.Request.Headers.TransferEncoding.Count > 0)
        {
            try
            {
                request = await http.Request.ReadFromJsonAsync<GenerateRequest>(cancellationToken);
            }
            catch (JsonException ex)
            {
                return Error(StatusCodes.Status400BadRequest, "BadArgument", "The body is not valid JSON: " + ex.Message);
            }
        }

        string? playerId = null;
        if (request?.PlayerToken is { Length: > 0 } playerToken)
        {
            var check = await players.ValidateAsync(playerToken, cancellationToken);
            if (!check.IsValid)
            {
                return Error(StatusCodes.Status401Unauthorized, "InvalidPlayerToken", check.Error!);
            }

            playerId = check.PlayerId;
        }

        var conversationId = NewConversationId();
        var userId = playerId is not null ? "dl_" + playerId : request?.User?.Id is { Length: > 0 } id ? id : "dl_" + NewConversationId()[..12];
        var token = tokens.Issue(conversationId, userId, request?.User?.Name, playerId, request?.Locale);
        return TypedResults.Ok(new { conversationId, token, expires_in = tokens.LifetimeSeconds });
    }

    private static IResult RefreshToken(HttpContext http, DirectLineTokens tokens)
    {
        var (token, failure) = Authorize(http, tokens, conversationId: null);
        if (failure is not null)
        {
            return failure;
        }

        return TypedResults.Ok(new { conversationId = token!.ConversationId, token = tokens.Refresh(token), expires_in = tokens.LifetimeSeconds });
    }

    private static async Task<IResult> StartConversationAsync(
        HttpContext http, DirectLineTokens tokens, TurnPipeline pipeline, IHandoffStore store, CancellationToken cancellationToken)
    {
        var credential = Credential(http);
        DirectLineToken token;
        if (credential is not null && tokens.IsSecret(credential))
        {
            token = new DirectLineToken(NewConversationId(), "dl_" + NewConversationId()[..12], null, null, null, DateTimeOffset.MaxValue);
        }
        else
        {
            var (checkedToken, failure) = Authorize(http, tokens, conversationId: null);
            if (failure is not null)
            {
                return failure;
            }

            token = checkedToken!;
        }

        var existing = await store.GetConversationAsync(token.ConversationId, cancellationToken);
        if (existing is null)
        {
            await pipeline.ProcessAsync(new Turn
            {
                ConversationId = token.ConversationId,
                Channel = DirectLineMapper.ChannelId,
                Kind = TurnKind.ConversationStart,
                UserId = token.UserId,
                Locale = token.Locale,
                VerifiedPlayerId = token.PlayerId,
            }, cancellationToken);
        }

        var issued = tokens.Issue(token.ConversationId, token.UserId, token.UserName, token.PlayerId, token.Locale);
        var body = new
        {
            conversationId = token.ConversationId,
            token = issued,
            expires_in = tokens.LifetimeSeconds,
            streamUrl = StreamUrl(http, token.ConversationId, issued, null),
            referenceGrammarId = "",
        };
        return existing is null ? TypedResults.Created($"/v3/directline/conversations/{token.ConversationId}", body) : TypedResults.Ok(body);
    }

    private static async Task<IResult> ReconnectAsync(
        HttpContext http, string conversationId, string? watermark, DirectLineTokens tokens, IHandoffStore store, CancellationToken cancellationToken)
    {
        var (token, failure) = await AuthorizeConversationAsync(http, tokens, store, conversationId, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        var issued = tokens.Refresh(token!);
        return TypedResults.Ok(new
        {
            conversationId,
            token = issued,
            expires_in = tokens.LifetimeSeconds,
            streamUrl = StreamUrl(http, conversationId, issued, watermark),
        });
    }

    private static async Task<IResult> PostActivityAsync(
        HttpContext http, string conversationId, DirectLineTokens tokens, TurnPipeline pipeline, IHandoffStore store,
        ConversationFeed feed, MessageRateLimiter limiter, IOptions<DirectLineOptions> options, CancellationToken cancellationToken)
    {
        var (token, failure) = await AuthorizeConversationAsync(http, tokens, store, conversationId, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        if (http.Request.ContentLength > options.Value.MaxActivityBytes)
        {
            return Error(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig",
                $"The activity is larger than {options.Value.MaxActivityBytes} bytes.");
        }

        JsonObject? activity;
        try
        {
            activity = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: cancellationToken) as JsonObject;
        }
        catch (JsonException ex)
        {
            return Error(StatusCodes.Status400BadRequest, "BadArgument", "The activity is not valid JSON: " + ex.Message);
        }

        if (activity is null)
        {
            return Error(StatusCodes.Status400BadRequest, "BadArgument", "The activity must be a JSON object.");
        }

        if (activity["type"]?.ToString() is "typing" or "conversationUpdate")
        {
            // Ephemeral: acknowledged, not stored.
            return TypedResults.Ok(new { id = conversationId + "|" + Guid.NewGuid().ToString("N")[..8] });
        }

        if (limiter.TryTake(conversationId) is { } wait)
        {
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return Error(StatusCodes.Status429TooManyRequests, "Throttled", "Too many messages in this conversation; retry after the Retry-After header's seconds.");
        }

        // The client's own id makes a retried POST idempotent; without one, each POST is a new message.
        var clientActivityId = activity["channelData"]?["clientActivityID"]?.ToString() ?? activity["id"]?.ToString() ?? Guid.NewGuid().ToString("N");
        var (turn, error) = DirectLineMapper.ToTurn(activity, token!, clientActivityId);
        if (turn is null)
        {
            return Error(StatusCodes.Status400BadRequest, "BadArgument", error!);
        }

        if (turn.Text.Length > options.Value.MaxMessageLength)
        {
            turn = turn with { Value = Bot.BotLogic.TooLongValue };
        }

        var context = await pipeline.ProcessAsync(turn, cancellationToken);
        feed.Changed(conversationId);
        return TypedResults.Ok(new { id = DirectLineMapper.ActivityId(conversationId, context.Stored?.Seq ?? 0) });
    }

    private static async Task<IResult> GetActivitiesAsync(
        HttpContext http, string conversationId, string? watermark, DirectLineTokens tokens, IHandoffStore store, CancellationToken cancellationToken)
    {
        var (_, failure) = await AuthorizeConversationAsync(http, tokens, store, conversationId, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        var (activities, next) = await ReadAsync(store, conversationId, ParseWatermark(watermark), cancellationToken);
        return TypedResults.Ok(new ActivitySet(activities, next.ToString(CultureInfo.InvariantCulture)));
    }

    public sealed record ActivitySet(IReadOnlyList<JsonObject> Activities, string Watermark);

    internal static async Task<(IReadOnlyList<JsonObject> Activities, long Watermark)> ReadAsync(
        IHandoffStore store, string conversationId, long after, CancellationToken cancellationToken)
    {
        var messages = await store.GetMessagesAsync(conversationId, after, PageSize, includeInternal: false, cancellationToken);
        var activities = messages.Select(DirectLineMapper.ToActivity).ToList();
        return (activities, messages.Count > 0 ? messages[^1].Seq : after);
    }

    internal static long ParseWatermark(string? watermark) =>
        long.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;

    /// <summary><see cref="Authorize"/>, then 404 when the conversation does not exist (or has ended).</summary>
    internal static async Task<(DirectLineToken? Token, IResult? Failure)> AuthorizeConversationAsync(
        HttpContext http, DirectLineTokens tokens, IHandoffStore store, string conversationId, CancellationToken cancellationToken, string? queryToken = null)
    {
        var (token, failure) = Authorize(http, tokens, conversationId, queryToken);
        if (failure is not null)
        {
            return (null, failure);
        }

        return await store.GetConversationAsync(conversationId, cancellationToken) is null
            ? (null, Error(StatusCodes.Status404NotFound, "BadArgument", "Conversation not found."))
            : (token, null);
    }

    /// <summary>The token (or secret) on a request for <paramref name="conversationId"/>: 403 when expired, 401 when not ours.</summary>
    internal static (DirectLineToken? Token, IResult? Failure) Authorize(HttpContext http, DirectLineTokens tokens, string? conversationId, string? queryToken = null)
    {
        var credential = queryToken ?? Credential(http);
        if (credential is null)
        {
            return (null, Error(StatusCodes.Status401Unauthorized, "Unauthorized", "Send 'Authorization: Bearer <token or secret>'."));
        }

        if (tokens.IsSecret(credential) && conversationId is not null)
        {
            return (new DirectLineToken(conversationId, "dl_secret", null, null, null, DateTimeOffset.MaxValue), null);
        }

        var check = tokens.Check(credential);
        return check.Status switch
        {
            TokenStatus.Expired => (null, Error(StatusCodes.Status403Forbidden, "TokenExpired", "The token has expired; get a new one.")),
            TokenStatus.Invalid => (null, Error(StatusCodes.Status401Unauthorized, "Unauthorized", "The token is not valid.")),
            _ when conversationId is not null && check.Token!.ConversationId != conversationId =>
                (null, Error(StatusCodes.Status403Forbidden, "Forbidden", "The token is for another conversation.")),
            _ => (check.Token, null),
        };
    }

    internal static JsonHttpResult<ErrorBody> Error(int status, string code, string message) =>
        TypedResults.Json(new ErrorBody(new ErrorDetail(code, message)), statusCode: status);

    public sealed record ErrorBody(ErrorDetail Error);

    public sealed record ErrorDetail(string Code, string Message);

    private static string? Credential(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7 ? header[7..].Trim() : null;
    }

    private static string StreamUrl(HttpContext http, string conversationId, string token, string? watermark)
    {
        var scheme = http.Request.IsHttps ? "wss" : "ws";
        var url = $"{scheme}://{http.Request.Host}{http.Request.PathBase}/v3/directline/conversations/{Uri.EscapeDataString(conversationId)}/stream?t={Uri.EscapeDataString(token)}";
        return watermark is null ? url : url + "&watermark=" + Uri.EscapeDataString(watermark);
    }

    private static string NewConversationId()
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        return string.Create(22, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
            }
        });
    }
}
