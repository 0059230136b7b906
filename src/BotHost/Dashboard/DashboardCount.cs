namespace BotHost.Dashboard;

/// <summary>A name with how often it occurred.</summary>
public sealed record DashboardCount(string Name, int Count);
