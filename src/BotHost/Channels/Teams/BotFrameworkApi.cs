using System.Text.Json;
using System.Text.Json.Nodes;
using BotHost.Identity;
using BotHost.Turns;
using Handoff.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace BotHost.Channels.Teams;

/// <summary>
/// <c>POST /api/messages</c>: the Bot Framework Activity protocol as Azure Bot Service, Teams and the Emulator speak it.
/// Authenticates the channel's JWT, turns the activity into a turn and answers 200 when the turn is done (the replies
/// went out through the Connector meanwhile); an invoke gets its invoke response.
/// </summary>
public static class BotFrameworkApi
{
    public const string Route = "/api/messages";

    public static IEndpointRouteBuilder MapBotFramework(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost(Route, PostAsync);
        var logger = app.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BotFrameworkApi).FullName!);
        Log.BotFrameworkOn(logger, Route, app.ServiceProvider.GetRequiredService<BotFrameworkAuthenticator>().IsEnabled ? "on" : "OFF (no BotFramework:AppId)");
        Log.TeamsAgentChannel(logger, app.ServiceProvider.GetRequiredService<TeamsAgentThreads>().IsEnabled ? "on" : "off (no Teams:AgentChannel/AgentServiceUrl)");
        return app;
    }

    private static async Task<IResult> PostAsync(
        HttpContext http,
        BotFrameworkAuthenticator authenticator,
        TeamsAgentThreads agentThreads,
        TeamsAgentActions agentActions,
        TurnPipeline pipeline,
        AccountLinking linking,
        IHandoffStore store,
        IOptions<BotFrameworkOptions> options,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(BotFrameworkApi).FullName!);
        var settings = options.Value;
        var body = await ReadBodyAsync(http.Request, settings.MaxActivityBytes, cancellationToken);
        if (body is null)
        {
            return TypedResults.Problem(title: $"The activity is larger than {settings.MaxActivityBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        JsonObject? activity;
        try
        {
            activity = JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException ex)
        {
            return TypedResults.Problem(title: "The activity is not valid JSON.", detail: ex.Message, statusCode: StatusCodes.Status400BadRequest);
        }

        var reference = activity is null ? null : TeamsMapper.Reference(activity);
        if (activity is null || reference is null || !Uri.TryCreate(reference.ServiceUrl, UriKind.Absolute, out var serviceUri) ||
            serviceUri.Scheme is not ("https" or "http"))
        {
            return TypedResults.Problem(title: "The activity needs a serviceUrl (http/https) and a conversation id.", statusCode: StatusCodes.Status400BadRequest);
        }

        string? failure;
        try
        {
            failure = await authenticator.ValidateAsync(http.Request.Headers.Authorization.ToString(), reference.ServiceUrl, reference.ChannelId, cancellationToken);
        }
        catch (InvalidOperationException ex)
        {
            // The OpenID metadata could not be fetched: the channel retries later.
            Log.BotFrameworkMetadataUnavailable(logger, ex);
            return TypedResults.Problem(title: "The channel's signing keys are unavailable.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        if (failure is null && !authenticator.IsEnabled && !serviceUri.IsLoopback)
        {
            // Without authentication nothing vouches for the serviceUrl: reply only to an Emulator on this machine.
            failure = "authentication is off and the serviceUrl is not on this machine";
        }

        if (failure is not null)
        {
            Log.BotFrameworkUnauthorized(logger, reference.ConversationId, failure);
            return TypedResults.Unauthorized();
        }

        var type = TeamsMapper.Str(activity["type"]);
        if (agentThreads.IsAgentConversation(reference.ConversationId))
        {
            string? answer;
            try
            {
                answer = await agentActions.HandleAsync(activity, reference, cancellationToken);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // The action was applied; only the answer into the thread was lost. A 5xx would make Teams repeat the action.
                Log.TeamsAgentReplyFailed(logger, reference.ConversationId, ex);
                answer = null;
            }

            return type == "invoke" ? InvokeResponse(answer) : TypedResults.Ok();
        }

        switch (type)
        {
            case "message":
            case "invoke" when TeamsMapper.SubmitData(activity) is not null:
                var turn = TeamsMapper.ToTurn(activity, reference);
                turn = turn.Text.Length > settings.MaxMessageLength
                    ? turn with { Value = Bot.BotLogic.TooLongValue }
                    // "link K7QM-4XPD": the code is masked before the transcript stores the message.
                    : await linking.RecognizeAsync(turn, cancellationToken);

                await pipeline.ProcessAsync(turn, cancellationToken);
                return type == "invoke" ? InvokeResponse(null) : TypedResults.Ok();
            case "conversationUpdate" when TeamsMapper.IsGreeting(activity):
                var conversationId = TeamsMapper.ConversationId(reference.ConversationId);
                if (await store.GetConversationAsync(conversationId, cancellationToken) is null)
                {
                    await pipeline.ProcessAsync(new Turn
                    {
                        ConversationId = conversationId,
                        Channel = TeamsMapper.ChannelId,
                        Kind = TurnKind.ConversationStart,
                        UserId = reference.UserId,
                        UserName = reference.UserName,
                        Locale = TeamsMapper.Str(activity["locale"]),
                        ReferenceJson = reference.ToJson(),
                    }, cancellationToken);
                }

                return TypedResults.Ok();
            default:
                // typing, messageReaction, installationUpdate, …: acknowledged, nothing to do.
                return TypedResults.Ok();
        }
    }

    /// <summary>The invoke response Teams expects for an Adaptive Card action: a message shown on the card.</summary>
    private static Ok<InvokeBody> InvokeResponse(string? text) =>
        TypedResults.Ok(new InvokeBody(200, "application/vnd.microsoft.activity.message", text ?? "OK"));

    public sealed record InvokeBody(int StatusCode, string Type, string Value);

    /// <summary>The body, or null when it is larger than <paramref name="limit"/> (also for chunked bodies without a length).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
