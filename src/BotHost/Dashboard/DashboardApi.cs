using BotHost.AgentConsole;
using BotHost.Knowledge;
using Handoff.Conversations;
using Handoff.Persistence;
using Handoff.Tickets;
using KnowledgeIndex.Indexing;

namespace BotHost.Dashboard;

/// <summary>
/// Supervisors' dashboard: the page at <c>/dashboard</c> and <c>/dashboard/api/stats?days=7</c> (agent console
/// cookie, supervisors only): containment, handoff rate, time to pickup, CSAT, top handoff reasons and intents, and
/// the messages the bot could not answer.
/// </summary>
public static class DashboardApi
{
    private const int TopCount = 5;
    private const int ToReviewCount = 30;
    private const int TicketScanLimit = 100_000;
    private const int UnansweredScanLimit = 20_000;

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        app.MapGet("/dashboard", (IWebHostEnvironment environment) => Page(environment, "dashboard/index.html"));
        app.MapGet("/dashboard/articles", (IWebHostEnvironment environment) => Page(environment, "dashboard/articles.html"));
        app.MapGet("/dashboard/api/stats", StatsAsync).RequireSupervisor();
        app.MapUnansweredReview();
        app.MapKnowledgeEditing();
        app.MapPlayerData();
        return app;
    }

    private static async Task<IResult> StatsAsync(
        int? days, string? language, IHandoffStore store, PickupRecorder recorder, KnowledgeRuntime knowledge,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var window = days ?? 7;
        if (window is < 1 or > 366)
        {
            return TypedResults.Problem(title: "days must be between 1 and 366.", statusCode: StatusCodes.Status400BadRequest);
        }

        var to = clock.GetUtcNow();
        var from = to.AddDays(-window);
        var tickets = (await store.ListTicketsAsync(new TicketQuery { Limit = TicketScanLimit }, cancellationToken))
            .Where(t => t.CreatedAt >= from)
            .ToList();
        var startedByDay = await store.CountConversationsByDayAsync(from, cancellationToken);
        var started = startedByDay.Values.Sum();
        var handedOff = tickets.Select(t => t.ConversationId).Distinct(StringComparer.Ordinal).LongCount();
        // A ticket in the window may belong to a conversation that started before it; never report more handoffs than conversations.
        var total = Math.Max(started, handedOff);

        var pickups = new List<double>();
        foreach (var ticket in tickets.Where(t => t.AssigneeId is not null || t.Status is TicketStatus.Resolved))
        {
            if (await recorder.PickedUpAtAsync(ticket.Id, cancellationToken) is { } at)
            {
                pickups.Add((at - ticket.CreatedAt).TotalSeconds);
            }
        }

        var rated = tickets.Where(t => t.CsatScore is not null).ToList();
        var unanswered = await store.ListUnansweredAsync(from, UnansweredScanLimit, cancellationToken);
        // One line per message (case and spacing aside) and language that nobody reviewed yet, in one language when
        // asked (?language=pl, for the person who teaches that language): the most asked first.
        var toReview = unanswered
            .Where(u => u.ReviewedAs is null && (string.IsNullOrEmpty(language) || u.Language == language))
            .GroupBy(u => (u.Language, Text: FaqEditor.TextKey(u.Text)))
            .Select(g => (Newest: g.First(), Count: g.Count()))
            .OrderByDescending(g => g.Count)
            .ThenByDescending(g => g.Newest.At)
            .Take(ToReviewCount)
            .Select(g => new UnansweredGroup(
                g.Newest.Id, g.Newest.Language, g.Newest.Text, g.Newest.Outcome, g.Newest.At, g.Count,
                ArticleSuggestions.For(knowledge, g.Newest.Text, g.Newest.Language)))
            .ToList();
        return TypedResults.Ok(new DashboardStats(
            window,
            from,
            to,
            total,
            handedOff,
            total == 0 ? null : Math.Round((double)(total - handedOff) / total, 4),
            total == 0 ? null : Math.Round((double)handedOff / total, 4),
            Median(pickups),
            pickups.Count,
            rated.Count == 0 ? null : Math.Round(rated.Average(t => t.CsatScore!.Value), 2),
            rated.Count,
            Top(tickets.Select(t => t.Reason)),
            Top(tickets.Where(t => t.TopIntents.Count > 0).Select(t => t.TopIntents[0].Intent)),
            unanswered.Count,
            unanswered.Count(u => u.ReviewedAs is null),
            toReview,
            Daily(from, to, startedByDay, tickets, unanswered)));
    }

    /// <summary>
    /// Every UTC day of the period, oldest first: conversations started, conversations handed off (by the day of their
    /// first ticket that day) and unanswered messages.
    /// </summary>
    private static List<DailyCounts> Daily(
        DateTimeOffset from, DateTimeOffset to, IReadOnlyDictionary<DateOnly, long> started, List<Ticket> tickets, IReadOnlyList<UnansweredQuestion> unanswered)
    {
        var handedOff = tickets
            .GroupBy(t => DateOnly.FromDateTime(t.CreatedAt.UtcDateTime))
            .ToDictionary(g => g.Key, g => g.Select(t => t.ConversationId).Distinct(StringComparer.Ordinal).LongCount());
        var notAnswered = unanswered.GroupBy(u => DateOnly.FromDateTime(u.At.UtcDateTime)).ToDictionary(g => g.Key, g => g.Count());
        var days = new List<DailyCounts>();
        for (var day = DateOnly.FromDateTime(from.UtcDateTime); day <= DateOnly.FromDateTime(to.UtcDateTime); day = day.AddDays(1))
        {
            var handed = handedOff.GetValueOrDefault(day);
            days.Add(new DailyCounts(day, Math.Max(started.GetValueOrDefault(day), handed), handed, notAnswered.GetValueOrDefault(day)));
        }

        return days;
    }

    /// <summary>One log category for what supervisors do on the dashboard (teach, edit, erase).</summary>
    internal static ILogger Logger(ILoggerFactory loggers) => loggers.CreateLogger(typeof(DashboardApi));

    private static IResult Page(IWebHostEnvironment environment, string file) =>
        environment.WebRootFileProvider.GetFileInfo(file) is { Exists: true, PhysicalPath: { } path }
            ? Results.File(path, "text/html; charset=utf-8")
            : Results.NotFound();

    /// <summary>The agent console's cookie, supervisors only.</summary>
    internal static TBuilder RequireSupervisor<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(p => p.AddAuthenticationSchemes(AgentConsoleApi.Scheme).RequireRole("supervisor"));

    private static double? Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        values.Sort();
        var middle = values.Count / 2;
        return Math.Round(values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2, 1);
    }

    private static List<DashboardCount> Top(IEnumerable<string> names) =>
        names.GroupBy(n => n, StringComparer.Ordinal)
            .Select(g => new DashboardCount(g.Key, g.Count()))
            .OrderByDescending(c => c.Count)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Take(TopCount)
            .ToList();
}
