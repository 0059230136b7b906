namespace Handoff.Queues;

/// <summary>Parses day lists such as <c>Mon-Fri,Sun</c> (ranges may wrap: <c>Fri-Mon</c>).</summary>
internal static class DaySet
{
    public const string Pattern =
        @"^\s*$|^\s*[A-Za-z]{3,9}(\s*-\s*[A-Za-z]{3,9})?(\s*,\s*[A-Za-z]{3,9}(\s*-\s*[A-Za-z]{3,9})?)*\s*$";

    /// <summary>The days named by <paramref name="text"/>.</summary>
    /// <exception cref="FormatException">An unknown day name.</exception>
    public static HashSet<DayOfWeek> Parse(string? text)
    {
        var days = new HashSet<DayOfWeek>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return days;
        }

        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var range = part.Split('-', StringSplitOptions.TrimEntries);
            if (range.Length > 2)
            {
                throw new FormatException($"'{part}' is not a day or a day range.");
            }

            var from = ParseDay(range[0]);
            var to = range.Length == 2 ? ParseDay(range[1]) : from;
            for (var day = from; ; day = (DayOfWeek)(((int)day + 1) % 7))
            {
                days.Add(day);
                if (day == to)
                {
                    break;
                }
            }
        }

        return days;
    }

    private static DayOfWeek ParseDay(string name)
    {
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            var full = day.ToString();
            if (name.Equals(full, StringComparison.OrdinalIgnoreCase)
                || (name.Length == 3 && full.StartsWith(name, StringComparison.OrdinalIgnoreCase)))
            {
                return day;
            }
        }

        throw new FormatException($"'{name}' is not a day name (Mon, Tue, …, or Monday, Tuesday, …).");
    }
}
