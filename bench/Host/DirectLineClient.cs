using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Bench.Host;

/// <summary>
/// The website's side of Direct Line 3.0, as Web Chat drives it: a token from the demo site, a conversation, posted
/// message activities and polled activity sets with watermarks.
/// </summary>
internal sealed class DirectLineClient(HttpClient http, Uri baseAddress)
{
    /// <summary>POST /demo/token {locale}, then POST /v3/directline/conversations with that token.</summary>
    public async Task<DirectLineConversation> StartAsync(string locale, CancellationToken cancellationToken)
    {
        using var tokenResponse = await http.PostAsJsonAsync(new Uri(baseAddress, "demo/token"), new { locale }, cancellationToken);
        var issued = await ReadAsync(tokenResponse, "POST /demo/token", cancellationToken);
        var token = issued["token"]?.GetValue<string>() ?? throw new InvalidDataException("POST /demo/token returned no token.");

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseAddress, "v3/directline/conversations"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, cancellationToken);
        var started = await ReadAsync(response, "POST /v3/directline/conversations", cancellationToken);
        return new DirectLineConversation(
            started["conversationId"]?.GetValue<string>() ?? throw new InvalidDataException("No conversationId in the conversation."),
            started["token"]?.GetValue<string>() ?? token,
            locale);
    }

    /// <summary>Posts a message activity; returns the round trip (the host answers once the turn is processed).</summary>
    public async Task<TimeSpan> PostMessageAsync(DirectLineConversation conversation, string text, string clientActivityId, CancellationToken cancellationToken)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["text"] = text,
            ["locale"] = conversation.Locale,
            ["from"] = new JsonObject { ["id"] = "bench" },
            ["channelData"] = new JsonObject { ["clientActivityID"] = clientActivityId },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, ActivitiesUri(conversation, null));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", conversation.Token);
        request.Content = JsonContent.Create(activity);
        var started = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        await ReadAsync(response, "POST activities", cancellationToken);
        return elapsed;
    }

    /// <summary>GET activities after <paramref name="watermark"/>; returns them and the new watermark.</summary>
    public async Task<(IReadOnlyList<JsonObject> Activities, string? Watermark)> GetActivitiesAsync(
        DirectLineConversation conversation, string? watermark, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, ActivitiesUri(conversation, watermark));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", conversation.Token);
        using var response = await http.SendAsync(request, cancellationToken);
        var set = await ReadAsync(response, "GET activities", cancellationToken);
        var activities = (set["activities"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        return (activities, set["watermark"]?.GetValue<string>() ?? watermark);
    }

    private Uri ActivitiesUri(DirectLineConversation conversation, string? watermark) => new(baseAddress,
        $"v3/directline/conversations/{Uri.EscapeDataString(conversation.Id)}/activities" +
        (watermark is null ? "" : "?watermark=" + Uri.EscapeDataString(watermark)));

    private static async Task<JsonObject> ReadAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{what}: {(int)response.StatusCode} {body}", null, response.StatusCode);
        }

        return JsonNode.Parse(body) as JsonObject ?? throw new InvalidDataException($"{what}: the body is not a JSON object.");
    }
}
