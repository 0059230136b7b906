using Handoff.Conversations;

namespace BotHost.Dashboard;

/// <summary>
/// What <c>GET /dashboard/api/stats</c> returns: the last <see cref="Days"/> days. <see cref="TopUnanswered"/> counts the
/// same unanswered message (case and spacing aside) across players; <see cref="RecentUnanswered"/> lists the latest.
/// </summary>
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
    IReadOnlyList<DashboardCount> TopIntents,
    int Unanswered,
    IReadOnlyList<DashboardCount> TopUnanswered,
    IReadOnlyList<UnansweredQuestion> RecentUnanswered);
