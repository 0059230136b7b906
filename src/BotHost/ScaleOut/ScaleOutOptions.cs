using System.ComponentModel.DataAnnotations;

namespace BotHost.ScaleOut;

/// <summary>How hosts sharing PostgreSQL tell each other about new messages and tickets (LISTEN/NOTIFY).</summary>
public sealed class ScaleOutOptions
{
    public const string SectionName = "ScaleOut";

    /// <summary>First wait before reconnecting a dropped listener; doubles up to <see cref="ReconnectMaxDelayMs"/>. <value>Default 250 ms.</value></summary>
    [Range(10, 60_000)]
    public int ReconnectMinDelayMs { get; set; } = 250;

    /// <summary>Longest wait between reconnect attempts. <value>Default 10000 ms.</value></summary>
    [Range(100, 300_000)]
    public int ReconnectMaxDelayMs { get; set; } = 10_000;

    /// <summary>How long start-up waits for the first LISTEN before the host serves anyway. <value>Default 10000 ms.</value></summary>
    [Range(0, 120_000)]
    public int StartupWaitMs { get; set; } = 10_000;

    /// <summary>Idle seconds before the listener connection is probed, so a silently dead connection is noticed. <value>Default 15 s.</value></summary>
    [Range(1, 3600)]
    public int KeepAliveSeconds { get; set; } = 15;
}
