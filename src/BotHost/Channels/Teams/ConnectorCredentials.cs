using System.Text.Json;
using Microsoft.Extensions.Options;

namespace BotHost.Channels.Teams;

/// <summary>
/// The bot's Connector access token (OAuth client credentials for the Bot Framework scope), cached until shortly
/// before it expires and shared by every Connector call of the process.
/// </summary>
public sealed class ConnectorCredentials(IOptions<BotFrameworkOptions> options, TimeProvider clock) : IDisposable
{
    public const string Scope = "https://api.botframework.com/.default";
    private static readonly TimeSpan EarlyRenewal = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _lock = new(1, 1);
    private string? _token;
    private DateTimeOffset _renewAt;

    /// <summary>Null when no app id is configured (the Emulator on this machine takes unauthenticated replies).</summary>
    public async Task<string?> GetTokenAsync(HttpClient http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var settings = options.Value;
        if (!settings.AuthenticationEnabled)
        {
            return null;
        }

        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (_token is not null && clock.GetUtcNow() < _renewAt)
            {
                return _token;
            }

            using var content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = settings.AppId!,
                ["client_secret"] = settings.AppPassword ?? "",
                ["scope"] = Scope,
            });
            using var response = await http.PostAsync(new Uri(settings.ResolveTokenEndpoint()), content, cancellationToken);
            response.EnsureSuccessStatusCode();
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            if (!body.RootElement.TryGetProperty("access_token", out var token) || token.GetString() is not { Length: > 0 } accessToken)
            {
                throw new InvalidOperationException("The token endpoint answered without an access_token.");
            }

            var lifetime = body.RootElement.TryGetProperty("expires_in", out var expires) && expires.ValueKind == JsonValueKind.Number
                ? TimeSpan.FromSeconds(expires.GetInt32())
                : TimeSpan.FromMinutes(30);
            _token = accessToken;
            _renewAt = clock.GetUtcNow() + (lifetime > 2 * EarlyRenewal ? lifetime - EarlyRenewal : lifetime / 2);
            return _token;
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException("The token endpoint's answer is not JSON.", ex);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>The Connector refused the token (revoked, rotated secret): fetch a new one next time.</summary>
    public void Invalidate() => _token = null;

    public void Dispose() => _lock.Dispose();
}
