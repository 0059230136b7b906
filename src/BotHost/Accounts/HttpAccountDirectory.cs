using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace BotHost.Accounts;

/// <summary>
/// The operator's player API: <c>GET {BaseUrl}/players/{playerId}/summary</c> → <see cref="AccountSummary"/> JSON
/// (see README.md). 404 means no such player; timeouts and 5xx are retried twice, then the source counts as down.
/// </summary>
public sealed class HttpAccountDirectory : IAccountDirectory
{
    public const int RetryCount = 2;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    private readonly HttpClient _http;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly ILogger<HttpAccountDirectory> _logger;

    public HttpAccountDirectory(HttpClient http, IOptions<AccountApiOptions> options, TimeProvider clock, ILogger<HttpAccountDirectory> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _logger = logger;
        _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = RetryCount,
                Delay = TimeSpan.FromMilliseconds(200),
                BackoffType = DelayBackoffType.Exponential,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(r => (int)r.StatusCode >= 500 || r.StatusCode == HttpStatusCode.RequestTimeout),
                OnRetry = args =>
                {
                    Log.AccountApiRetry(_logger, args.AttemptNumber + 1, args.Outcome.Result is { } r ? (int)r.StatusCode : 0,
                        args.Outcome.Exception?.GetType().Name);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(TimeSpan.FromSeconds(options.Value.TimeoutSeconds))
            .Build();
    }

    public async Task<AccountSummary?> FindAsync(string playerId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(playerId);
        var path = $"players/{Uri.EscapeDataString(playerId)}/summary";
        HttpResponseMessage response;
        try
        {
            response = await _pipeline.ExecuteAsync(async ct => await _http.GetAsync(path, ct), cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException ||
                                   ex is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new AccountDirectoryUnavailableException($"The player API did not answer after {RetryCount + 1} attempts ({ex.GetType().Name}).", ex);
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new AccountDirectoryUnavailableException($"The player API answered {(int)response.StatusCode} for a player summary.");
            }

            try
            {
                return await response.Content.ReadFromJsonAsync<AccountSummary>(Json, cancellationToken)
                    ?? throw new AccountDirectoryUnavailableException("The player API sent an empty summary.");
            }
            catch (JsonException ex)
            {
                throw new AccountDirectoryUnavailableException("The player API sent a summary that is not AccountSummary JSON.", ex);
            }
        }
    }
}
