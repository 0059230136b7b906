namespace BotHost.Dashboard;

/// <summary>
/// What <c>GET /dashboard/api/stats</c> returns: the last <see cref="Days"/> days, in total and per UTC day (<see cref="Daily"/>). <see cref="Unanswered"/> counts every
/// message the bot could not answer, <see cref="UnansweredOpen"/> those nobody reviewed yet; <see cref="ToReview"/> groups
/// the open ones by language and text (case and spacing aside), the most asked first.
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
    int UnansweredOpen,
    IReadOnlyList<UnansweredGroup> ToReview,
    IReadOnlyList<DailyCounts> Daily);

/// <summary>One UTC day of the period.</summary>
/// <param name="Day">The day.</param>
/// <param name="Conversations">Conversations started that day (at least those handed off).</param>
/// <param name="HandedOff">Conversations that got a ticket that day.</param>
/// <param name="Unanswered">Messages the bot could not answer that day.</param>
public sealed record DailyCounts(DateOnly Day, long Conversations, long HandedOff, int Unanswered);

/// <summary>An unanswered message waiting for review, with how many times players sent it.</summary>
/// <param name="Id">The newest copy's id: review it with <c>POST /dashboard/api/unanswered/{id}/review</c>.</param>
/// <param name="Language">The language the bot replied in.</param>
/// <param name="Text">The newest copy's text (personal data masked).</param>
/// <param name="Outcome">How the bot replied to the newest copy.</param>
/// <param name="LatestAt">When the newest copy arrived.</param>
/// <param name="Count">Copies in the period.</param>
/// <param name="Suggested">Up to three article ids it may belong to (see <see cref="ArticleSuggestions"/>).</param>
public sealed record UnansweredGroup(
    long Id, string Language, string Text, string Outcome, DateTimeOffset LatestAt, int Count, IReadOnlyList<string> Suggested);
