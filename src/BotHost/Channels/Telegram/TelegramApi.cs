using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace BotHost.Channels.Telegram;

/// <summary>The webhook Telegram calls in webhook mode, and the website's request for an account-linking code.</summary>
public static class TelegramApi
{
    public const string WebhookPath = "/api/telegram";
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    public sealed record LinkCodeRequest(string? PlayerId);

    public static IEndpointRouteBuilder MapTelegramWebhook(this IEndpointRouteBuilder app)
    {
        app.MapPost(WebhookPath, ReceiveAsync);
        app.MapPost("/demo/link-code", CreateLinkCodeAsync);
        return app;
    }

    private static async Task<IResult> ReceiveAsync(
        HttpContext http, TelegramUpdateHandler handler, IOptions<TelegramOptions> options, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled || settings.Mode != TelegramMode.Webhook)
        {
            return TypedResults.NotFound();
        }

        if (!IsSecretValid(http.Request.Headers[SecretHeader].ToString(), settings.WebhookSecret))
        {
            Log.TelegramWebhookRejected(loggers.CreateLogger(typeof(TelegramApi)));
            return TypedResults.Unauthorized();
        }

        TelegramUpdate? update;
        try
        {
            update = await http.Request.ReadFromJsonAsync<TelegramUpdate>(TelegramJson.Options, cancellationToken);
        }
        catch (JsonException)
        {
            return TypedResults.BadRequest();
        }

        if (update is null)
        {
            return TypedResults.BadRequest();
        }

        try
        {
            await handler.HandleAsync(update, cancellationToken);
        }
        catch (Exception ex) when (ex is TelegramApiException or HttpRequestException)
        {
            // Telegram would resend the update on an error status; our answer failing is not its problem.
            Log.TelegramUpdateFailed(loggers.CreateLogger(typeof(TelegramApi)), update.UpdateId, ex);
        }

        return TypedResults.Ok();
    }

    private static async Task<IResult> CreateLinkCodeAsync(
        LinkCodeRequest request, AccountLinking linking, IOptions<TelegramOptions> options, IOptions<Accounts.AccountApiOptions> accountApi,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return TypedResults.NotFound();
        }

        if (string.IsNullOrWhiteSpace(request.PlayerId))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["playerId"] = ["A player id is required."] });
        }

        if (!WebChat.DemoSiteApi.MaySignIn(request.PlayerId, accountApi, clock))
        {
            return TypedResults.Problem(title: "The demo page can only link the demo players.", statusCode: StatusCodes.Status403Forbidden);
        }

        var code = await linking.CreateCodeAsync(request.PlayerId, cancellationToken);
        return TypedResults.Ok(new { code, telegramUrl = linking.DeepLink(code) });
    }

    private static bool IsSecretValid(string presented, string? expected) =>
        !string.IsNullOrEmpty(presented) && expected is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));
}
