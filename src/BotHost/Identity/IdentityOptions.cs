using System.ComponentModel.DataAnnotations;

namespace BotHost.Identity;

/// <summary>
/// How the operator's site vouches for a signed-in player (an HS256 JWT signed with a shared key), and how long a
/// one-time account-linking code for Telegram or Teams lives.
/// </summary>
public sealed class IdentityOptions
{
    public const string SectionName = "Identity";

    /// <summary>Shared signing key (at least 32 characters). <value>Default: generated once and kept in the data folder.</value></summary>
    public string? SigningKey { get; set; }

    /// <summary>Expected <c>iss</c>. <value>Default <c>operator-site</c>.</value></summary>
    public string Issuer { get; set; } = "operator-site";

    /// <summary>Expected <c>aud</c>. <value>Default <c>support-bot</c>.</value></summary>
    public string Audience { get; set; } = "support-bot";

    /// <summary>
    /// Lifetime of an account-linking code. Before linking served Teams too it was <c>Telegram:LinkCodeLifetimeMinutes</c>,
    /// which is still read when this is not set. <value>Default 15 min.</value>
    /// </summary>
    [Range(1, 1440)]
    public int LinkCodeLifetimeMinutes { get; set; } = 15;
}
