using System.ComponentModel.DataAnnotations;

namespace Handoff.Queues;

/// <summary>
/// Working hours of a queue in a time zone. <see cref="From"/> equal to <see cref="To"/> means the whole day;
/// <see cref="From"/> after <see cref="To"/> is an overnight shift that starts on one of <see cref="Days"/>.
/// </summary>
public sealed class WorkingHoursOptions
{
    /// <summary>
    /// Days on which a shift starts: English day names or 3-letter abbreviations, ranges and lists, for example
    /// <c>Mon-Fri</c>, <c>Mon-Fri,Sun</c> or <c>Fri-Mon</c>; empty means never staffed. A string rather than a list so that
    /// configuration replaces the default instead of appending to it.
    /// </summary>
    /// <value>Default <c>Mon-Sun</c>.</value>
    [Required(AllowEmptyStrings = true)]
    [RegularExpression(DaySet.Pattern)]
    public string Days { get; set; } = "Mon-Sun";

    /// <summary>Local start of the shift.</summary>
    /// <value>Default 08:00.</value>
    [Range(typeof(TimeSpan), "00:00:00", "23:59:59")]
    public TimeSpan From { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Local end of the shift (exclusive).</summary>
    /// <value>Default 22:00.</value>
    [Range(typeof(TimeSpan), "00:00:00", "23:59:59")]
    public TimeSpan To { get; set; } = TimeSpan.FromHours(22);

    /// <summary>Time zone id (IANA or Windows) the hours are in.</summary>
    /// <value>Default <c>UTC</c>.</value>
    [Required]
    public string TimeZoneId { get; set; } = "UTC";

    /// <summary>Working hours of a queue that is always staffed.</summary>
    /// <returns>Every day, all day, UTC.</returns>
    public static WorkingHoursOptions AlwaysOpen() => new() { From = TimeSpan.Zero, To = TimeSpan.Zero };
}
