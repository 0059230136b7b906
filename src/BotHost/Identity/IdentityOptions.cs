namespace BotHost.Identity;

/// <summary>How the operator's site vouches for a signed-in player: an HS256 JWT signed with a shared key.</summary>
public sealed class IdentityOptions
{
    public const string SectionName = "Identity";

    /// <summary>Shared signing key (at least 32 characters). <value>Default: generated once and kept in the data folder.</value></summary>
    public string? SigningKey { get; set; }

    /// <summary>Expected <c>iss</c>. <value>Default <c>operator-site</c>.</value></summary>
    public string Issuer { get; set; } = "operator-site";

    /// <summary>Expected <c>aud</c>. <value>Default <c>support-bot</c>.</value></summary>
    public string Audience { get; set; } = "support-bot";
}
