using System.ComponentModel.DataAnnotations;

namespace BotHost.Accounts;

/// <summary>The operator's player API. When <see cref="BaseUrl"/> is set it replaces the embedded demo accounts.</summary>
public sealed class AccountApiOptions
{
    public const string SectionName = "AccountApi";

    /// <summary>Base URL, e.g. <c>https://players.operator.example/api/</c>. <value>Default null: the demo account store is used.</value></summary>
    [Url]
    public string? BaseUrl { get; set; }

    /// <summary>Sent as <c>Authorization: Bearer</c>. <value>Default null (no header).</value></summary>
    public string? ApiKey { get; set; }

    /// <summary>Time allowed for one attempt; a timed-out attempt is retried. <value>Default 3 s.</value></summary>
    [Range(1, 60)]
    public int TimeoutSeconds { get; set; } = 3;
}
