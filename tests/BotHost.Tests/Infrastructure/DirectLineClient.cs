using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BotHost.Tests.Infrastructure;

/// <summary>Speaks Direct Line 3.0 to the in-memory host, as botframework-directlinejs does.</summary>
public sealed class DirectLineClient(HttpClient http)
{
    public HttpClient Http { get; } = http;

    public static HttpRequestMessage Request(HttpMethod method, string url, string? bearer, object? body = null)
    {
        var request = new HttpRequestMessage(method, url);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (body is string raw)
        {
            request.Content = new StringContent(raw, Encoding.UTF8, "application/json");
        }
        else if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return request;
    }

    public async Task<JsonObject> SendJsonAsync(HttpMethod method, string url, string? bearer, object? body = null)
    {
        using var response = await Http.SendAsync(Request(method, url, bearer, body));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {url} → {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>tokens/generate with the secret, optionally with the operator's signed player token; returns the token.</summary>
    public async Task<string> GenerateTokenAsync(string? playerToken = null, string? locale = null)
    {
        var body = await SendJsonAsync(HttpMethod.Post, "/v3/directline/tokens/generate", BotAppFactory.DirectLineSecret,
            new { user = new { id = "dl_user", name = "Player" }, playerToken, locale });
        return body["token"]!.GetValue<string>();
    }

    /// <summary>Starts a conversation with a fresh token; returns (conversationId, token).</summary>
    public async Task<(string ConversationId, string Token)> StartAsync(string? playerToken = null, string? locale = null)
    {
        var token = await GenerateTokenAsync(playerToken, locale);
        var body = await SendJsonAsync(HttpMethod.Post, "/v3/directline/conversations", token);
        return (body["conversationId"]!.GetValue<string>(), body["token"]!.GetValue<string>());
    }

    public async Task<HttpResponseMessage> PostAsync(string conversationId, string token, object activity) =>
        await Http.SendAsync(Request(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", token, activity));

    public Task<JsonObject> SayAsync(string conversationId, string token, string text, string? clientActivityId = null, string locale = "en-US") =>
        SendJsonAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", token, Message(text, clientActivityId, locale));

    public static object Message(string text, string? clientActivityId = null, string locale = "en-US") => new
    {
        type = "message",
        from = new { id = "dl_user", name = "Player" },
        text,
        locale,
        channelData = new { clientActivityID = clientActivityId ?? Guid.NewGuid().ToString("N") },
    };

    /// <summary>GET activities; returns (activities, watermark).</summary>
    public async Task<(IReadOnlyList<JsonObject> Activities, string Watermark)> GetAsync(string conversationId, string token, string? watermark = null)
    {
        var url = $"/v3/directline/conversations/{conversationId}/activities" + (watermark is null ? "" : "?watermark=" + watermark);
        var body = await SendJsonAsync(HttpMethod.Get, url, token);
        Assert.Equal(JsonValueKind.String, body["watermark"]!.GetValueKind());
        return (body["activities"]!.AsArray().Select(a => a!.AsObject()).ToList(), body["watermark"]!.GetValue<string>());
    }

    public static IEnumerable<JsonObject> BotMessages(IEnumerable<JsonObject> activities) =>
        activities.Where(a => a["type"]?.GetValue<string>() == "message" && a["from"]?["role"]?.GetValue<string>() == "bot");
}
