using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace BotHost.Channels.Telegram;

/// <summary>The webhook Telegram calls in webhook mode.</summary>
public static class TelegramApi
{
    public const string WebhookPath = "/api/telegram";
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    public static IEndpointRouteBuilder MapTelegramWebhook(this IEndpointRouteBuilder app)
    {
        app.MapPost(WebhookPath, ReceiveAsync);
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

    private static bool IsSecretValid(string presented, string? expected) =>
        !string.IsNullOrEmpty(presented) && expected is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));
}
