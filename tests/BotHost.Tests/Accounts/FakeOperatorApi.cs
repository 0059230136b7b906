using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace BotHost.Tests.Accounts;

/// <summary>
/// The operator's player API as the README documents it, on Kestrel at 127.0.0.1: p-2001 exists, p-slow answers too
/// late, p-down always fails with 503, anyone else is 404. Records every request's player id and Authorization header.
/// </summary>
public sealed class FakeOperatorApi : IAsyncDisposable
{
    public const string ApiKey = "operator-api-key-123";

    private readonly WebApplication _app;

    private FakeOperatorApi(WebApplication app) => _app = app;

    public ConcurrentQueue<(string PlayerId, string Authorization)> Requests { get; } = new();

    public string BaseUrl => _app.Urls.First() + "/api/";

    public int RequestsFor(string playerId) => Requests.Count(r => r.PlayerId == playerId);

    public static async Task<FakeOperatorApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var api = new FakeOperatorApi(app);
        app.MapGet("/api/players/{playerId}/summary", async (string playerId, HttpContext http) =>
        {
            api.Requests.Enqueue((playerId, http.Request.Headers.Authorization.ToString()));
            switch (playerId)
            {
                case "p-2001":
                    return Results.Text(Summary, "application/json");
                case "p-slow":
                    await Task.Delay(TimeSpan.FromSeconds(5), http.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                    return Results.Text(Summary, "application/json");
                case "p-down":
                    return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
                default:
                    return Results.NotFound();
            }
        });
        await app.StartAsync();
        return api;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private const string Summary = """
        {
          "playerId": "p-2001", "displayName": "Marta Nowak", "currency": "PLN",
          "balance": 432.10, "bonusBalance": 0, "isVip": false,
          "verification": "Verified", "missingDocuments": [],
          "pendingWithdrawals": [
            { "id": "W-5001", "amount": 200, "method": "BLIK", "status": "processing",
              "requestedAt": "2026-11-24T10:00:00Z", "expectedBy": "2099-11-27T10:00:00Z" } ],
          "wagering": [ { "bonusName": "Reload 50%", "required": 500, "wagered": 125, "expiresAt": "2099-12-13T00:00:00Z" } ]
        }
        """;
}
