using System.Globalization;

namespace BotHost.ScaleOut;

/// <summary>
/// The value of a lease or claim kept in a store cursor: "<c>{holder} {expiresUnixMs}</c>". Hosts take and renew it with
/// the store's compare-and-set; an absent, malformed or expired value is free.
/// </summary>
public static class LeaseValue
{
    public static string Format(string holder, DateTimeOffset expires) =>
        holder + " " + expires.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads a lease value; false for an absent or malformed one.</summary>
    public static bool TryParse(string? value, out string holder, out DateTimeOffset expires)
    {
        holder = "";
        expires = DateTimeOffset.UnixEpoch;
        var space = value?.LastIndexOf(' ') ?? -1;
        if (space <= 0 || !long.TryParse(value.AsSpan(space + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var unixMs))
        {
            return false;
        }

        holder = value![..space];
        expires = DateTimeOffset.FromUnixTimeMilliseconds(unixMs);
        return true;
    }

    /// <summary>True for a well-formed value that has not expired at <paramref name="now"/>.</summary>
    public static bool IsLive(string? value, DateTimeOffset now) => TryParse(value, out _, out var expires) && expires > now;
}
