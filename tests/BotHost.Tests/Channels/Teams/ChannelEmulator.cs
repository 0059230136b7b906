using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BotHost.Tests.Channels.Teams;

/// <summary>
/// Plays the Bot Framework channel on 127.0.0.1 (Kestrel): publishes OpenID metadata and a JWKS with its own RSA key,
/// signs channel JWTs as the Bot Framework does (iss, aud = app id, serviceurl, exp), issues client-credentials tokens,
/// and is the Connector service that records the activities the bot sends.
/// </summary>
public sealed class ChannelEmulator : IAsyncDisposable
{
    public const string AppId = "11111111-2222-3333-4444-555555555555";
    public const string AppPassword = "emulated-app-password";
    public const string Issuer = "https://api.botframework.com";
    public const string KeyId = "emulator-key-1";

    private readonly RSA _rsa = RSA.Create(2048);
    private readonly RSA _forger = RSA.Create(2048);
    private readonly string _accessToken = "connector-" + Guid.NewGuid().ToString("N");
    private readonly ConcurrentQueue<RecordedActivity> _activities = new();
    private WebApplication? _app;
    private int _failures;
    private int _failureStatus = StatusCodes.Status429TooManyRequests;
    private int _failedCalls;
    private bool _down;
    private int _inFlight;
    private int _tokenRequests;
    private int _sequence;

    public string BaseUrl { get; private set; } = "";

    /// <summary>The Connector's service URL, as activities carry it.</summary>
    public string ServiceUrl => BaseUrl + "/";

    public string MetadataUrl => BaseUrl + "/v1/.well-known/openidconfiguration";

    public string TokenEndpoint => BaseUrl + "/oauth2/v2.0/token";

    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    public IReadOnlyList<RecordedActivity> Activities => [.. _activities];

    /// <summary>False for a bot without an app id (the Emulator takes unauthenticated replies).</summary>
    public bool RequireToken { get; init; } = true;

    /// <summary>
    /// While true, every Connector call (sending an activity) answers 503, as Teams does in an outage; the token
    /// endpoint, which is Entra ID and not Teams, keeps working.
    /// </summary>
    public bool Down
    {
        get => Volatile.Read(ref _down);
        set => Volatile.Write(ref _down, value);
    }

    /// <summary>The next <paramref name="count"/> Connector calls answer 429 with Retry-After: 1 (or <paramref name="statusCode"/>, without it).</summary>
    public void FailNext(int count, int statusCode = StatusCodes.Status429TooManyRequests)
    {
        Volatile.Write(ref _failureStatus, statusCode);
        Interlocked.Exchange(ref _failures, count);
    }

    /// <summary>How long the Connector takes to answer a call that succeeds (default none).</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Successful Connector calls that arrived and are waiting out <see cref="Latency"/>.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>The Connector calls answered with a failure (429, 503) so far.</summary>
    public int FailedCalls => Volatile.Read(ref _failedCalls);

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/v1/.well-known/openidconfiguration", () => Results.Json(new JsonObject
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = BaseUrl + "/authorize",
            ["jwks_uri"] = BaseUrl + "/v1/.well-known/keys",
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
        }));
        app.MapGet("/v1/.well-known/keys", () =>
        {
            var p = _rsa.ExportParameters(false);
            return Results.Json(new JsonObject
            {
                ["keys"] = new JsonArray(new JsonObject
                {
                    ["kty"] = "RSA",
                    ["use"] = "sig",
                    ["kid"] = KeyId,
                    ["n"] = Base64UrlEncoder.Encode(p.Modulus),
                    ["e"] = Base64UrlEncoder.Encode(p.Exponent),
                    ["endorsements"] = new JsonArray("msteams", "emulator"),
                }),
            });
        });
        app.MapPost("/oauth2/v2.0/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            if (form["grant_type"] != "client_credentials" || form["client_id"] != AppId || form["client_secret"] != AppPassword ||
                form["scope"] != "https://api.botframework.com/.default")
            {
                return Results.Json(new { error = "invalid_client" }, statusCode: StatusCodes.Status401Unauthorized);
            }

            Interlocked.Increment(ref _tokenRequests);
            return Results.Json(new { token_type = "Bearer", expires_in = 3600, ext_expires_in = 3600, access_token = _accessToken });
        });
        app.MapPost("/v3/conversations/{conversationId}/activities", (string conversationId, HttpRequest request) => ReceiveAsync(conversationId, null, request));
        app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", (string conversationId, string activityId, HttpRequest request) =>
            ReceiveAsync(conversationId, activityId, request));
        await app.StartAsync();
        _app = app;
        BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    /// <summary>A channel JWT as the Bot Framework signs it; <paramref name="forged"/> signs with a key not in the JWKS.</summary>
    public string Sign(string serviceUrl, string audience = AppId, TimeSpan? expiresIn = null, bool forged = false)
    {
        var expires = TimeProvider.System.GetUtcNow().UtcDateTime + (expiresIn ?? TimeSpan.FromHours(1));
        var key = new RsaSecurityKey(forged ? _forger : _rsa) { KeyId = KeyId };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            IssuedAt = expires.AddHours(-1),
            NotBefore = expires.AddHours(-1),
            Expires = expires,
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl, ["appid"] = "channel-app" },
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>Waits until an activity matching <paramref name="match"/> arrived (replies go out during the request, but cards may follow).</summary>
    public async Task<RecordedActivity> WaitForAsync(Func<RecordedActivity, bool> match, string what, int timeoutMs = 10_000)
    {
        var deadline = Environment.TickCount64 + timeoutMs;
        while (true)
        {
            if (Activities.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            if (Environment.TickCount64 > deadline)
            {
                var seen = string.Join("\n", Activities.Select(a => $"{a.ConversationId} [{a.Type}] {a.Text}"));
                throw new TimeoutException($"The Connector never received {what}. It received:\n{seen}");
            }

            await Task.Delay(50);
        }
    }

    private async Task<IResult> ReceiveAsync(string conversationId, string? replyToId, HttpRequest request)
    {
        if (RequireToken && request.Headers.Authorization.ToString() != "Bearer " + _accessToken)
        {
            return Results.Unauthorized();
        }

        if (Down)
        {
            Interlocked.Increment(ref _failedCalls);
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        if (Interlocked.Decrement(ref _failures) >= 0)
        {
            Interlocked.Increment(ref _failedCalls);
            var status = Volatile.Read(ref _failureStatus);
            if (status == StatusCodes.Status429TooManyRequests)
            {
                request.HttpContext.Response.Headers.RetryAfter = "1";
            }

            return Results.StatusCode(status);
        }

        Interlocked.Exchange(ref _failures, 0);
        var activity = (await JsonNode.ParseAsync(request.Body))!.AsObject();
        if (Latency > TimeSpan.Zero)
        {
            Interlocked.Increment(ref _inFlight);
            await Task.Delay(Latency);
            Interlocked.Decrement(ref _inFlight);
        }

        var id = "1" + Interlocked.Increment(ref _sequence).ToString("D6");
        _activities.Enqueue(new RecordedActivity(conversationId, replyToId, id, activity));
        return Results.Json(new { id });
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        _rsa.Dispose();
        _forger.Dispose();
    }
}
