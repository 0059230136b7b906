using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace BotHost.Channels.Teams;

/// <summary>
/// Checks the JWT the Bot Framework channel sends with every activity, as Microsoft documents it: signed with a key
/// from the channel's OpenID metadata, issued by the Bot Framework, addressed to this bot's app id, not expired, and
/// endorsing the activity's serviceUrl.
/// </summary>
public sealed class BotFrameworkAuthenticator
{
    public const string MetadataClient = "botframework-metadata";
    private const string ServiceUrlClaim = "serviceurl";
    private readonly BotFrameworkOptions _options;
    private readonly ConfigurationManager<OpenIdConnectConfiguration>? _metadata;
    private readonly JsonWebTokenHandler _handler = new();

    public BotFrameworkAuthenticator(IOptions<BotFrameworkOptions> options, IHttpClientFactory httpClients)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClients);
        _options = options.Value;
        if (_options.AuthenticationEnabled)
        {
            // Microsoft's retriever insists on https; only a metadata document on this machine (tests) may be plain http.
            var metadataUri = new Uri(_options.OpenIdMetadataUrl, UriKind.Absolute);
            var retriever = new HttpDocumentRetriever(httpClients.CreateClient(MetadataClient)) { RequireHttps = !metadataUri.IsLoopback };
            _metadata = new ConfigurationManager<OpenIdConnectConfiguration>(
                _options.OpenIdMetadataUrl, new OpenIdConnectConfigurationRetriever(), retriever);
        }
    }

    public bool IsEnabled => _metadata is not null;

    /// <summary>Null when the request is authentic (or authentication is off); otherwise why it is not.</summary>
    public async Task<string?> ValidateAsync(string? authorization, string? serviceUrl, string? channelId, CancellationToken cancellationToken)
    {
        if (_metadata is null)
        {
            return null;
        }

        const string Bearer = "Bearer ";
        if (authorization is null || !authorization.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
        {
            return "no Bearer token";
        }

        var token = authorization[Bearer.Length..].Trim();
        var config = await _metadata.GetConfigurationAsync(cancellationToken);
        var result = await _handler.ValidateTokenAsync(token, Parameters(config));
        if (!result.IsValid && result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // The channel rolled its keys: fetch the metadata again (rate-limited by the manager) and retry once.
            _metadata.RequestRefresh();
            config = await _metadata.GetConfigurationAsync(cancellationToken);
            result = await _handler.ValidateTokenAsync(token, Parameters(config));
        }

        if (!result.IsValid)
        {
            return result.Exception?.GetType().Name ?? "invalid token";
        }

        var claimed = result.ClaimsIdentity.FindFirst(ServiceUrlClaim)?.Value;
        if (claimed is null || serviceUrl is null || !SameUrl(claimed, serviceUrl))
        {
            return "the token's serviceurl claim does not match the activity's serviceUrl";
        }

        if (result.SecurityToken is JsonWebToken jwt && !Endorses(config, jwt.Kid, channelId))
        {
            return "the signing key does not endorse channel " + channelId;
        }

        return null;
    }

    private TokenValidationParameters Parameters(OpenIdConnectConfiguration config) => new()
    {
        ValidIssuers = _options.ValidIssuers,
        ValidAudience = _options.AppId,
        IssuerSigningKeys = config.SigningKeys,
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateLifetime = true,
        ValidateIssuerSigningKey = true,
        RequireExpirationTime = true,
        RequireSignedTokens = true,
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        ClockSkew = TimeSpan.FromMinutes(5),
    };

    /// <summary>Keys in the Bot Framework metadata list the channels they may sign for; a key without the list endorses all.</summary>
    private static bool Endorses(OpenIdConnectConfiguration config, string? kid, string? channelId)
    {
        var key = config.JsonWebKeySet?.Keys.FirstOrDefault(k => string.Equals(k.Kid, kid, StringComparison.Ordinal));
        if (key is null || !key.AdditionalData.TryGetValue("endorsements", out var endorsements) || endorsements is null)
        {
            return true;
        }

        IEnumerable<string?> channels = endorsements switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray().Select(e => e.ToString()),
            IEnumerable<object> list => list.Select(o => o?.ToString()),
            _ => [],
        };
        return channelId is not null && channels.Contains(channelId, StringComparer.OrdinalIgnoreCase);
    }

    internal static bool SameUrl(string a, string b) =>
        string.Equals(a.TrimEnd('/'), b.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
}
