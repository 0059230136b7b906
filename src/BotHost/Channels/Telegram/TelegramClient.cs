using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace BotHost.Channels.Telegram;

/// <summary>
/// The Telegram Bot API over a typed HttpClient. Calls are retried by a Polly pipeline on network errors, 5xx and
/// 429 — for 429 after the <c>parameters.retry_after</c> seconds Telegram asks for.
/// </summary>
public sealed class TelegramClient
{
    private readonly HttpClient _http;
    private readonly TelegramOptions _options;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public TelegramClient(HttpClient http, IOptions<TelegramOptions> options, TimeProvider clock, ILogger<TelegramClient> logger)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _options = options.Value;
        _pipeline = BuildPipeline(_options, clock, logger);
    }

    public async Task<IReadOnlyList<TelegramUpdate>> GetUpdatesAsync(long offset, int timeoutSeconds, CancellationToken cancellationToken) =>
        await CallAsync<List<TelegramUpdate>>("getUpdates", new
        {
            offset,
            timeout = timeoutSeconds,
            allowed_updates = AllowedUpdates,
        }, cancellationToken) ?? [];

    public static IReadOnlyList<string> AllowedUpdates { get; } = ["message", "callback_query"];

    public Task<TelegramMessage?> SendMessageAsync(long chatId, string html, object? replyMarkup, CancellationToken cancellationToken) =>
        CallAsync<TelegramMessage>("sendMessage", new
        {
            chat_id = chatId,
            text = html,
            parse_mode = "HTML",
            link_preview_options = new { is_disabled = true },
            reply_markup = replyMarkup,
        }, cancellationToken);

    public Task SendChatActionAsync(long chatId, string action, CancellationToken cancellationToken) =>
        CallAsync<JsonElement>("sendChatAction", new { chat_id = chatId, action }, cancellationToken);

    public Task AnswerCallbackQueryAsync(string callbackQueryId, CancellationToken cancellationToken) =>
        CallAsync<JsonElement>("answerCallbackQuery", new { callback_query_id = callbackQueryId }, cancellationToken);

    public Task SetWebhookAsync(string url, string secretToken, CancellationToken cancellationToken) =>
        CallAsync<JsonElement>("setWebhook", new
        {
            url,
            secret_token = secretToken,
            allowed_updates = AllowedUpdates,
        }, cancellationToken);

    public Task DeleteWebhookAsync(CancellationToken cancellationToken) =>
        CallAsync<JsonElement>("deleteWebhook", new { drop_pending_updates = false }, cancellationToken);

    private async Task<T?> CallAsync<T>(string method, object payload, CancellationToken cancellationToken)
    {
        if (!_options.Enabled)
        {
            throw new InvalidOperationException("The Telegram channel is off: Telegram:BotToken is not set.");
        }

        var uri = new Uri($"{_options.ApiBaseUrl.TrimEnd('/')}/bot{_options.BotToken}/{method}");
        var context = ResilienceContextPool.Shared.Get(method, cancellationToken);
        try
        {
            using var response = await _pipeline.ExecuteAsync(
                static async (ctx, state) =>
                {
                    using var content = JsonContent.Create(state.payload, state.payload.GetType(), options: TelegramJson.Options);
                    return await state.http.PostAsync(state.uri, content, ctx.CancellationToken);
                },
                context, (http: _http, uri, payload));
            var body = await ReadAsync<T>(response, cancellationToken);
            if (body is null || !body.Ok)
            {
                throw new TelegramApiException(method, body?.ErrorCode ?? (int)response.StatusCode, body?.Description ?? response.ReasonPhrase);
            }

            return body.Result;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static async Task<TelegramResponse<T>?> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<TelegramResponse<T>>(TelegramJson.Options, cancellationToken);
        }
        catch (JsonException)
        {
            // A proxy's HTML error page or an empty body: reported with the HTTP status.
            return null;
        }
    }

    private static ResiliencePipeline<HttpResponseMessage> BuildPipeline(TelegramOptions options, TimeProvider clock, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = clock };
        if (options.MaxRetries == 0)
        {
            return builder.Build();
        }

        return builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = options.MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(500),
            ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                .Handle<HttpRequestException>()
                .HandleResult(r => r.StatusCode == HttpStatusCode.TooManyRequests || (int)r.StatusCode >= 500),
            DelayGenerator = async args =>
            {
                if (args.Outcome.Result is not { StatusCode: HttpStatusCode.TooManyRequests } response)
                {
                    return null;
                }

                var retryAfter = await RetryAfterAsync(response, args.Context.CancellationToken);
                return retryAfter is null ? null : TimeSpan.FromSeconds(Math.Min(retryAfter.Value, options.MaxRetryAfterSeconds));
            },
            OnRetry = args =>
            {
                Log.TelegramRetry(logger, args.Context.OperationKey ?? "?", args.AttemptNumber + 1,
                    args.Outcome.Result is { } r ? ((int)r.StatusCode).ToString(CultureInfo.InvariantCulture) : args.Outcome.Exception?.GetType().Name ?? "?",
                    (long)args.RetryDelay.TotalMilliseconds);
                return ValueTask.CompletedTask;
            },
        }).Build();
    }

    private static async Task<int?> RetryAfterAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await ReadAsync<JsonElement>(response, cancellationToken);
        if (body?.Parameters?.RetryAfter is { } seconds)
        {
            return Math.Max(0, seconds);
        }

        return response.Headers.RetryAfter?.Delta is { } delta ? (int)Math.Ceiling(delta.TotalSeconds) : null;
    }
}
