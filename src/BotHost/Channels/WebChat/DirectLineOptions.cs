using System.ComponentModel.DataAnnotations;

namespace BotHost.Channels.WebChat;

/// <summary>The website channel (Direct Line 3.0).</summary>
public sealed class DirectLineOptions
{
    public const string SectionName = "DirectLine";

    /// <summary>The site's secret, used only server-side to generate tokens. <value>Default: generated once and kept in the data folder.</value></summary>
    public string? Secret { get; set; }

    /// <summary>Token lifetime. <value>Default 3600 s.</value></summary>
    [Range(60, 86400)]
    public int TokenLifetimeSeconds { get; set; } = 3600;

    /// <summary>Longest message the bot reads; longer ones are kept in the transcript and the player is asked to split them. <value>Default 4000.</value></summary>
    [Range(100, 100_000)]
    public int MaxMessageLength { get; set; } = 4000;

    /// <summary>Largest activity body accepted. <value>Default 262144 bytes.</value></summary>
    [Range(1024, 4 * 1024 * 1024)]
    public int MaxActivityBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// Messages one conversation may send per minute on average; beyond it (and <see cref="MessageBurst"/>) a POST is
    /// refused with 429 <c>Throttled</c> and <c>Retry-After</c>, before anything is stored. <value>Default 30.</value>
    /// </summary>
    [Range(1, 6000)]
    public int MessagesPerMinute { get; set; } = 30;

    /// <summary>Messages one conversation may send at once before <see cref="MessagesPerMinute"/> applies. <value>Default 10.</value></summary>
    [Range(1, 1000)]
    public int MessageBurst { get; set; } = 10;
}
