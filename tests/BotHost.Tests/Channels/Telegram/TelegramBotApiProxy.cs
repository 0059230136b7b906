using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace BotHost.Tests.Channels.Telegram;

/// <summary>
/// A thin fix-up proxy in front of the emulator, so the bot can follow the real Bot API: getUpdates honours
/// <c>offset</c> (unconfirmed updates are delivered again, confirmed ones dropped) and long-polls for
/// <c>timeout</c> seconds; emulator errors (HTTP 500 <c>{message}</c>) become <c>{ok:false, error_code, description}</c>;
/// sendChatAction (missing in the emulator) is answered; setWebhook routes the emulator's webhook calls through a
/// relay that adds the <c>X-Telegram-Bot-Api-Secret-Token</c> header real Telegram sends. Faults can be injected.
/// Several hosts can share it, each through its own <see cref="UrlFor"/>, so every call says which host made it.
/// </summary>
public sealed class TelegramBotApiProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _upstream = new();
    private readonly string _emulatorUrl;
    private readonly Lock _gate = new();
    private readonly SortedDictionary<long, JsonObject> _pending = [];
    private readonly Dictionary<long, JsonObject> _archive = [];
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(int Status, string Body)>> _faults = new(StringComparer.Ordinal);
    private TaskCompletionSource? _redeliver;
    private string? _webhookUrl;
    private string? _webhookSecret;
    private int _activePolls;
    private int _overlappingPolls;

    private TelegramBotApiProxy(WebApplication app, string emulatorUrl, string url)
    {
        _app = app;
        _emulatorUrl = emulatorUrl;
        Url = url;
    }

    public string Url { get; }

    public ConcurrentQueue<ProxyCall> Calls { get; } = new();

    /// <summary>getUpdates calls that arrived while another was still open: real Telegram ends the older one with 409.</summary>
    public int OverlappingPolls => Volatile.Read(ref _overlappingPolls);

    /// <summary>The Bot API base URL for one of several hosts: calls through it carry <paramref name="host"/>.</summary>
    public string UrlFor(string host) => $"{Url}/{host}";

    public static async Task<TelegramBotApiProxy> StartAsync(string emulatorUrl)
    {
        var url = $"http://127.0.0.1:{TelegramEmulator.FreePort()}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var proxy = new TelegramBotApiProxy(app, emulatorUrl, url);
        app.MapPost("/bot{token}/{method}", (HttpContext http, string token, string method) => proxy.HandleAsync(http, null, token, method));
        app.MapPost("/{host}/bot{token}/{method}", proxy.HandleAsync);
        app.MapPost("/relay/{token}", proxy.RelayAsync);
        await app.StartAsync();
        return proxy;
    }

    public IEnumerable<ProxyCall> CallsOf(string method) => Calls.Where(c => c.Method == method);

    /// <summary>The next call of <paramref name="method"/> gets this answer instead of the emulator's.</summary>
    public void InjectFault(string method, int status, string body) =>
        _faults.GetOrAdd(method, _ => new ConcurrentQueue<(int, string)>()).Enqueue((status, body));

    /// <summary>The next getUpdates also returns the last confirmed update, as Telegram does when a confirmation is lost.</summary>
    public Task RedeliverLastConfirmedAsync()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _redeliver = done;
        return done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _upstream.Dispose();
    }

    private async Task HandleAsync(HttpContext http, string? host, string token, string method)
    {
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(http.RequestAborted);
        var body = (string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text) as JsonObject) ?? [];
        Calls.Enqueue(new ProxyCall(method, body, Stopwatch.GetTimestamp(), host));
        if (_faults.TryGetValue(method, out var faults) && faults.TryDequeue(out var fault))
        {
            await WriteAsync(http, fault.Status, fault.Body);
            return;
        }

        switch (method)
        {
            case "getUpdates":
                if (Interlocked.Increment(ref _activePolls) > 1)
                {
                    Interlocked.Increment(ref _overlappingPolls);
                }

                try
                {
                    await GetUpdatesAsync(http, token, body);
                }
                finally
                {
                    Interlocked.Decrement(ref _activePolls);
                }

                return;
            case "sendChatAction":
                await WriteAsync(http, 200, """{"ok":true,"result":true}""");
                return;
            case "setWebhook":
                _webhookUrl = body["url"]?.GetValue<string>();
                _webhookSecret = body["secret_token"]?.GetValue<string>();
                body = new JsonObject { ["url"] = $"{Url}/relay/{token}" };
                break;
            default:
                break;
        }

        using var response = await _upstream.PostAsJsonAsync($"{_emulatorUrl}/bot{token}/{method}", body, http.RequestAborted);
        var answer = await response.Content.ReadAsStringAsync(http.RequestAborted);
        if (response.IsSuccessStatusCode)
        {
            await WriteAsync(http, 200, method == "setWebhook" ? """{"ok":true,"result":true,"description":"Webhook was set"}""" : answer);
            return;
        }

        var message = (JsonNode.Parse(answer) as JsonObject)?["message"]?.GetValue<string>() ?? answer;
        await WriteAsync(http, 400, new JsonObject
        {
            ["ok"] = false,
            ["error_code"] = 400,
            ["description"] = "Bad Request: " + message,
        }.ToJsonString());
    }

    private async Task GetUpdatesAsync(HttpContext http, string token, JsonObject body)
    {
        var offset = body["offset"]?.GetValue<long>() ?? 0;
        var timeout = TimeSpan.FromSeconds(body["timeout"]?.GetValue<int>() ?? 0);
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            await PullAsync(token, http.RequestAborted);
            var result = new JsonArray();
            lock (_gate)
            {
                foreach (var confirmed in _pending.Keys.Where(id => id < offset).ToList())
                {
                    _pending.Remove(confirmed);
                }

                if (_redeliver is { } redeliver && _archive.TryGetValue(offset - 1, out var last))
                {
                    result.Add(last.DeepClone());
                    _redeliver = null;
                    redeliver.TrySetResult();
                }

                foreach (var update in _pending.Values)
                {
                    result.Add(update.DeepClone());
                }
            }

            if (result.Count > 0 || Stopwatch.GetElapsedTime(started) >= timeout)
            {
                await WriteAsync(http, 200, new JsonObject { ["ok"] = true, ["result"] = result }.ToJsonString());
                return;
            }

            await Task.Delay(50, http.RequestAborted);
        }
    }

    private async Task PullAsync(string token, CancellationToken cancellationToken)
    {
        using var response = await _upstream.PostAsJsonAsync($"{_emulatorUrl}/bot{token}/getUpdates", new { }, cancellationToken);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken)) as JsonObject;
        if (answer?["result"] is not JsonArray updates)
        {
            return;
        }

        lock (_gate)
        {
            foreach (var update in updates.OfType<JsonObject>())
            {
                var id = update["update_id"]!.GetValue<long>();
                _pending[id] = update;
                _archive[id] = update;
            }
        }
    }

    private async Task RelayAsync(HttpContext http, string token)
    {
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var update = await reader.ReadToEndAsync(http.RequestAborted);
        if (_webhookUrl is not null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, _webhookUrl)
            {
                Content = new StringContent(update, Encoding.UTF8, "application/json"),
            };
            if (_webhookSecret is not null)
            {
                request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", _webhookSecret);
            }

            using var response = await _upstream.SendAsync(request, http.RequestAborted);
            Calls.Enqueue(new ProxyCall("webhook:" + (int)response.StatusCode, JsonNode.Parse(update) as JsonObject ?? [], Stopwatch.GetTimestamp()));
        }

        // Always 200: the emulator does not handle a failed webhook call (it would crash node).
        http.Response.StatusCode = 200;
    }

    private static async Task WriteAsync(HttpContext http, int status, string json)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(json, http.RequestAborted);
    }
}
