using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace BotHost.Channels.Teams;

/// <summary>
/// The Bot Framework Connector REST API (typed HttpClient): sends activities to a conversation or as a reply, with a
/// client-credentials token, retrying 429 and 5xx with backoff and honouring Retry-After.
/// </summary>
public sealed class ConnectorClient
{
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(30);
    private readonly HttpClient _http;
    private readonly ConnectorCredentials _credentials;
    private readonly ResiliencePipeline<HttpResponseMessage> _retry;

    public ConnectorClient(HttpClient http, ConnectorCredentials credentials, IOptions<BotFrameworkOptions> options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _credentials = credentials;
        var settings = options.Value;
        _retry = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Max(1, settings.MaxRetries),
                Delay = TimeSpan.FromMilliseconds(settings.RetryDelayMilliseconds),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.AttemptNumber, settings.MaxRetries)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, clock)),
                OnRetry = args =>
                {
                    if (args.Outcome.Result?.StatusCode == HttpStatusCode.Unauthorized)
                    {
                        _credentials.Invalidate();
                    }

                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    /// <summary>
    /// POSTs <paramref name="activity"/> to <c>{serviceUrl}/v3/conversations/{conversationId}/activities[/{replyToId}]</c>;
    /// returns the id the Connector gave it (null when it gave none).
    /// </summary>
    public async Task<string?> SendAsync(
        string serviceUrl, string conversationId, string? replyToId, JsonObject activity, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        ArgumentNullException.ThrowIfNull(activity);
        var url = new Uri(serviceUrl.TrimEnd('/') + "/v3/conversations/" + Uri.EscapeDataString(conversationId) + "/activities"
            + (replyToId is null ? "" : "/" + Uri.EscapeDataString(replyToId)));
        if (replyToId is not null)
        {
            activity["replyToId"] = replyToId;
        }

        var body = activity.ToJsonString();
        using var response = await _retry.ExecuteAsync(async token =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url)
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            if (await _credentials.GetTokenAsync(_http, token) is { } accessToken)
            {
                request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", accessToken);
            }

            return await _http.SendAsync(request, token);
        }, cancellationToken);
        response.EnsureSuccessStatusCode();
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            return text.Length > 0 && JsonNode.Parse(text) is JsonObject resource && resource["id"] is JsonValue id ? id.ToString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, int attempt, int maxRetries)
    {
        if (outcome.Exception is not null)
        {
            return attempt < maxRetries && outcome.Exception is HttpRequestException;
        }

        var status = outcome.Result!.StatusCode;
        // One retry with a fresh token when the Connector refuses ours; 429 and 5xx as often as configured.
        return status == HttpStatusCode.Unauthorized ? attempt == 0
            : attempt < maxRetries && (status == HttpStatusCode.TooManyRequests || (int)status >= 500);
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeProvider clock)
    {
        var header = response?.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - clock.GetUtcNow() : null);
        if (wait is null)
        {
            return response?.StatusCode == HttpStatusCode.Unauthorized ? TimeSpan.Zero : null;
        }

        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > MaxRetryAfter ? MaxRetryAfter : wait;
    }
}
