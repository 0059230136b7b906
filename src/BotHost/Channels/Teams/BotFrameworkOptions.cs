using System.ComponentModel.DataAnnotations;

namespace BotHost.Channels.Teams;

/// <summary>The Bot Framework channel (Azure Bot Service / Teams): incoming JWT checks and Connector credentials.</summary>
public sealed class BotFrameworkOptions
{
    public const string SectionName = "BotFramework";
    public const string DefaultTokenEndpoint = "https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token";

    /// <summary>The bot's Microsoft App id: the audience of incoming tokens and the client id of outgoing calls.
    /// <value>Default: none, which turns authentication off (local development with the Bot Framework Emulator).</value></summary>
    public string? AppId { get; set; }

    /// <summary>The app's client secret for the Connector token. <value>Default: none.</value></summary>
    public string? AppPassword { get; set; }

    /// <summary>Tenant of a single-tenant bot; replaces <c>botframework.com</c> in the default token endpoint. <value>Default: none (multi-tenant).</value></summary>
    public string? TenantId { get; set; }

    /// <summary>OpenID metadata with the channel's signing keys. <value>Default https://login.botframework.com/v1/.well-known/openidconfiguration.</value></summary>
    [Required]
    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>Where the bot gets its Connector access token (client credentials). <value>Default <see cref="DefaultTokenEndpoint"/>.</value></summary>
    [Required]
    public string TokenEndpoint { get; set; } = DefaultTokenEndpoint;

    /// <summary>Accepted issuers of incoming tokens; configured ones are added to the default (the configuration binder appends to lists).
    /// <value>Default https://api.botframework.com.</value></summary>
    public List<string> ValidIssuers { get; set; } = ["https://api.botframework.com"];

    /// <summary>Retries of a Connector call answered 429 or 5xx. <value>Default 3.</value></summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>First backoff delay when the Connector sends no Retry-After; doubles per attempt. <value>Default 1000 ms.</value></summary>
    [Range(0, 60_000)]
    public int RetryDelayMilliseconds { get; set; } = 1000;

    /// <summary>Largest activity body accepted. <value>Default 262144 bytes.</value></summary>
    [Range(1024, 4 * 1024 * 1024)]
    public int MaxActivityBytes { get; set; } = 256 * 1024;

    /// <summary>Longest message the bot reads; longer ones are stored and the player is asked to split them. <value>Default 4000.</value></summary>
    [Range(100, 100_000)]
    public int MaxMessageLength { get; set; } = 4000;

    public bool AuthenticationEnabled => !string.IsNullOrWhiteSpace(AppId);

    /// <summary>The token endpoint, with the tenant in place of <c>botframework.com</c> for a single-tenant bot.</summary>
    public string ResolveTokenEndpoint() =>
        !string.IsNullOrWhiteSpace(TenantId) && TokenEndpoint == DefaultTokenEndpoint
            ? TokenEndpoint.Replace("/botframework.com/", "/" + TenantId + "/", StringComparison.Ordinal)
            : TokenEndpoint;
}
