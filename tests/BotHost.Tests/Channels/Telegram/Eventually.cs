namespace BotHost.Tests.Channels.Telegram;

/// <summary>Waits for a condition that a background loop makes true.</summary>
public static class Eventually
{
    public static async Task<T> ValueAsync<T>(Func<Task<T?>> probe, TimeSpan? timeout = null)
        where T : struct
    {
        var deadline = TimeSpan.FromTicks(Environment.TickCount64 * TimeSpan.TicksPerMillisecond) + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (TimeSpan.FromTicks(Environment.TickCount64 * TimeSpan.TicksPerMillisecond) > deadline)
            {
                throw new TimeoutException("The condition did not become true in time.");
            }

            await Task.Delay(100);
        }
    }

    public static Task TrueAsync(Func<bool> condition, TimeSpan? timeout = null) =>
        ValueAsync<bool>(() => Task.FromResult(condition() ? true : (bool?)null), timeout);
}
