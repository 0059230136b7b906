using System.Globalization;
using Handoff.Tickets;

namespace Handoff.Queues;

/// <summary>
/// Routes a new ticket to a queue (VIP first, then intent rules, then the default queue), sets its priority and SLA,
/// and answers whether a queue is staffed and when it opens next.
/// </summary>
public sealed class QueueRouter
{
    private readonly HandoffOptions _options;
    private readonly Dictionary<string, TimeZoneInfo> _timeZones = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, HashSet<DayOfWeek>> _days = new(StringComparer.OrdinalIgnoreCase);
    private readonly KeyValuePair<string, string>[] _wildcardRules;

    /// <summary>Creates a router and checks that every queue named by the options exists and has a known time zone.</summary>
    /// <param name="options">Queues and routing rules.</param>
    /// <exception cref="ArgumentException">A rule names an unknown queue or a time zone id is unknown.</exception>
    public QueueRouter(HandoffOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        foreach (var (name, queue) in options.Queues)
        {
            try
            {
                _timeZones[name] = TimeZoneInfo.FindSystemTimeZoneById(queue.WorkingHours.TimeZoneId);
            }
            catch (TimeZoneNotFoundException ex)
            {
                throw new ArgumentException($"Queue '{name}' has unknown time zone '{queue.WorkingHours.TimeZoneId}'.", nameof(options), ex);
            }

            try
            {
                _days[name] = DaySet.Parse(queue.WorkingHours.Days);
            }
            catch (FormatException ex)
            {
                throw new ArgumentException($"Queue '{name}' has invalid working days '{queue.WorkingHours.Days}': {ex.Message}", nameof(options), ex);
            }
        }

        foreach (var queueName in options.RoutingRules.Values.Append(options.DefaultQueue).Append(options.VipQueue))
        {
            if (!options.Queues.ContainsKey(queueName))
            {
                throw new ArgumentException($"Routing refers to queue '{queueName}', which is not configured.", nameof(options));
            }
        }

        _wildcardRules = [.. options.RoutingRules
            .Where(r => r.Key.EndsWith('*'))
            .Select(r => KeyValuePair.Create(r.Key[..^1], r.Value))
            .OrderByDescending(r => r.Key.Length)
            .ThenBy(r => r.Key, StringComparer.Ordinal)];
    }

    /// <summary>Names of the configured queues.</summary>
    public IReadOnlyCollection<string> QueueNames => _options.Queues.Keys;

    /// <summary>True when a queue of that name is configured.</summary>
    /// <param name="queue">Queue name.</param>
    /// <returns>Whether it exists.</returns>
    public bool HasQueue(string queue)
    {
        ArgumentNullException.ThrowIfNull(queue);
        return _options.Queues.ContainsKey(queue);
    }

    /// <summary>Decides queue, priority and first-response due time for a new ticket.</summary>
    /// <param name="ticket">What the bot knows.</param>
    /// <param name="now">Current time.</param>
    /// <returns>The route.</returns>
    public TicketRoute Route(NewTicket ticket, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var queue = ticket.IsVip ? _options.VipQueue : QueueForIntent(ticket.Intent);
        var priority = _options.BasePriority
            + (ticket.IsVip ? _options.VipPriorityBoost : 0)
            + (ticket.IsSensitive ? _options.SensitivePriorityBoost : 0);
        var isOpen = IsOpen(queue, now);
        var start = isOpen ? now : NextOpening(queue, now) ?? now;
        var sla = TimeSpan.FromMinutes(GetQueue(queue).SlaMinutes);
        return new TicketRoute(queue, priority, start + sla, isOpen);
    }

    /// <summary>The queue the rules pick for an intent (ignoring VIP status).</summary>
    /// <param name="intent">Intent id, or null.</param>
    /// <returns>Queue name.</returns>
    public string QueueForIntent(string? intent)
    {
        if (string.IsNullOrWhiteSpace(intent))
        {
            return _options.DefaultQueue;
        }

        if (_options.RoutingRules.TryGetValue(intent, out var exact) && !intent.EndsWith('*'))
        {
            return exact;
        }

        foreach (var (prefix, queue) in _wildcardRules)
        {
            if (intent.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return queue;
            }
        }

        return _options.DefaultQueue;
    }

    /// <summary>True when the queue is staffed at <paramref name="now"/>.</summary>
    /// <param name="queue">Queue name.</param>
    /// <param name="now">The instant to check.</param>
    /// <returns>Whether agents are on duty.</returns>
    /// <exception cref="ArgumentException">Unknown queue.</exception>
    public bool IsOpen(string queue, DateTimeOffset now)
    {
        var hours = GetQueue(queue).WorkingHours;
        var days = _days[queue];
        var local = TimeZoneInfo.ConvertTime(now, _timeZones[queue]);
        var time = local.TimeOfDay;
        var day = local.DayOfWeek;
        if (hours.From == hours.To)
        {
            return days.Contains(day);
        }

        if (hours.From < hours.To)
        {
            return days.Contains(day) && time >= hours.From && time < hours.To;
        }

        var previousDay = (DayOfWeek)(((int)day + 6) % 7);
        return (days.Contains(day) && time >= hours.From) || (days.Contains(previousDay) && time < hours.To);
    }

    /// <summary>
    /// When the queue is next staffed: <paramref name="now"/> when it is open, the next shift start otherwise, or null
    /// when it has no working days.
    /// </summary>
    /// <param name="queue">Queue name.</param>
    /// <param name="now">The instant to start from.</param>
    /// <returns>The opening time in the queue's time zone, or null.</returns>
    /// <exception cref="ArgumentException">Unknown queue.</exception>
    public DateTimeOffset? NextOpening(string queue, DateTimeOffset now)
    {
        if (IsOpen(queue, now))
        {
            return now;
        }

        var hours = GetQueue(queue).WorkingHours;
        var days = _days[queue];
        var zone = _timeZones[queue];
        var localDate = TimeZoneInfo.ConvertTime(now, zone).Date;
        for (var offset = 0; offset <= 7; offset++)
        {
            var candidateDate = localDate.AddDays(offset);
            if (!days.Contains(candidateDate.DayOfWeek))
            {
                continue;
            }

            var local = candidateDate + hours.From;
            if (zone.IsInvalidTime(local))
            {
                // The shift starts inside a daylight-saving gap: it effectively starts when clocks jump forward.
                local = local.AddHours(1);
            }

            var opening = new DateTimeOffset(local, zone.GetUtcOffset(local));
            if (opening > now)
            {
                return opening;
            }
        }

        return null;
    }

    private QueueOptions GetQueue(string queue)
    {
        ArgumentNullException.ThrowIfNull(queue);
        return _options.Queues.TryGetValue(queue, out var options)
            ? options
            : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Unknown queue '{queue}'."), nameof(queue));
    }
}
