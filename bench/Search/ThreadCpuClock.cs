using System.Runtime.InteropServices;

namespace Bench.Search;

/// <summary>
/// CPU time of the calling thread (Linux CLOCK_THREAD_CPUTIME_ID). On a shared machine wall-clock latency includes
/// time spent waiting for a core; thread CPU time is what one search costs, independent of the load.
/// </summary>
internal static partial class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3;

    /// <summary>True when the clock can be read here.</summary>
    public static bool IsAvailable { get; } = OperatingSystem.IsLinux() && TryRead(out _);

    /// <summary>Thread CPU time in milliseconds.</summary>
    public static double NowMs() => TryRead(out var ms) ? ms : 0;

    private static bool TryRead(out double ms)
    {
        ms = 0;
        try
        {
            if (clock_gettime(ClockThreadCpuTimeId, out var ts) != 0)
            {
                return false;
            }

            ms = (ts.Seconds * 1000.0) + (ts.Nanoseconds / 1_000_000.0);
            return true;
        }
        catch (DllNotFoundException)
        {
            return false;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }

#pragma warning disable CA5392, SYSLIB1054 // libc is always resolved from the system; bench-only P/Invoke.
    [DllImport("libc", SetLastError = false)]
    private static extern int clock_gettime(int clockId, out Timespec timespec);
#pragma warning restore CA5392, SYSLIB1054

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
