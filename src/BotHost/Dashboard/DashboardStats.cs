namespace BotHost.Dashboard;

/// <summary>What <c>GET /dashboard/api/stats</c> returns: the last <see cref="Days"/> days.</summary>
public sealed record DashboardStats(
    int Days,
    DateTimeOffset From,
    DateTimeOffset To,
    long Conversations,
    long HandedOff,
    double? ContainmentRate,
    double? HandoffRate,
    double? MedianPickupSeconds,
    int Pickups,
    double? CsatAverage,
    int CsatCount,
    IReadOnlyList<DashboardCount> TopReasons,
    IReadOnlyList<DashboardCount> TopIntents);
