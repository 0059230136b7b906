namespace BotHost.AgentConsole;

public sealed class CannedResponse
{
    public string Title { get; set; } = "";
    public string Text { get; set; } = "";
}

/// <summary>Agent accounts and canned answers for the console.</summary>
public sealed class AgentConsoleOptions
{
    public const string SectionName = "AgentConsole";

    /// <summary>Agents who may sign in. <value>Default: none (configure in appsettings or the environment).</value></summary>
    public List<AgentAccount> Agents { get; set; } = [];

    /// <summary>Canned responses per language. <value>Default: none.</value></summary>
    public Dictionary<string, List<CannedResponse>> CannedResponses { get; set; } = [];

    /// <summary>A player silent this long while waiting is marked as having left. <value>Default 30 min.</value></summary>
    public int AbandonAfterMinutes { get; set; } = 30;
}
